package dev.vastguard.api;

import static dev.vastguard.api.ApiFixture.MEMBER;
import static dev.vastguard.api.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vastguard.money.Money;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProvisionValidationTest {

    private final ApiFixture api = new ApiFixture();

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("bad JSON", "{\"gpu_name\": ", "JSON"),
                Arguments.of("trailing garbage", "{\"gpu_name\":\"RTX_4090\",\"image\":\"x\"} x", "JSON"),
                Arguments.of("array body", "[{\"gpu_name\":\"RTX_4090\",\"image\":\"x\"}]", "object"),
                Arguments.of("empty body", "", "object"),
                Arguments.of("unknown field", "{\"gpu_name\":\"RTX_4090\",\"image\":\"x\",\"gpus\":2}", "'gpus'"),
                Arguments.of("missing gpu_name", "{\"image\":\"x\"}", "'gpu_name'"),
                Arguments.of("blank gpu_name", "{\"gpu_name\":\" _ \",\"image\":\"x\"}", "'gpu_name'"),
                Arguments.of("gpu_name not a string", "{\"gpu_name\":4090,\"image\":\"x\"}", "'gpu_name'"),
                Arguments.of("num_gpus 0", body("\"num_gpus\":0"), "'num_gpus'"),
                Arguments.of("num_gpus 17", body("\"num_gpus\":17"), "'num_gpus'"),
                Arguments.of("num_gpus as string", body("\"num_gpus\":\"2\""), "'num_gpus'"),
                Arguments.of("num_gpus huge", body("\"num_gpus\":99999999999999999999"), "'num_gpus'"),
                Arguments.of("disk_gb 20.0", body("\"disk_gb\":20.0"), "'disk_gb'"),
                Arguments.of("disk_gb 2e1", body("\"disk_gb\":2e1"), "'disk_gb'"),
                Arguments.of("disk_gb 7", body("\"disk_gb\":7"), "'disk_gb'"),
                Arguments.of("disk_gb 2049", body("\"disk_gb\":2049"), "'disk_gb'"),
                Arguments.of("missing image", "{\"gpu_name\":\"RTX_4090\"}", "'image'"),
                Arguments.of("empty image", "{\"gpu_name\":\"RTX_4090\",\"image\":\"\"}", "'image'"),
                Arguments.of(
                        "image of 1025 characters",
                        "{\"gpu_name\":\"RTX_4090\",\"image\":\"" + "a".repeat(1025) + "\"}",
                        "'image'"),
                Arguments.of("image with a newline", "{\"gpu_name\":\"RTX_4090\",\"image\":\"x\\ny\"}", "'image'"),
                Arguments.of(
                        "image like an option", "{\"gpu_name\":\"RTX_4090\",\"image\":\"--privileged\"}", "'image'"),
                Arguments.of("image with NUL", "{\"gpu_name\":\"RTX_4090\",\"image\":\"x\\u0000\"}", "'image'"),
                Arguments.of("image lone surrogate", "{\"gpu_name\":\"RTX_4090\",\"image\":\"\\ud800\"}", "'image'"),
                Arguments.of("gpu_name NUL", "{\"gpu_name\":\"\\u0000\",\"image\":\"x\"}", "'gpu_name'"),
                Arguments.of("gpu_name control", "{\"gpu_name\":\"RTX\\u00014090\",\"image\":\"x\"}", "'gpu_name'"),
                Arguments.of("label with a space", body("\"label\":\"my job\""), "'label'"),
                Arguments.of("label of 65 characters", body("\"label\":\"" + "a".repeat(65) + "\""), "'label'"),
                Arguments.of("max_dph 0", body("\"max_dph\":0"), "'max_dph'"),
                Arguments.of("max_dph -1", body("\"max_dph\":-1"), "'max_dph'"),
                Arguments.of("max_dph with 7 decimals", body("\"max_dph\":0.1234567"), "'max_dph'"),
                Arguments.of("max_dph as string", body("\"max_dph\":\"0.3\""), "'max_dph'"),
                Arguments.of("max_dph huge", body("\"max_dph\":1e400"), "'max_dph'"),
                Arguments.of(
                        "duplicate key",
                        "{\"gpu_name\":\"RTX_4090\",\"gpu_name\":\"A100\",\"image\":\"x\"}",
                        "gpu_name"));
    }

    private static String body(String extra) {
        return "{\"gpu_name\":\"RTX_4090\",\"image\":\"pytorch/pytorch\"," + extra + "}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void provision_malformedBody_answers400NamingTheProblem(String name, String body, String mentioned) {

        APIGatewayProxyResponseEvent response = api.call("POST", "/instances", MEMBER, body);

        JsonNode problem = assertProblem(response, 400, "invalid_request");
        assertThat(problem.path("detail").asText()).contains(mentioned);
        assertThat(api.service.lastCommand()).isNull();
    }

    @Test
    void provision_bodyNotUtf8_answers400() {
        byte[] latin1 = "{\"gpu_name\":\"\u00ff\",\"image\":\"x\"}".getBytes(StandardCharsets.ISO_8859_1);
        APIGatewayProxyRequestEvent event = ApiFixture.event("POST", "/instances", MEMBER, null)
                .withBody(Base64.getEncoder().encodeToString(latin1))
                .withIsBase64Encoded(true);

        APIGatewayProxyResponseEvent response = api.send(event);

        assertThat(assertProblem(response, 400, "invalid_request")
                        .path("detail")
                        .asText())
                .contains("UTF-8");
    }

    @Test
    void provision_bodyOverLimit_answers413() {
        String body = bodyOfBytes(65_537);

        APIGatewayProxyResponseEvent response = api.call("POST", "/instances", MEMBER, body);

        assertProblem(response, 413, "payload_too_large");
    }

    @Test
    void provision_bodyAtLimit_isReadAsJson() {
        String body = bodyOfBytes(65_536);

        APIGatewayProxyResponseEvent response = api.call("POST", "/instances", MEMBER, body);

        JsonNode problem = assertProblem(response, 400, "invalid_request");
        assertThat(problem.path("detail").asText()).contains("'image'");
    }

    private static String bodyOfBytes(int size) {
        String prefix = "{\"gpu_name\":\"RTX_4090\",\"image\":\"";
        String body = prefix + "a".repeat(size - prefix.length() - 2) + "\"}";
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isEqualTo(size);
        return body;
    }

    @Test
    void provision_validBodyWithDefaults_passesCommand() {
        api.service.withOffer(ScriptedInstanceService.anOffer(1, "0.25"));
        api.test.vast.offer(1, "RTX 4090", 1, "0.25");

        APIGatewayProxyResponseEvent response =
                api.call("POST", "/instances", MEMBER, "{\"gpu_name\":\"RTX_4090\",\"image\":\"pytorch/pytorch\"}");

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(api.service.lastCommand().numGpus()).isEqualTo(1);
        assertThat(api.service.lastCommand().diskGb()).isEqualTo(20);
        assertThat(api.service.lastCommand().gpu().value()).isEqualTo("RTX 4090");
        assertThat(api.service.lastCommand().label()).isEmpty();
        assertThat(api.service.lastCommand().maxDph()).isEmpty();
        assertThat(api.service.lastCommand().principal()).isEqualTo(MEMBER);
    }

    @Test
    void provision_allFieldsGiven_passesThemExactly() {
        api.test.vast.offer(1, "RTX 4090", 2, "0.25");
        String body = "{\"gpu_name\":\"RTX 4090\",\"image\":\"img\",\"num_gpus\":2,\"disk_gb\":100,"
                + "\"label\":\"job-1.a_b\",\"max_dph\":0.123456}";

        APIGatewayProxyResponseEvent response = api.call("POST", "/instances", MEMBER, body);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(api.service.lastCommand().numGpus()).isEqualTo(2);
        assertThat(api.service.lastCommand().diskGb()).isEqualTo(100);
        assertThat(api.service.lastCommand().label()).contains("job-1.a_b");
        assertThat(api.service.lastCommand().maxDph()).contains(Money.ofMicros(123_456));
    }

    @Test
    void provision_base64Body_isDecoded() {
        api.test.vast.offer(1, "RTX 4090", 1, "0.25");
        APIGatewayProxyRequestEvent event = ApiFixture.event("POST", "/instances", MEMBER, null);
        event.setBody(Base64.getEncoder()
                .encodeToString("{\"gpu_name\":\"RTX_4090\",\"image\":\"img\"}".getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        APIGatewayProxyResponseEvent response = api.send(event);

        assertThat(response.getStatusCode()).isEqualTo(201);
    }

    @Test
    void provision_invalidBase64_answers400() {
        APIGatewayProxyRequestEvent event = ApiFixture.event("POST", "/instances", MEMBER, "not base64 !!");
        event.setIsBase64Encoded(true);

        APIGatewayProxyResponseEvent response = api.send(event);

        assertProblem(response, 400, "invalid_request");
    }

    @Test
    void provision_headerLookup_ignoresCase() {
        api.test.vast.offer(1, "RTX 4090", 1, "0.25");
        APIGatewayProxyRequestEvent event = ApiFixture.event("POST", "/instances", MEMBER, "{}");
        event.setHeaders(Map.of("idempotency-key", ""));

        APIGatewayProxyResponseEvent response = api.send(event);

        JsonNode problem = assertProblem(response, 400, "invalid_request");
        assertThat(problem.path("detail").asText()).contains("Idempotency-Key");
    }
}
