package dev.vastguard.vast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vastguard.money.Money;
import dev.vastguard.secrets.VastApiKey;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VastHttpClientTest {

    private static final String KEY = "vk-test-3f9a1c0de5b7";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSTANCE_42 = """
            {"id": 42, "actual_status": "running", "intended_status": "running", "gpu_name": "RTX 4090",
             "num_gpus": 2, "dph_total": 0.8021, "storage_total_cost": 0.0021, "disk_space": 50,
             "storage_cost": 0.15, "label": "vastguard:ml:0123456789abcdef0123456789abcdef",
             "start_date": 1767225600.25}""";

    private MockWebServer server;
    private VastClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
        client = clientWithTimeout(Duration.ofSeconds(5));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void searchOffers_query_postsTheSearchAndDecodesOffersCheapestFirst() throws Exception {
        enqueue(200, """
                {"offers": [
                  {"id": 2, "gpu_name": "RTX 4090", "num_gpus": 1, "dph_total": 0.41234567, "storage_cost": 0.15,
                   "reliability": 0.991, "geolocation": "Oslo, NO"},
                  {"id": 1, "gpu_name": "RTX 4090", "num_gpus": 1, "dph_total": 0.35, "storage_cost": null,
                   "reliability": null, "reliability2": 0.985}
                ]}""");
        OfferQuery query = new OfferQuery(List.of("RTX 4090", "RTX 3090"), 1, new BigDecimal("0.98"), 40, 10);

        List<VastOffer> offers = client.searchOffers(query);

        RecordedRequest request = takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/api/v0/bundles/");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo("vastguard/0.1");
        assertThat(body(request)).isEqualTo(JSON.readTree("""
                {"verified": {"eq": true}, "external": {"eq": false}, "rentable": {"eq": true},
                 "gpu_name": {"in": ["RTX 4090", "RTX 3090"]}, "num_gpus": {"eq": 1}, "reliability": {"gte": 0.98},
                 "disk_space": {"gte": 40}, "order": [["dph_total", "asc"]], "type": "on-demand",
                 "allocated_storage": 40, "limit": 10}"""));
        assertThat(offers)
                .containsExactly(
                        new VastOffer(
                                1, "RTX 4090", 1, Money.ofDollars("0.35"), Money.ZERO, new BigDecimal("0.985"), ""),
                        new VastOffer(
                                2,
                                "RTX 4090",
                                1,
                                Money.ofMicros(412_346),
                                Money.ofDollars("0.15"),
                                new BigDecimal("0.991"),
                                "Oslo, NO"));
    }

    @Test
    void searchOffers_anyGpuCount_leavesOutTheGpuCountFilter() throws Exception {
        enqueue(200, "{\"offers\": []}");

        List<VastOffer> offers = client.searchOffers(new OfferQuery(List.of("H100 SXM"), 0, BigDecimal.ONE, 8, 5));

        assertThat(offers).isEmpty();
        assertThat(body(takeRequest()).has("num_gpus")).isFalse();
    }

    @Test
    void gpuNames_listed_returnsTheNames() throws Exception {
        enqueue(200, "{\"gpu_names\": [\"RTX 4090\", \"H100 SXM\", \"RTX 6000Ada\"]}");

        List<String> names = client.gpuNames();

        RecordedRequest request = takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/api/v0/gpu_names/unique/");
        assertThat(request.getHeaders().get("Content-Type")).isNull();
        assertThat(names).containsExactly("RTX 4090", "H100 SXM", "RTX 6000Ada");
    }

    @Test
    void createInstance_accepted_putsAnOnDemandAskAndReturnsTheContract() throws Exception {
        enqueue(200, "{\"success\": true, \"new_contract\": 98765, \"instance_api_key\": \"container-only\"}");
        CreateInstanceRequest request =
                new CreateInstanceRequest(4321, "pytorch/pytorch:latest", 40, "vastguard:ml:ab");

        long id = client.createInstance(request);

        RecordedRequest recorded = takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("PUT");
        assertThat(recorded.getTarget()).isEqualTo("/api/v0/asks/4321/");
        assertThat(body(recorded)).isEqualTo(JSON.readTree("""
                {"client_id": "me", "image": "pytorch/pytorch:latest", "disk": 40, "label": "vastguard:ml:ab",
                 "env": {}, "runtype": "ssh_direc ssh_proxy", "cancel_unavail": true}"""));
        assertThat(id).isEqualTo(98765);
    }

    @Test
    void createInstance_successFalseWith200_throwsApiException() {
        enqueue(200, "{\"success\": false, \"error\": \"invalid_args\", \"msg\": \"offer 4321 is not available\"}");

        assertThatThrownBy(() -> client.createInstance(createRequest()))
                .isInstanceOfSatisfying(VastApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(200);
                    assertThat(e.errorCode()).contains("invalid_args");
                })
                .hasMessageContaining("create instance from offer 4321")
                .hasMessageContaining("offer 4321 is not available");
    }

    @Test
    void createInstance_serverError_isNotRetried() {
        enqueue(503, "upstream unavailable");
        enqueue(200, "{\"success\": true, \"new_contract\": 1}");

        assertThatThrownBy(() -> client.createInstance(createRequest()))
                .isInstanceOfSatisfying(
                        VastApiException.class, e -> assertThat(e.statusCode()).isEqualTo(503));

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void createInstance_rateLimited_isNotRetried() {
        enqueue(429, "{\"detail\": \"API requests too frequent endpoint threshold=4.5\"}");
        enqueue(200, "{\"success\": true, \"new_contract\": 1}");

        assertThatThrownBy(() -> client.createInstance(createRequest()))
                .isInstanceOfSatisfying(
                        VastApiException.class,
                        e -> assertThat(e.isThrottling()).isTrue());

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void createInstance_timeout_throwsClientExceptionAfterOneRequest() {
        VastClient impatient = clientWithTimeout(Duration.ofMillis(200));
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        enqueue(200, "{\"success\": true, \"new_contract\": 1}");

        assertThatThrownBy(() -> impatient.createInstance(createRequest()))
                .isInstanceOf(VastClientException.class)
                .hasMessageContaining("create instance from offer 4321");

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void createInstance_answerWithoutContract_throwsClientException() {
        enqueue(200, "{\"success\": true}");

        assertThatThrownBy(() -> client.createInstance(createRequest()))
                .isInstanceOf(VastClientException.class)
                .hasMessageContaining("label");
    }

    @Test
    void listInstances_threePages_followsNextTokenUntilItIsNull() throws Exception {
        enqueue(200, page("[{\"id\": 1}, {\"id\": 2}]", "\"tok+1\""));
        enqueue(200, page("[{\"id\": 3}]", "\"tok2\""));
        enqueue(200, page("[{\"id\": 4}]", "null"));

        List<VastInstance> instances = client.listInstances();

        assertThat(instances).extracting(VastInstance::id).containsExactly(1L, 2L, 3L, 4L);
        RecordedRequest first = takeRequest();
        assertThat(first.getMethod()).isEqualTo("GET");
        assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v1/instances/");
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("25");
        assertThat(first.getUrl().queryParameter("order_by")).isEqualTo("[{\"col\":\"id\",\"dir\":\"asc\"}]");
        assertThat(first.getUrl().queryParameter("after_token")).isNull();
        assertThat(first.getUrl().queryParameter("select_filters")).isNull();
        RecordedRequest second = takeRequest();
        assertThat(second.getUrl().queryParameter("after_token")).isEqualTo("tok+1");
        assertThat(second.getTarget()).contains("after_token=tok%2B1");
        assertThat(takeRequest().getUrl().queryParameter("after_token")).isEqualTo("tok2");
    }

    @Test
    void listInstances_instancesNull_returnsNoInstances() {
        enqueue(200, page("null", "null"));

        List<VastInstance> instances = client.listInstances();

        assertThat(instances).isEmpty();
    }

    @Test
    void listInstances_instanceFields_areDecodedExactly() {
        enqueue(200, page("[" + INSTANCE_42 + """
                , {"id": 43, "actual_status": null, "intended_status": "stopped", "gpu_name": "H100 SXM",
                   "num_gpus": 8, "dph_total": 22.123456789, "storage_total_cost": null, "disk_space": 100,
                   "storage_cost": 0.2, "label": null, "start_date": null}]""", "\"\""));

        List<VastInstance> instances = client.listInstances();

        assertThat(instances)
                .containsExactly(
                        new VastInstance(
                                42,
                                Optional.of("running"),
                                Optional.of("running"),
                                "RTX 4090",
                                2,
                                Money.ofDollars("0.8021"),
                                Money.ofDollars("0.0021"),
                                Optional.of("vastguard:ml:0123456789abcdef0123456789abcdef"),
                                Optional.of(Instant.ofEpochSecond(1_767_225_600L, 250_000_000))),
                        new VastInstance(
                                43,
                                Optional.empty(),
                                Optional.of("stopped"),
                                "H100 SXM",
                                8,
                                Money.ofMicros(22_123_457),
                                Money.ofMicros(27_778),
                                Optional.empty(),
                                Optional.empty()));
    }

    @Test
    void findByLabel_label_filtersByLabelOnVastsSide() throws Exception {
        enqueue(200, page("[{\"id\": 7, \"label\": \"my label\"}, {\"id\": 8, \"label\": \"other\"}]", "null"));

        List<VastInstance> instances = client.findByLabel("my label");

        RecordedRequest request = takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/instances/");
        assertThat(request.getUrl().queryParameter("select_filters")).isEqualTo("{\"label\":{\"eq\":\"my label\"}}");
        assertThat(request.getTarget()).contains("my+label").doesNotContain(" ");
        assertThat(instances).extracting(VastInstance::id).containsExactly(7L);
    }

    @Test
    void showInstance_known_readsTheSingleObject() throws Exception {
        enqueue(200, "{\"instances\": " + INSTANCE_42 + "}");

        Optional<VastInstance> instance = client.showInstance(42);

        RecordedRequest request = takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/api/v0/instances/42/?owner=me");
        assertThat(instance).map(VastInstance::dphTotal).contains(Money.ofDollars("0.8021"));
    }

    @Test
    void showInstance_instancesNull_returnsEmpty() {
        enqueue(200, "{\"instances\": null}");

        Optional<VastInstance> instance = client.showInstance(42);

        assertThat(instance).isEmpty();
    }

    @Test
    void showInstance_notFound_returnsEmpty() {
        enqueue(404, "{\"success\": false, \"error\": \"no_such_instance\", \"msg\": \"Instance not found\"}");

        Optional<VastInstance> instance = client.showInstance(42);

        assertThat(instance).isEmpty();
    }

    @Test
    void stopInstance_accepted_putsStateStopped() throws Exception {
        enqueue(200, "{\"success\": true}");

        client.stopInstance(42);

        RecordedRequest request = takeRequest();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getTarget()).isEqualTo("/api/v0/instances/42/");
        assertThat(body(request)).isEqualTo(JSON.readTree("{\"state\": \"stopped\"}"));
    }

    @Test
    void startInstance_accepted_putsStateRunning() throws Exception {
        enqueue(200, "{\"success\": true}");

        client.startInstance(42);

        assertThat(body(takeRequest())).isEqualTo(JSON.readTree("{\"state\": \"running\"}"));
    }

    @Test
    void labelInstance_accepted_putsTheLabel() throws Exception {
        enqueue(200, "{\"success\": true, \"msg\": \"label for 42 set to 'x'\"}");

        client.labelInstance(42, "vastguard:ml:ab");

        assertThat(body(takeRequest())).isEqualTo(JSON.readTree("{\"label\": \"vastguard:ml:ab\"}"));
    }

    @Test
    void startInstance_successFalse_throwsApiExceptionWithVastsMessage() {
        enqueue(200, "{\"success\": false, \"msg\": \"Required resources are currently unavailable\"}");

        assertThatThrownBy(() -> client.startInstance(42))
                .isInstanceOf(VastApiException.class)
                .hasMessageContaining("start instance 42")
                .hasMessageContaining("Required resources are currently unavailable");
    }

    @Test
    void destroyInstance_accepted_deletesWithEmptyBodyAndReturnsTrue() throws Exception {
        enqueue(200, "{\"success\": true}");

        boolean destroyed = client.destroyInstance(42);

        RecordedRequest request = takeRequest();
        assertThat(request.getMethod()).isEqualTo("DELETE");
        assertThat(request.getTarget()).isEqualTo("/api/v0/instances/42/");
        assertThat(request.getBody().utf8()).isEqualTo("{}");
        assertThat(destroyed).isTrue();
    }

    @Test
    void destroyInstance_notFound_returnsFalse() {
        enqueue(404, "{\"success\": false, \"error\": \"not_found\", \"msg\": \"Instance not found\"}");

        boolean destroyed = client.destroyInstance(42);

        assertThat(destroyed).isFalse();
    }

    @Test
    void destroyInstance_notFoundAfterAnAnswerWasLost_returnsTrue() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());
        enqueue(404, "{\"success\": false, \"error\": \"not_found\", \"msg\": \"Instance not found\"}");

        boolean destroyed = client.destroyInstance(42);

        assertThat(destroyed).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void searchOffers_authErrorWith404_throwsAuthExceptionWithoutRetrying() {
        enqueue(404, "{\"success\": false, \"error\": \"auth_error\", \"msg\": \"Invalid user key\"}");

        assertThatThrownBy(() -> client.searchOffers(offerQuery()))
                .isInstanceOfSatisfying(
                        VastAuthException.class, e -> assertThat(e.statusCode()).isEqualTo(404))
                .hasMessageNotContaining(KEY);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void listInstances_authErrorWith401_throwsAuthException() {
        enqueue(401, "{\"success\": false, \"error\": \"auth_error\", \"msg\": \"Invalid user key\"}");

        assertThatThrownBy(() -> client.listInstances()).isInstanceOf(VastAuthException.class);
    }

    @Test
    void showInstance_invalidUserKeyWithoutErrorCode_throwsAuthException() {
        enqueue(404, "{\"msg\": \"Invalid user key\"}");

        assertThatThrownBy(() -> client.showInstance(42)).isInstanceOf(VastAuthException.class);
    }

    @Test
    void destroyInstance_authErrorWith403_throwsAuthException() {
        enqueue(403, "{\"success\": false, \"error\": \"auth_error\", \"msg\": \"This action requires login.\"}");

        assertThatThrownBy(() -> client.destroyInstance(42)).isInstanceOf(VastAuthException.class);
    }

    @Test
    void listInstances_rateLimitedWithPlainText_retriesThenSucceeds() {
        enqueue(429, "API requests too frequent");
        enqueue(200, page("[{\"id\": 5}]", "null"));

        List<VastInstance> instances = client.listInstances();

        assertThat(instances).extracting(VastInstance::id).containsExactly(5L);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void gpuNames_serviceUnavailable_retriesThenSucceeds() {
        enqueue(503, "<html>503 Service Unavailable</html>");
        enqueue(200, "{\"gpu_names\": [\"A100 SXM4\"]}");

        List<String> names = client.gpuNames();

        assertThat(names).containsExactly("A100 SXM4");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void showInstance_connectionDropped_retriesThenSucceeds() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());
        enqueue(200, "{\"instances\": " + INSTANCE_42 + "}");

        Optional<VastInstance> instance = client.showInstance(42);

        assertThat(instance).map(VastInstance::id).contains(42L);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void stopInstance_serverErrorOnEveryAttempt_throwsApiExceptionAfterMaxAttempts() {
        enqueue(502, "bad gateway");
        enqueue(502, "bad gateway");
        enqueue(502, "bad gateway");

        assertThatThrownBy(() -> client.stopInstance(42))
                .isInstanceOfSatisfying(
                        VastApiException.class, e -> assertThat(e.statusCode()).isEqualTo(502));

        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void searchOffers_badRequest_throwsApiExceptionWithCodeAndMessage() {
        enqueue(400, "{\"error\": \"invalid_request\", \"msg\": \"Invalid json body\"}");

        assertThatThrownBy(() -> client.searchOffers(offerQuery()))
                .isInstanceOfSatisfying(VastApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.errorCode()).contains("invalid_request");
                    assertThat(e.isRetryable()).isFalse();
                })
                .hasMessageContaining("search offers")
                .hasMessageContaining("Invalid json body");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void gpuNames_errorTextQuotingTheKey_neverPutsTheKeyInTheMessage() {
        enqueue(400, "bad key " + KEY + " in request");

        assertThatThrownBy(() -> client.gpuNames())
                .isInstanceOf(VastApiException.class)
                .hasMessageContaining("bad key")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void gpuNames_redirect_isNotFollowed() {
        server.enqueue(new MockResponse.Builder()
                .code(301)
                .addHeader("Location", server.url("/elsewhere/"))
                .build());

        assertThatThrownBy(() -> client.gpuNames())
                .isInstanceOfSatisfying(
                        VastApiException.class, e -> assertThat(e.statusCode()).isEqualTo(301));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void gpuNames_bodyIsNotJson_throwsClientException() {
        enqueue(200, "<html>maintenance</html>");

        assertThatThrownBy(() -> client.gpuNames())
                .isInstanceOf(VastClientException.class)
                .hasMessageContaining("list GPU names");
    }

    @Test
    void listInstances_interrupted_throwsClientExceptionAndKeepsTheInterrupt() {
        enqueue(200, page("[]", "null"));
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> client.listInstances()).isInstanceOf(VastClientException.class);

        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void charges_twoPages_filtersTheDaysAndInstancesAndDecodesEveryRow() throws Exception {
        enqueue(200, """
                {"success": true, "count": 1, "total": 2, "next_token": "c+1", "results": [
                  {"start": 1762732800.0, "end": 1762819200.0, "type": "instance", "source": "instance-4242",
                   "description": "Instance 4242: 1x RTX 4090", "amount": 8.578,
                   "metadata": {"template_id": null, "label": "exp", "endpoint_id": null, "workergroup_id": null},
                   "items": [
                     {"type": "gpu", "start": 1762732800.0, "end": 1762819200.0,
                      "description": "23.500 hours at $0.360/hour", "amount": 8.46},
                     {"type": "disk", "start": 1762732800.0, "end": 1762819200.0,
                      "description": "24.000 hours at $0.005/hour", "amount": "0.118"}]}]}""");
        enqueue(200, """
                {"success": true, "count": 1, "total": 2, "next_token": null, "results": [
                  {"start": 1762819200.5, "end": 1762822800, "type": "instance", "source": "instance-7",
                   "amount": 0.0004, "items": null}]}""");

        List<VastCharge> charges = client.charges(LocalDate.parse("2025-11-10"), LocalDate.parse("2025-11-11"));

        RecordedRequest first = takeRequest();
        assertThat(first.getMethod()).isEqualTo("GET");
        assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v0/charges/");
        assertThat(JSON.readTree(first.getUrl().queryParameter("select_filters")))
                .isEqualTo(JSON.readTree("""
                        {"day": {"gte": 1762732800, "lte": 1762905599}, "type": {"in": ["instance"]}}"""));
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("500");
        assertThat(first.getUrl().queryParameter("after_token")).isNull();
        RecordedRequest second = takeRequest();
        assertThat(second.getUrl().queryParameter("after_token")).isEqualTo("c+1");
        assertThat(second.getUrl().queryParameter("select_filters"))
                .isEqualTo(first.getUrl().queryParameter("select_filters"));
        assertThat(charges)
                .containsExactly(
                        new VastCharge(
                                4242,
                                Instant.ofEpochSecond(1_762_732_800L),
                                Instant.ofEpochSecond(1_762_819_200L),
                                Money.ofDollars("8.578"),
                                List.of(
                                        new VastCharge.Item("gpu", Money.ofDollars("8.46")),
                                        new VastCharge.Item("disk", Money.ofDollars("0.118")))),
                        new VastCharge(
                                7,
                                Instant.ofEpochSecond(1_762_819_200L, 500_000_000),
                                Instant.ofEpochSecond(1_762_822_800L),
                                Money.ofMicros(400),
                                List.of()));
        assertThat(charges.get(0).day()).isEqualTo(LocalDate.parse("2025-11-10"));
        assertThat(charges.get(1).day()).isEqualTo(LocalDate.parse("2025-11-11"));
    }

    @Test
    void charges_rowOfAnotherType_isLeftOut() {
        enqueue(200, """
                {"success": true, "next_token": null, "results": [
                  {"start": 1762732800, "type": "volume", "source": "volume-3", "amount": 1.5},
                  {"start": 1762732800, "source": "instance-9", "amount": 0.25}]}""");

        List<VastCharge> charges = client.charges(LocalDate.parse("2025-11-10"), LocalDate.parse("2025-11-10"));

        assertThat(charges).extracting(VastCharge::instanceId).containsExactly(9L);
        assertThat(charges.get(0).end()).isEqualTo(charges.get(0).start());
    }

    @Test
    void charges_resultsNull_returnsNoCharges() {
        enqueue(200, "{\"success\": true, \"count\": 0, \"total\": 0, \"next_token\": null, \"results\": null}");

        List<VastCharge> charges = client.charges(LocalDate.parse("2025-11-10"), LocalDate.parse("2025-11-10"));

        assertThat(charges).isEmpty();
    }

    @Test
    void charges_instanceRowWithoutInstanceSource_throwsClientException() {
        enqueue(200, """
                {"success": true, "next_token": null, "results": [
                  {"start": 1762732800, "type": "instance", "source": "contract", "amount": 0.25}]}""");

        assertThatThrownBy(() -> client.charges(LocalDate.parse("2025-11-10"), LocalDate.parse("2025-11-10")))
                .isInstanceOf(VastClientException.class)
                .hasMessageContaining("list charges from 2025-11-10 to 2025-11-10")
                .hasMessageContaining("without an instance id");
    }

    @Test
    void charges_rowWithoutAmount_throwsClientException() {
        enqueue(200, """
                {"success": true, "next_token": null, "results": [
                  {"start": 1762732800, "type": "instance", "source": "instance-9", "amount": null}]}""");

        assertThatThrownBy(() -> client.charges(LocalDate.parse("2025-11-10"), LocalDate.parse("2025-11-10")))
                .isInstanceOf(VastClientException.class)
                .hasMessageContaining("without an amount");
    }

    @Test
    void charges_sameTokenTwice_throwsClientException() {
        enqueue(200, "{\"success\": true, \"next_token\": \"t\", \"results\": []}");
        enqueue(200, "{\"success\": true, \"next_token\": \"t\", \"results\": []}");

        assertThatThrownBy(() -> client.charges(LocalDate.parse("2025-11-10"), LocalDate.parse("2025-11-10")))
                .isInstanceOf(VastClientException.class)
                .hasMessageContaining("same page token twice");
    }

    @Test
    void charges_lastDayBeforeFirstDay_throwsWithoutCallingVast() {
        assertThatThrownBy(() -> client.charges(LocalDate.parse("2025-11-10"), LocalDate.parse("2025-11-09")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before the first day");

        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void charges_rateLimitedThenServerError_retriesThenSucceeds() {
        enqueue(429, "API requests too frequent: endpoint threshold=1.0");
        enqueue(503, "upstream unavailable");
        enqueue(200, "{\"success\": true, \"next_token\": null, \"results\": []}");

        List<VastCharge> charges = client.charges(LocalDate.parse("2025-11-10"), LocalDate.parse("2025-11-10"));

        assertThat(charges).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void charges_authErrorWith404_throwsAuthExceptionWithoutRetrying() {
        enqueue(404, "{\"success\": false, \"error\": \"auth_error\", \"msg\": \"Invalid user key\"}");

        assertThatThrownBy(() -> client.charges(LocalDate.parse("2025-11-10"), LocalDate.parse("2025-11-10")))
                .isInstanceOf(VastAuthException.class)
                .hasMessageContaining("list charges")
                .hasMessageNotContaining(KEY);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void charges_missingDayRange_throwsApiExceptionWithVastsMessage() {
        enqueue(400, """
                {"success": false, "error": "invalid_args", "msg": "Must provide both 'day' gte and lte filters"}""");

        assertThatThrownBy(() -> client.charges(LocalDate.parse("2025-11-10"), LocalDate.parse("2025-11-10")))
                .isInstanceOfSatisfying(
                        VastApiException.class, e -> assertThat(e.statusCode()).isEqualTo(400))
                .hasMessageContaining("Must provide both");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private VastClient clientWithTimeout(Duration timeout) {
        return HttpVastClientFactory.create(server.url("/").uri(), timeout, 3, Duration.ofMillis(1))
                .forKey(new VastApiKey(KEY));
    }

    private void enqueue(int status, String body) {
        server.enqueue(new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build());
    }

    /** Takes the next request and checks what every request must carry, and must never carry. */
    private RecordedRequest takeRequest() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getRequestLine()).doesNotContain(KEY).doesNotContain("api_key");
        assertThat(request.getTarget()).doesNotContain(KEY);
        return request;
    }

    private static JsonNode body(RecordedRequest request) throws IOException {
        return JSON.readTree(request.getBody().utf8());
    }

    private static String page(String instances, String nextToken) {
        return "{\"success\": true, \"instances\": " + instances + ", \"next_token\": " + nextToken + "}";
    }

    private static CreateInstanceRequest createRequest() {
        return new CreateInstanceRequest(4321, "pytorch/pytorch:latest", 40, "vastguard:ml:ab");
    }

    private static OfferQuery offerQuery() {
        return new OfferQuery(List.of("RTX 4090"), 1, new BigDecimal("0.98"), 40, 10);
    }
}
