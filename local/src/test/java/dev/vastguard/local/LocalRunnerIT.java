package dev.vastguard.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vastguard.local.sandbox.SandboxInstance;
import dev.vastguard.local.sandbox.VastSandbox;
import dev.vastguard.report.FocusChecker;
import dev.vastguard.report.FocusCsvTest;
import dev.vastguard.testing.MotoServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The product end to end, as a user drives it: the local runner on moto_server and the embedded Vast.ai sandbox,
 * called over HTTP exactly as the API and local-runner contracts describe. Each test works on its own seeded team,
 * and sets the local clock itself, so tests do not depend on each other's order.
 */
@ExtendWith(MotoServer.class)
class LocalRunnerIT {

    private static final String ACCOUNT = "arn:aws:iam::123456789012:";
    private static final String ADMIN = ACCOUNT + "role/platform-admin";
    private static final String FINANCE = ACCOUNT + "role/finance";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalRunner runner;
    private static URI base;

    @BeforeAll
    static void startRunner() throws IOException {
        Path seed = Files.createTempFile("vastguard-it-seed", ".json");
        try (InputStream in = LocalRunnerIT.class.getResourceAsStream("/seed/it-seed.json")) {
            Files.copy(in, seed, StandardCopyOption.REPLACE_EXISTING);
        }
        LocalSettings settings = new LocalSettings(
                0,
                Optional.of(MotoServer.endpoint()),
                Optional.empty(),
                Optional.of(seed),
                Duration.ofHours(1),
                Map.of());
        runner = new LocalRunner();
        int port = runner.start(settings);
        base = URI.create("http://127.0.0.1:" + port);
    }

    @AfterAll
    static void stopRunner() {
        runner.close();
    }

    @Test
    void health_afterStart_reportsTablesAndBucket() throws Exception {
        JsonNode health = call("GET", "/_local/health", null, null, null).json();

        assertThat(health.path("status").asText()).isEqualTo("ready");
        assertThat(health.path("tables").size()).isEqualTo(6);
        assertThat(health.path("reports_bucket").asText()).isNotBlank();
    }

    @Test
    void provision_thenListBudgetAndDestroy_followsTheContract() throws Exception {
        setClock("2026-03-02T10:00:00Z");
        String member = member("data-science");

        Reply created = call(
                "POST",
                "/instances",
                member,
                "{\"gpu_name\":\"RTX_3090\",\"image\":\"pytorch/pytorch\",\"label\":\"exp-1\"}",
                "key-ds-1");

        assertThat(created.status()).isEqualTo(201);
        JsonNode instance = created.json().path("instance");
        long id = instance.path("id").asLong();
        assertThat(instance.path("team").asText()).isEqualTo("data-science");
        assertThat(instance.path("gpu_name").asText()).isEqualTo("RTX 3090");
        assertThat(instance.path("label").asText()).isEqualTo("exp-1");
        assertThat(instance.path("dph_total").decimalValue()).isLessThanOrEqualTo(new BigDecimal("0.30"));

        JsonNode listed = call("GET", "/instances", member, null, null).json();
        assertThat(listed.path("instances").findValuesAsText("id")).contains(Long.toString(id));

        advance(3600);
        JsonNode budget = call("GET", "/budget", member, null, null).json();
        assertThat(budget.path("team").asText()).isEqualTo("data-science");
        assertThat(budget.path("state").asText()).isEqualTo("active");
        assertThat(budget.path("active_instances").asInt()).isEqualTo(1);

        Reply destroyed = call("DELETE", "/instances/" + id, member, null, null);
        assertThat(destroyed.status()).isEqualTo(200);
        assertThat(destroyed.json().path("instance").path("status").asText()).isEqualTo("destroyed");
        BigDecimal finalCost =
                destroyed.json().path("instance").path("accrued_cost").decimalValue();
        assertThat(finalCost).isPositive();

        Reply again = call("DELETE", "/instances/" + id, member, null, null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("instance").path("accrued_cost").decimalValue())
                .isEqualByComparingTo(finalCost);
        assertThat(sandboxInstances("it-key-data-science"))
                .filteredOn(i -> i.id() == id)
                .allMatch(SandboxInstance::destroyed);
    }

    @Test
    void provision_replayedIdempotencyKey_rentsOnce() throws Exception {
        setClock("2026-03-03T10:00:00Z");
        String member = member("ledgers");
        String body = "{\"gpu_name\":\"RTX_3090\",\"image\":\"ubuntu:24.04\"}";
        int before = sandboxInstances("it-key-ledgers").size();

        Reply first = call("POST", "/instances", member, body, "replay-1");
        Reply second = call("POST", "/instances", member, body, "replay-1");
        Reply conflict = call("POST", "/instances", member, body.replace("24.04", "22.04"), "replay-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().path("code").asText()).isEqualTo("idempotency_conflict");
        assertThat(sandboxInstances("it-key-ledgers")).hasSize(before + 1);
    }

    @Test
    void provision_concurrentRequests_neverExceedMaxInstances() throws Exception {
        setClock("2026-03-04T10:00:00Z");
        String member = member("crowd");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Reply>> replies = new ArrayList<>();

        try {
            for (int i = 0; i < 10; i++) {
                Callable<Reply> provision = () ->
                        call("POST", "/instances", member, "{\"gpu_name\":\"RTX_3090\",\"image\":\"ubuntu\"}", null);
                replies.add(pool.submit(provision));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                statuses.add(reply.get().status());
            }

            assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 403).hasSize(7);
            assertThat(sandboxInstances("it-key-crowd")).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sweep_repeated_addsNoCost() throws Exception {
        setClock("2026-03-05T10:00:00Z");
        String member = member("ml-research");
        assertThat(call("POST", "/instances", member, "{\"gpu_name\":\"A100\",\"image\":\"ubuntu\"}", null)
                        .status())
                .isEqualTo(201);
        advance(7200);

        call("POST", "/_local/sweep", null, "", null);
        BigDecimal afterFirst = spentToday(member);
        call("POST", "/_local/sweep", null, "", null);
        BigDecimal afterSecond = spentToday(member);

        assertThat(afterFirst).isPositive();
        assertThat(afterSecond).isEqualByComparingTo(afterFirst);
    }

    @Test
    void sweep_overBudgetTeam_isStoppedAndBlockedUntilTheNextDay() throws Exception {
        setClock("2026-03-06T10:00:00Z");
        String member = member("thrifty");
        Reply created = call("POST", "/instances", member, "{\"gpu_name\":\"RTX_3090\",\"image\":\"ubuntu\"}", null);
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("instance").path("id").asLong();

        setClock("2026-03-06T17:00:00Z");
        call("POST", "/_local/sweep", null, "", null);

        JsonNode budget = call("GET", "/budget", member, null, null).json();
        assertThat(budget.path("state").asText()).isEqualTo("suspended");
        assertThat(budget.path("suspended_until").asText()).isEqualTo("2026-03-07T00:00:00Z");
        assertThat(budget.path("remaining_today").decimalValue()).isEqualByComparingTo("0");
        assertThat(sandboxInstances("it-key-thrifty"))
                .filteredOn(i -> i.id() == id)
                .extracting(SandboxInstance::actualStatus)
                .containsExactly(Optional.of("stopped"));
        JsonNode notifications =
                call("GET", "/_local/notifications", null, null, null).json();
        assertThat(notifications.path("notifications").findValuesAsText("message"))
                .anySatisfy(message -> {
                    JsonNode alert = JSON.readTree(message);
                    assertThat(alert.path("team").asText()).isEqualTo("thrifty");
                    assertThat(alert.path("period").asText()).isEqualTo("daily");
                    assertThat(alert.path("threshold").decimalValue()).isEqualByComparingTo("1.0");
                    assertThat(alert.path("budget").decimalValue()).isEqualByComparingTo("1.00");
                });
        Reply blocked = call("POST", "/instances", member, "{\"gpu_name\":\"RTX_3090\",\"image\":\"ubuntu\"}", null);
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.json().path("code").asText()).isEqualTo("team_suspended");

        setClock("2026-03-07T00:30:00Z");
        call("POST", "/_local/sweep", null, "", null);

        assertThat(call("GET", "/budget", member, null, null)
                        .json()
                        .path("state")
                        .asText())
                .isEqualTo("active");
        assertThat(call("POST", "/instances/" + id + "/start", member, null, null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void instances_ofAnotherTeam_cannotBeSeenOrDestroyed() throws Exception {
        setClock("2026-03-08T10:00:00Z");
        Reply created =
                call("POST", "/instances", member("ml-research"), "{\"gpu_name\":\"A100\",\"image\":\"ubuntu\"}", null);
        long id = created.json().path("instance").path("id").asLong();
        String intruder = member("data-science");

        Reply seen = call("GET", "/instances/" + id, intruder, null, null);
        Reply destroyed = call("DELETE", "/instances/" + id, intruder, null, null);

        assertThat(seen.status()).isEqualTo(404);
        assertThat(destroyed.status()).isEqualTo(404);
        assertThat(destroyed.json().path("code").asText()).isEqualTo("not_found");
        assertThat(sandboxInstances("it-key-ml-research"))
                .filteredOn(i -> i.id() == id)
                .noneMatch(SandboxInstance::destroyed);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{",
                "[]",
                "{\"gpu_name\":\"RTX_3090\",\"image\":\"x\"} trailing",
                "{\"image\":\"x\"}",
                "{\"gpu_name\":\"RTX_3090\"}",
                "{\"gpu_name\":\"RTX_3090\",\"image\":\"x\",\"num_gpus\":0}",
                "{\"gpu_name\":\"RTX_3090\",\"image\":\"x\",\"num_gpus\":17}",
                "{\"gpu_name\":\"RTX_3090\",\"image\":\"x\",\"disk_gb\":20.0}",
                "{\"gpu_name\":\"RTX_3090\",\"image\":\"x\",\"disk_gb\":4}",
                "{\"gpu_name\":\"RTX_3090\",\"image\":\"\"}",
                "{\"gpu_name\":\"RTX_3090\",\"image\":\"x\",\"label\":\"has space\"}",
                "{\"gpu_name\":\"RTX_3090\",\"image\":\"x\",\"max_dph\":0}",
                "{\"gpu_name\":\"RTX_3090\",\"image\":\"x\",\"colour\":\"red\"}",
                "{\"gpu_name\":7,\"image\":\"x\"}"
            })
    void provision_malformedBody_isAnsweredWithInvalidRequest(String body) throws Exception {
        Reply reply = call("POST", "/instances", member("data-science"), body, null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("code").asText()).isEqualTo("invalid_request");
        assertThat(reply.json().path("detail").asText()).isNotBlank();
    }

    @Test
    void request_withoutOrWithUnknownCaller_isForbidden() throws Exception {
        Reply anonymous = call("GET", "/budget", null, null, null);
        Reply stranger = call("GET", "/budget", ACCOUNT + "role/nobody", null, null);

        assertThat(anonymous.status()).isEqualTo(403);
        assertThat(anonymous.json().path("code").asText()).isEqualTo("unknown_principal");
        assertThat(stranger.json().path("code").asText()).isEqualTo("unknown_principal");
    }

    @Test
    void clock_movedBeyondWhatTimeCanHold_isRefusedAndTheRunnerGoesOn() throws Exception {
        Reply refused = call("POST", "/_local/clock", null, "{\"advance_seconds\":9223372036854775807}", null);
        Reply after = call("POST", "/_local/clock", null, "{\"set\":\"2026-03-09T00:00:00Z\"}", null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("invalid_request");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().path("now").asText()).startsWith("2026-03-09T00:00:0");
    }

    @Test
    void unknownRoute_withoutCaller_isForbiddenLikeApiGateway() throws Exception {
        Reply unsigned = call("GET", "/nope", null, null, null);
        Reply signed = call("GET", "/nope", ADMIN, null, null);

        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(unsigned.json().path("code").asText()).isEqualTo("unknown_principal");
        assertThat(signed.status()).isEqualTo(404);
        assertThat(signed.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/instances/%ZZ", "//instances", "/instances/7/../../budget%"})
    void unparseablePath_isAnsweredAsAProblemNotAnHtmlPage(String path) throws Exception {
        for (String method : List.of("GET", "DELETE", "PUT")) {
            assertProblemAnswer(rawRequest(method, path));
        }
    }

    private static void assertProblemAnswer(String raw) {

        assertThat(raw).startsWith("HTTP/1.1 400");
        assertThat(raw).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(raw).contains("\"code\":\"invalid_request\"").doesNotContain("<html");
    }

    /** Sends a request line as is: Java's HTTP clients refuse to send a malformed URI at all. */
    private static String rawRequest(String method, String path) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + LocalApiServer.CALLER_HEADER + ": "
                            + ADMIN + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void provision_diskLargerThanAnyMachineOffers_isNoMatchingOfferNotAVastError() throws Exception {
        setClock("2026-03-20T10:00:00Z");

        Reply reply = call(
                "POST",
                "/instances",
                member("ml-research"),
                "{\"gpu_name\":\"H100_SXM\",\"image\":\"ubuntu\",\"disk_gb\":2048}",
                null);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().path("code").asText()).isEqualTo("no_matching_offer");
        assertThat(reply.json().path("detail").asText()).contains("disk_gb");
    }

    @Test
    void localReport_withAnUnknownField_isRefused() throws Exception {
        Reply reply = call("POST", "/_local/report", null, "{\"month\":\"2026-11\",\"x\":1}", null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("detail").asText()).doesNotContain("Source");
    }

    @Test
    void localReport_forAMonthThatHasNotBegunOrBefore2000_isRefusedLikeTheApi() throws Exception {
        Reply future = call("POST", "/_local/report", null, "{\"month\":\"9999-12\"}", null);
        Reply ancient = call("POST", "/_local/report", null, "{\"month\":\"0000-01\"}", null);

        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("detail").asText()).contains("has not begun");
        assertThat(ancient.status()).isEqualTo(400);
        assertThat(ancient.json().path("detail").asText()).contains("before 2000-01");
        assertThat(call("GET", "/reports?month=9999-12", FINANCE, null, null).status())
                .isEqualTo(400);
    }

    @Test
    void adminRoutes_followTheRoles() throws Exception {
        assertThat(call("GET", "/teams", FINANCE, null, null).status()).isEqualTo(200);
        assertThat(call("GET", "/teams", ADMIN, null, null).json().path("teams").size())
                .isGreaterThanOrEqualTo(5);
        Reply financeWrites = call("PUT", "/teams/new-team", FINANCE, "{}", null);
        assertThat(financeWrites.status()).isEqualTo(403);
        assertThat(financeWrites.json().path("code").asText()).isEqualTo("forbidden");
        assertThat(call("GET", "/teams", member("data-science"), null, null).status())
                .isEqualTo(403);
    }

    @Test
    void report_forAMonth_totalsEqualTheLinesAndRerunsAreIdentical() throws Exception {
        setClock("2026-04-10T08:00:00Z");
        String member = member("ledgers");
        call("POST", "/instances", member, "{\"gpu_name\":\"RTX_4090\",\"image\":\"ubuntu\"}", null);
        setClock("2026-04-11T02:30:00Z");
        call("POST", "/_local/sweep", null, "", null);

        JsonNode written = call("POST", "/_local/report", null, "{\"month\":\"2026-04\"}", null)
                .json();
        String bucket = written.path("bucket").asText();
        byte[] chargeback = read(bucket, "reports/2026/04/chargeback.csv");
        byte[] totals = read(bucket, "reports/2026/04/totals.csv");
        call("POST", "/_local/report", null, "{\"month\":\"2026-04\"}", null);

        assertThat(read(bucket, "reports/2026/04/chargeback.csv")).isEqualTo(chargeback);
        assertThat(read(bucket, "reports/2026/04/totals.csv")).isEqualTo(totals);
        BigDecimal lines = sumColumn(chargeback, "ledgers", "cost");
        BigDecimal total = sumColumn(totals, "ledgers", "cost");
        assertThat(lines).isPositive();
        assertThat(total).isEqualByComparingTo(lines);
    }

    @Test
    void reportsThroughTheApi_financeWritesAndDownloadsEveryFileByItsUrlAndTheManifestHashesMatch() throws Exception {
        setClock("2026-06-10T08:00:00Z");
        call("POST", "/instances", member("finance-e2e"), "{\"gpu_name\":\"RTX_4090\",\"image\":\"ubuntu\"}", null);
        setClock("2026-06-11T02:30:00Z");
        call("POST", "/_local/sweep", null, "", null);

        Reply written = call("POST", "/reports", FINANCE, "{\"month\":\"2026-06\"}", null);
        Reply again = call("GET", "/reports?month=2026-06", FINANCE, null, null);

        assertThat(written.status()).as(written.body()).isEqualTo(200);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        Map<String, byte[]> downloaded = new HashMap<>();
        for (JsonNode file : again.json().path("downloads")) {
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(file.path("url").asText()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(file.path("key").asText()).isEqualTo(200);
            downloaded.put(file.path("key").asText(), response.body());
        }
        assertThat(downloaded)
                .containsOnlyKeys(
                        "reports/2026/06/chargeback.csv",
                        "reports/2026/06/totals.csv",
                        "reports/2026/06/focus.csv",
                        "reports/2026/06/summary.json",
                        "reports/2026/06/summary.html",
                        "reports/2026/06/manifest.json");
        JsonNode manifest = JSON.readTree(downloaded.get("reports/2026/06/manifest.json"));
        for (JsonNode file : manifest.path("files")) {
            byte[] body = downloaded.get(file.path("key").asText());
            assertThat(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(body)))
                    .as(file.path("key").asText())
                    .isEqualTo(file.path("sha256").asText());
        }
        assertThat(sumColumn(downloaded.get("reports/2026/06/chargeback.csv"), "finance-e2e", "cost"))
                .isPositive();
        assertThat(FocusChecker.requiring(FocusCsvTest.CONDITIONAL)
                        .check(new String(downloaded.get("reports/2026/06/focus.csv"), StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(call("POST", "/reports", member("finance-e2e"), "{\"month\":\"2026-06\"}", null)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void nightlyReconciliation_runsOnTheLocalClockAndTheReportShowsVastsFigure() throws Exception {
        setClock("2026-05-10T10:00:00Z");
        String member = member("nightly");
        long id = call("POST", "/instances", member, "{\"gpu_name\":\"RTX_4090\",\"image\":\"ubuntu\"}", null)
                .json()
                .path("instance")
                .path("id")
                .asLong();
        setClock("2026-05-10T12:00:00Z");
        assertThat(call("DELETE", "/instances/" + id, member, null, null).status())
                .isEqualTo(200);

        setClock("2026-05-11T00:29:58Z");
        String bucket = "";
        String charged = "";
        // Reconciliations of earlier days (nothing charged) may already be in the month's totals.
        for (int attempt = 0; attempt < 20 && (charged.isEmpty() || new BigDecimal(charged).signum() == 0); attempt++) {
            Thread.sleep(1_000);
            JsonNode written = call("POST", "/_local/report", null, "{\"month\":\"2026-05\"}", null)
                    .json();
            bucket = written.path("bucket").asText();
            charged = cell(read(bucket, "reports/2026/05/totals.csv"), "nightly", "vast_charged");
        }

        byte[] totals = read(bucket, "reports/2026/05/totals.csv");
        assertThat(charged).as("the scheduled reconciliation of 2026-05-10 ran").isNotEmpty();
        assertThat(new BigDecimal(charged)).isPositive();
        assertThat(new BigDecimal(cell(totals, "nightly", "difference")).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.01"));
    }

    /** One cell of a CSV with a header row, from the row of a team; empty if the team has no row. */
    private static String cell(byte[] csv, String team, String column) {
        String[] lines = new String(csv, StandardCharsets.UTF_8).split("\r?\n");
        List<String> header = List.of(lines[0].split(",", -1));
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            if (cells[header.indexOf("team")].equals(team)) {
                return cells[header.indexOf(column)].trim();
            }
        }
        return "";
    }

    private record Reply(int status, String contentType, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private static Reply call(String method, String path, String caller, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (caller != null) {
            request.header("X-Vastguard-Caller", caller);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private static String member(String team) {
        return "arn:aws:sts::123456789012:assumed-role/" + team + "/it-session";
    }

    private static void setClock(String instant) throws Exception {
        call("POST", "/_local/clock", null, "{\"set\":\"" + instant + "\"}", null);
    }

    private static void advance(long seconds) throws Exception {
        call("POST", "/_local/clock", null, "{\"advance_seconds\":" + seconds + "}", null);
    }

    private static BigDecimal spentToday(String member) throws Exception {
        return call("GET", "/budget", member, null, null)
                .json()
                .path("spent_today")
                .decimalValue();
    }

    private static List<SandboxInstance> sandboxInstances(String key) {
        VastSandbox sandbox = runner.sandbox().orElseThrow();
        return sandbox.instances(key);
    }

    private static byte[] read(String bucket, String key) {
        try (S3Client s3 = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(true)
                .build()) {
            ResponseBytes<GetObjectResponse> object =
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return object.asByteArray();
        }
    }

    private static BigDecimal sumColumn(byte[] csv, String team, String column) {
        String[] lines = new String(csv, StandardCharsets.UTF_8).split("\n");
        List<String> header = List.of(lines[0].split(","));
        int teamIndex = header.indexOf("team");
        int valueIndex = header.indexOf(column);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            if (cells[teamIndex].equals(team)) {
                sum = sum.add(new BigDecimal(cells[valueIndex]));
            }
        }
        return sum;
    }
}
