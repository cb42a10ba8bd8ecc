package dev.vastguard.api;

import static dev.vastguard.api.ApiFixture.MEMBER;
import static dev.vastguard.api.ApiFixture.OTHER_MEMBER;
import static dev.vastguard.api.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.vastguard.idempotency.IdempotencyStore;
import dev.vastguard.outcome.DenialCode;
import dev.vastguard.team.TeamId;
import dev.vastguard.vast.VastClientException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyTest {

    private static final String BODY = "{\"gpu_name\":\"RTX_4090\",\"image\":\"pytorch/pytorch\",\"disk_gb\":40}";

    private final ApiFixture api = new ApiFixture();

    @BeforeEach
    void market() {
        api.test.vast.offer(1, "RTX 4090", 1, "0.25");
    }

    @Test
    void provision_replayedKey_answersSameBodyAndRentsOnce() {
        APIGatewayProxyResponseEvent first = provision(MEMBER, "key-1", BODY);

        APIGatewayProxyResponseEvent second = provision(MEMBER, "key-1", BODY);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(second.getStatusCode()).isEqualTo(201);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(second.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(api.test.vast.createCount()).isEqualTo(1);
    }

    @Test
    void provision_sameBodyWithOtherKeyOrder_isAReplay() {
        provision(MEMBER, "key-1", BODY);

        APIGatewayProxyResponseEvent second = provision(
                MEMBER, "key-1", "{ \"disk_gb\": 40, \"image\": \"pytorch/pytorch\", \"gpu_name\": \"RTX_4090\" }");

        assertThat(second.getStatusCode()).isEqualTo(201);
        assertThat(api.test.vast.createCount()).isEqualTo(1);
    }

    @Test
    void provision_sameKeyDifferentBody_answersConflict() {
        provision(MEMBER, "key-1", BODY);

        APIGatewayProxyResponseEvent second =
                provision(MEMBER, "key-1", "{\"gpu_name\":\"RTX_3090\",\"image\":\"pytorch/pytorch\"}");

        assertProblem(second, 409, "idempotency_conflict");
        assertThat(api.test.vast.createCount()).isEqualTo(1);
    }

    @Test
    void provision_sameKeyInOtherTeam_isIndependent() {
        provision(MEMBER, "key-1", BODY);

        APIGatewayProxyResponseEvent other = provision(OTHER_MEMBER, "key-1", BODY);

        assertThat(other.getStatusCode()).isEqualTo(201);
        assertThat(api.test.vast.createCount()).isEqualTo(2);
    }

    @Test
    void provision_keyStillInProgress_answersConflict() {
        String hash = Json.canonicalHash(Json.object(Optional.of(BODY)));
        api.test.idempotency.claim(TeamId.of("data-science"), "key-1", hash, api.test.clock.instant());

        APIGatewayProxyResponseEvent response = provision(MEMBER, "key-1", BODY);

        assertThat(assertProblem(response, 409, "idempotency_conflict")
                        .path("detail")
                        .asText())
                .contains("in progress");
        assertThat(response.getHeaders()).containsEntry("Retry-After", "5");
    }

    @Test
    void provision_denial_isStoredAndReplayed() {
        api.service.deny(DenialCode.BUDGET_EXHAUSTED, "$0.10 left today; this would cost $0.25 an hour");
        APIGatewayProxyResponseEvent first = provision(MEMBER, "key-1", BODY);
        api.service.behave();

        APIGatewayProxyResponseEvent second = provision(MEMBER, "key-1", BODY);

        assertProblem(first, 403, "budget_exhausted");
        assertThat(second.getStatusCode()).isEqualTo(403);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(second.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(api.test.vast.createCount()).isZero();
    }

    @Test
    void provision_vastUnavailable_releasesKeySoRetryRents() {
        api.service.fail(new VastClientException("create instance: timed out", null));
        APIGatewayProxyResponseEvent first = provision(MEMBER, "key-1", BODY);
        api.service.behave();

        APIGatewayProxyResponseEvent second = provision(MEMBER, "key-1", BODY);

        assertProblem(first, 503, "vast_unavailable");
        assertThat(second.getStatusCode()).isEqualTo(201);
        assertThat(api.test.vast.createCount()).isEqualTo(1);
        assertThat(api.test.idempotency.claim(TeamId.of("data-science"), "key-1", "x", api.test.clock.instant()))
                .isInstanceOf(IdempotencyStore.Mismatch.class);
    }

    @Test
    void provision_invalidBodyWithKey_claimsNothing() {
        APIGatewayProxyResponseEvent first = provision(MEMBER, "key-1", "{\"gpu_name\":\"RTX_4090\"}");

        APIGatewayProxyResponseEvent second = provision(MEMBER, "key-1", BODY);

        assertProblem(first, 400, "invalid_request");
        assertThat(second.getStatusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "tab\there", "ключ"})
    void provision_badKey_answers400(String key) {

        APIGatewayProxyResponseEvent response = provision(MEMBER, key, BODY);

        assertProblem(response, 400, "invalid_request");
    }

    @Test
    void provision_keyOf256Characters_answers400() {

        APIGatewayProxyResponseEvent response = provision(MEMBER, "k".repeat(256), BODY);

        assertProblem(response, 400, "invalid_request");
    }

    private APIGatewayProxyResponseEvent provision(String caller, String key, String body) {
        APIGatewayProxyRequestEvent event = ApiFixture.event("POST", "/instances", caller, body);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("Idempotency-Key", key);
        event.setHeaders(headers);
        return api.send(event);
    }
}
