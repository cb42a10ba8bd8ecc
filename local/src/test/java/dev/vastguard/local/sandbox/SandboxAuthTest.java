package dev.vastguard.local.sandbox;

import static dev.vastguard.local.sandbox.SandboxFixture.KEY;
import static dev.vastguard.local.sandbox.SandboxHttp.param;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.local.sandbox.SandboxHttp.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxAuthTest {

    private static final String INVALID_KEY =
            "{\"success\":false,\"error\":\"auth_error\",\"msg\":\"Invalid user key\"}";
    private static final String NEEDS_LOGIN =
            "{\"success\":false,\"error\":\"auth_error\",\"msg\":\"This action requires login.\"}";
    private static final String CHARGES =
            "/api/v0/charges/?" + param("select_filters", "{\"day\":{\"gte\":0,\"lte\":1999999999}}");

    private final SandboxFixture fixture = new SandboxFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void search_withUnknownKey_answers404AuthError() {
        Reply reply = fixture.http.post("wrong-key", "/api/v0/bundles/", "{}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo(INVALID_KEY);
    }

    @Test
    void charges_withUnknownKey_answers404AuthError() {
        Reply reply = fixture.http.get("wrong-key", CHARGES);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo(INVALID_KEY);
    }

    @Test
    void listAndShowAndCreate_withUnknownKey_answer401AuthError() {
        Reply list = fixture.http.get("wrong-key", "/api/v1/instances/");
        Reply show = fixture.http.get("wrong-key", "/api/v0/instances/1/?owner=me");
        Reply create = fixture.http.put("wrong-key", "/api/v0/asks/" + SandboxFixture.CHEAP_3090 + "/", "{}");

        assertThat(list.status()).isEqualTo(401);
        assertThat(list.body()).isEqualTo(INVALID_KEY);
        assertThat(show.status()).isEqualTo(401);
        assertThat(create.status()).isEqualTo(401);
    }

    @Test
    void anyEndpoint_withoutAuthorizationHeader_answers403RequiresLogin() {
        Reply search = fixture.http.post(null, "/api/v0/bundles/", "{}");
        Reply charges = fixture.http.get(null, CHARGES);
        Reply list = fixture.http.get(null, "/api/v1/instances/");

        assertThat(search.status()).isEqualTo(403);
        assertThat(search.body()).isEqualTo(NEEDS_LOGIN);
        assertThat(charges.status()).isEqualTo(403);
        assertThat(list.status()).isEqualTo(403);
    }

    @Test
    void list_withKeyOnlyInApiKeyQueryParameter_isRefusedBecauseTheSandboxIgnoresIt() {
        Reply reply = fixture.http.get(null, "/api/v1/instances/?api_key=" + KEY);

        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void list_withBearerHeader_answersWithExactJsonContentType() {
        Reply reply = fixture.http.get(KEY, "/api/v1/instances/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).contains("application/json");
    }

    @Test
    void gpuNames_withoutKey_answersLikeTheCliExpects() {
        Reply reply = fixture.http.get(null, "/api/v0/gpu_names/unique/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("gpu_names").toString())
                .isEqualTo("[\"A100 PCIE\",\"A100 SXM4\",\"H100 PCIE\",\"H100 SXM\",\"L40S\","
                        + "\"RTX 3060\",\"RTX 3090\",\"RTX 4090\"]");
    }

    @Test
    void unknownPath_answersHtml404() {
        Reply reply = fixture.http.get(KEY, "/api/v0/instances");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).contains("text/html");
    }
}
