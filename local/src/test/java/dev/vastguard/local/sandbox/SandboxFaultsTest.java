package dev.vastguard.local.sandbox;

import static dev.vastguard.local.sandbox.SandboxFixture.CHEAP_3090;
import static dev.vastguard.local.sandbox.SandboxFixture.KEY;
import static dev.vastguard.local.sandbox.SandboxHttp.param;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vastguard.local.sandbox.SandboxHttp.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxFaultsTest {

    private static final String CREATE = "/api/v0/asks/" + CHEAP_3090 + "/";
    private static final String CREATE_BODY = "{\"client_id\":\"me\",\"image\":\"x\",\"disk\":10,\"label\":\"tag-1\"}";

    private final SandboxFixture fixture = new SandboxFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void rateLimited_answers429PlainTextWithoutRetryAfter_thenRecovers() {
        fixture.sandbox.faults().failNext("GET", "/api/v1/instances/", 1, Fault.RATE_LIMITED);

        Reply limited = fixture.http.get(KEY, "/api/v1/instances/");
        Reply next = fixture.http.get(KEY, "/api/v1/instances/");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo("API requests too frequent endpoint threshold=1.0");
        assertThat(limited.contentType()).contains("text/plain");
        assertThat(limited.raw().headers().firstValue("Retry-After")).isEmpty();
        assertThat(next.status()).isEqualTo(200);
    }

    @Test
    void rateLimited_onCreate_namesCreateThreshold() {
        fixture.sandbox.faults().failNext("PUT", "/api/v0/asks/", 1, Fault.RATE_LIMITED);

        Reply limited = fixture.http.put(KEY, CREATE, CREATE_BODY);

        assertThat(limited.body()).isEqualTo("API requests too frequent endpoint threshold=4.5");
    }

    @Test
    void serverErrors_answerJsonStatusesAndDoNotProcess() {
        fixture.sandbox.faults().failNext("PUT", "/api/v0/asks/", 1, Fault.SERVER_ERROR);
        fixture.sandbox.faults().failNext("PUT", "/api/v0/asks/", 1, Fault.BAD_GATEWAY);
        fixture.sandbox.faults().failNext("PUT", "/api/v0/asks/", 1, Fault.SERVICE_UNAVAILABLE);

        List<Reply> replies = List.of(
                fixture.http.put(KEY, CREATE, CREATE_BODY),
                fixture.http.put(KEY, CREATE, CREATE_BODY),
                fixture.http.put(KEY, CREATE, CREATE_BODY));

        assertThat(replies).extracting(Reply::status).containsExactly(500, 502, 503);
        assertThat(replies.get(0).contentType()).contains("application/json");
        assertThat(replies.get(0).json().path("success").asBoolean(true)).isFalse();
        assertThat(fixture.sandbox.instances(KEY)).isEmpty();
    }

    @Test
    void failNext_withCount_failsThatManyMatchingRequestsOnly() {
        fixture.sandbox.faults().failNext("*", "/api/v1/", 2, Fault.SERVICE_UNAVAILABLE);

        Reply otherPath = fixture.http.post(KEY, "/api/v0/bundles/", "{}");
        List<Integer> statuses = List.of(
                fixture.http.get(KEY, "/api/v1/instances/").status(),
                fixture.http.get(KEY, "/api/v1/instances/").status(),
                fixture.http.get(KEY, "/api/v1/instances/").status());

        assertThat(otherPath.status()).isEqualTo(200);
        assertThat(statuses).containsExactly(503, 503, 200);
    }

    @Test
    void timeout_holdsLongerThanClientTimeout_andDoesNotCreate() {
        fixture.sandbox.faults().setTimeoutDelay(Duration.ofSeconds(5));
        fixture.sandbox.faults().failNext("PUT", "/api/v0/asks/", 1, Fault.TIMEOUT);
        HttpRequest request = fixture.http
                .request(KEY, CREATE)
                .timeout(Duration.ofMillis(300))
                .PUT(HttpRequest.BodyPublishers.ofString(CREATE_BODY))
                .build();

        assertThatThrownBy(() -> fixture.http.sendRaw(request)).isInstanceOf(HttpTimeoutException.class);
        assertThat(fixture.sandbox.instances(KEY)).isEmpty();
    }

    @Test
    void timeout_whenClientWaits_answers504() {
        fixture.sandbox.faults().setTimeoutDelay(Duration.ofMillis(50));
        fixture.sandbox.faults().failNext("GET", "/api/v1/instances/", 1, Fault.TIMEOUT);

        Reply reply = fixture.http.get(KEY, "/api/v1/instances/");

        assertThat(reply.status()).isEqualTo(504);
    }

    @Test
    void createLostResponse_createsInstance_butCallerSees504AndFindsItByLabel() {
        fixture.sandbox.faults().failNext("PUT", "/api/v0/asks/", 1, Fault.CREATE_LOST_RESPONSE);

        Reply lost = fixture.http.put(KEY, CREATE, CREATE_BODY);
        Reply found = fixture.http.get(
                KEY, "/api/v1/instances/?" + param("select_filters", "{\"label\":{\"eq\":\"tag-1\"}}"));

        assertThat(lost.status()).isEqualTo(504);
        JsonNode instances = found.json().path("instances");
        assertThat(instances).hasSize(1);
        assertThat(instances.get(0).path("id").asLong())
                .isEqualTo(fixture.sandbox.instances(KEY).get(0).id());
    }

    @Test
    void connectionDropped_createsInstance_butCallerGetsIoError() {
        fixture.sandbox.faults().failNext("PUT", "/api/v0/asks/", 1, Fault.CONNECTION_DROPPED);

        assertThatThrownBy(() -> fixture.http.put(KEY, CREATE, CREATE_BODY))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(fixture.sandbox.instances(KEY)).hasSize(1);
    }

    @Test
    void authError_usesTheEndpointsBadKeyStatus() {
        fixture.sandbox.faults().failNext("POST", "/api/v0/bundles/", 1, Fault.AUTH_ERROR);
        fixture.sandbox.faults().failNext("GET", "/api/v1/instances/", 1, Fault.AUTH_ERROR);

        Reply search = fixture.http.post(KEY, "/api/v0/bundles/", "{}");
        Reply list = fixture.http.get(KEY, "/api/v1/instances/");

        assertThat(search.status()).isEqualTo(404);
        assertThat(list.status()).isEqualTo(401);
        assertThat(list.json().path("error").asText()).isEqualTo("auth_error");
    }

    @Test
    void controlSurface_addsAndClearsFaults() {
        Reply added = fixture.http.post(null, "/_sandbox/faults", """
                {"method":"GET","path_prefix":"/api/v1/instances/","count":5,"fault":"rate_limited"}
                """);
        Reply limited = fixture.http.get(KEY, "/api/v1/instances/");
        Reply cleared = fixture.http.delete(null, "/_sandbox/faults");
        Reply after = fixture.http.get(KEY, "/api/v1/instances/");

        assertThat(added.status()).isEqualTo(200);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(after.status()).isEqualTo(200);
    }

    @Test
    void controlSurface_withUnknownFault_answers400() {
        Reply reply = fixture.http.post(null, "/_sandbox/faults", "{\"path_prefix\":\"/\",\"fault\":\"EXPLODE\"}");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void concurrentRequests_areServedInParallelWhileOneIsHeld() throws Exception {
        fixture.sandbox.faults().setTimeoutDelay(Duration.ofSeconds(10));
        fixture.sandbox.faults().failNext("GET", "/api/v0/gpu_names/", 1, Fault.TIMEOUT);
        HttpRequest held =
                fixture.http.request(null, "/api/v0/gpu_names/unique/").GET().build();
        var pending = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                fixture.http.sendRaw(held);
            } catch (IOException | InterruptedException e) {
                // the sandbox closes while this request is held; its fate is not under test
            }
        });

        Reply other = fixture.http.get(KEY, "/api/v1/instances/");

        assertThat(other.status()).isEqualTo(200);
        assertThat(pending).isNotDone();
    }
}
