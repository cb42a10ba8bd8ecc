package dev.vastguard.api;

import static dev.vastguard.api.ApiFixture.ADMIN;
import static dev.vastguard.api.ApiFixture.FINANCE;
import static dev.vastguard.api.ApiFixture.assertProblem;
import static dev.vastguard.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vastguard.audit.AuditAction;
import dev.vastguard.audit.AuditEvent;
import dev.vastguard.money.Money;
import dev.vastguard.principal.Role;
import dev.vastguard.team.BreachAction;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AdminApiTest {

    private static final String POLICY = "{\"gpu_whitelist\":[\"RTX_4090\",\"A100\"],\"max_instances\":3,"
            + "\"daily_budget\":30,\"max_dph\":1.5,\"vast_secret_id\":\"vastguard/teams/vision/vast-api-key\"}";

    private final ApiFixture api = new ApiFixture();

    @Test
    void putTeam_newTeam_storesPolicyWithDefaultsAndAudits() {

        APIGatewayProxyResponseEvent response = api.call("PUT", "/teams/vision", ADMIN, POLICY);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody())
                .isEqualTo("{\"team\":{\"team\":\"vision\",\"policy\":{\"gpu_whitelist\":[\"RTX 4090\",\"A100\"],"
                        + "\"max_instances\":3,\"daily_budget\":30,\"max_dph\":1.5,\"min_reliability\":0.95,"
                        + "\"vast_secret_id\":\"vastguard/teams/vision/vast-api-key\",\"on_budget_exceeded\":\"stop\","
                        + "\"monthly_budget\":null,\"alert_thresholds\":[0.5,0.8,1.0],"
                        + "\"destroy_stopped_after_hours\":null,\"max_loading_minutes\":30},\"state\":\"active\"}}");
        Team stored = api.test.teams.find(TeamId.of("vision")).orElseThrow();
        assertThat(stored.policy().dailyBudget()).isEqualTo(Money.ofDollars("30"));
        assertThat(api.test.audit.all()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.POLICY_CHANGE);
            assertThat(e.team()).contains(TeamId.of("vision"));
            assertThat(e.principal()).isEqualTo(ADMIN);
        });
    }

    @Test
    void putTeam_everyField_isStored() {
        String policy = "{\"gpu_whitelist\":[\"H100_SXM\"],\"max_instances\":0,\"daily_budget\":0,"
                + "\"max_dph\":0.000001,\"min_reliability\":0.9,\"vast_secret_id\":\"vastguard/x\","
                + "\"on_budget_exceeded\":\"destroy\",\"monthly_budget\":500.5,\"alert_thresholds\":[1,0.25],"
                + "\"destroy_stopped_after_hours\":48,\"max_loading_minutes\":45}";

        APIGatewayProxyResponseEvent response = api.call("PUT", "/teams/vision", ADMIN, policy);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        var stored = api.test.teams.find(TeamId.of("vision")).orElseThrow().policy();
        assertThat(stored.gpuWhitelist()).extracting(g -> g.value()).containsExactly("H100 SXM");
        assertThat(stored.maxDph()).isEqualTo(Money.ofMicros(1));
        assertThat(stored.onBudgetExceeded()).isEqualTo(BreachAction.DESTROY);
        assertThat(stored.monthlyBudget()).contains(Money.ofDollars("500.5"));
        assertThat(stored.alertThresholds()).containsExactly(new BigDecimal("0.25"), BigDecimal.ONE);
        assertThat(stored.destroyStoppedAfterHours()).contains(new BigDecimal("48"));
        assertThat(stored.maxLoadingMinutes()).isEqualTo(45);
        assertThat(response.getBody()).contains("\"max_dph\":0.000001").contains("\"monthly_budget\":500.5");
    }

    @Test
    void putTeam_updateWithoutSecret_keepsCurrentSecret() {
        api.call("PUT", "/teams/vision", ADMIN, POLICY);

        APIGatewayProxyResponseEvent response = api.call(
                "PUT",
                "/teams/vision",
                ADMIN,
                "{\"gpu_whitelist\":[\"A100\"],\"max_instances\":1,\"daily_budget\":5,\"max_dph\":1}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(json(response)
                        .path("team")
                        .path("policy")
                        .path("vast_secret_id")
                        .asText())
                .isEqualTo("vastguard/teams/vision/vast-api-key");
        assertThat(api.test
                        .teams
                        .find(TeamId.of("vision"))
                        .orElseThrow()
                        .policy()
                        .maxInstances())
                .isEqualTo(1);
    }

    static Stream<Arguments> invalidPolicies() {
        return Stream.of(
                Arguments.of(
                        "negative budget",
                        POLICY.replace("\"daily_budget\":30", "\"daily_budget\":-1"),
                        "daily_budget"),
                Arguments.of("min_reliability 2", POLICY.replace("{", "{\"min_reliability\":2,"), "min_reliability"),
                Arguments.of("unknown field", POLICY.replace("{", "{\"max_gpus\":2,"), "max_gpus"),
                Arguments.of(
                        "missing secret for new team",
                        POLICY.replace(",\"vast_secret_id\":\"vastguard/teams/vision/vast-api-key\"", ""),
                        "vast_secret_id"),
                Arguments.of("max_dph 0", POLICY.replace("\"max_dph\":1.5", "\"max_dph\":0"), "max_dph"),
                Arguments.of(
                        "max_instances -1",
                        POLICY.replace("\"max_instances\":3", "\"max_instances\":-1"),
                        "max_instances"),
                Arguments.of(
                        "max_instances 3.0",
                        POLICY.replace("\"max_instances\":3", "\"max_instances\":3.0"),
                        "max_instances"),
                Arguments.of("empty whitelist", POLICY.replace("[\"RTX_4090\",\"A100\"]", "[]"), "gpu_whitelist"),
                Arguments.of(
                        "missing whitelist",
                        POLICY.replace("\"gpu_whitelist\":[\"RTX_4090\",\"A100\"],", ""),
                        "gpu_whitelist"),
                Arguments.of(
                        "bad breach action",
                        POLICY.replace("{", "{\"on_budget_exceeded\":\"pause\","),
                        "on_budget_exceeded"),
                Arguments.of("threshold 0", POLICY.replace("{", "{\"alert_thresholds\":[0],"), "alert_thresholds"),
                Arguments.of("threshold 1.5", POLICY.replace("{", "{\"alert_thresholds\":[1.5],"), "alert_thresholds"),
                Arguments.of("monthly -5", POLICY.replace("{", "{\"monthly_budget\":-5,"), "monthly_budget"),
                Arguments.of(
                        "hours -1",
                        POLICY.replace("{", "{\"destroy_stopped_after_hours\":-1,"),
                        "destroy_stopped_after_hours"),
                Arguments.of("loading 0", POLICY.replace("{", "{\"max_loading_minutes\":0,"), "max_loading_minutes"),
                Arguments.of("whitelist NUL", POLICY.replace("\"RTX_4090\"", "\"\\u0000\""), "gpu_whitelist"),
                Arguments.of(
                        "budget 7 decimals",
                        POLICY.replace("\"daily_budget\":30", "\"daily_budget\":0.0000001"),
                        "daily_budget"),
                Arguments.of("not an object", "[1]", "object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPolicies")
    void putTeam_invalidPolicy_answers400NamingTheField(String name, String body, String field) {

        APIGatewayProxyResponseEvent response = api.call("PUT", "/teams/vision", ADMIN, body);

        assertThat(assertProblem(response, 400, "invalid_request")
                        .path("detail")
                        .asText())
                .contains(field);
        assertThat(api.test.teams.find(TeamId.of("vision"))).isEmpty();
    }

    @Test
    void putTeam_badTeamId_answers400() {

        APIGatewayProxyResponseEvent response = api.call("PUT", "/teams/Bad_Team", ADMIN, POLICY);

        assertProblem(response, 400, "invalid_request");
    }

    @Test
    void getTeam_unknown_answers404AndBadId400() {

        APIGatewayProxyResponseEvent unknown = api.call("GET", "/teams/nobody", FINANCE, null);
        APIGatewayProxyResponseEvent bad = api.call("GET", "/teams/-x", FINANCE, null);

        assertProblem(unknown, 404, "not_found");
        assertProblem(bad, 400, "invalid_request");
    }

    @Test
    void getTeams_listsEveryTeamWithState() {
        api.test.teams.suspend(
                TeamId.of("ml-research"), Instant.parse("2026-11-10T00:00:00Z"), Instant.parse("2026-11-11T00:00:00Z"));

        APIGatewayProxyResponseEvent response = api.call("GET", "/teams", FINANCE, null);

        JsonNode teams = json(response).path("teams");
        assertThat(teams).hasSize(2);
        assertThat(teams.get(0).path("team").asText()).isEqualTo("data-science");
        assertThat(teams.get(0).path("state").asText()).isEqualTo("active");
        assertThat(teams.get(1).path("state").asText()).isEqualTo("suspended");
        assertThat(teams.get(1).path("policy").path("vast_secret_id").asText()).isNotBlank();
    }

    @Test
    void putPrincipal_onlyAdminDemotingItself_answers409AndKeepsTheAdmin() {

        APIGatewayProxyResponseEvent response = api.call(
                "PUT",
                "/principals",
                ADMIN,
                "{\"arn\":\"" + ADMIN + "\",\"role\":\"member\",\"team\":\"data-science\"}");

        assertProblem(response, 409, "invalid_state");
        assertThat(api.test.principals.find(ADMIN))
                .hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Role.ADMIN));
    }

    @Test
    void putPolicy_secretOfAnotherTeam_answers409() {
        api.call("PUT", "/teams/vision", ADMIN, POLICY);

        APIGatewayProxyResponseEvent response = api.call("PUT", "/teams/other-team", ADMIN, POLICY);

        assertProblem(response, 409, "invalid_state");
        assertThat(api.test.teams.find(TeamId.of("other-team"))).isEmpty();
    }

    @Test
    void putPolicy_secretOutsideTheProductsPrefix_answers400() {

        APIGatewayProxyResponseEvent response = api.call(
                "PUT",
                "/teams/vision",
                ADMIN,
                POLICY.replace("vastguard/teams/vision/vast-api-key", "arn:aws:secretsmanager:us-east-1:1:secret:x"));

        assertProblem(response, 400, "invalid_request");
    }

    @Test
    void putPrincipal_member_isStoredAndAudited() {

        APIGatewayProxyResponseEvent response = api.call(
                "PUT",
                "/principals",
                ADMIN,
                "{\"arn\":\"arn:aws:iam::123456789012:role/ds-2\",\"role\":\"member\",\"team\":\"data-science\"}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody())
                .isEqualTo("{\"principal\":{\"arn\":\"arn:aws:iam::123456789012:role/ds-2\",\"role\":\"member\","
                        + "\"team\":\"data-science\"}}");
        assertThat(api.test.principals.find("arn:aws:iam::123456789012:role/ds-2"))
                .hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Role.MEMBER));
        assertThat(api.test.audit.all()).extracting(AuditEvent::action).containsExactly(AuditAction.PRINCIPAL_CHANGE);
    }

    @Test
    void putPrincipal_assumedRoleArn_isStoredAsItsRole() {

        APIGatewayProxyResponseEvent response = api.call(
                "PUT",
                "/principals",
                ADMIN,
                "{\"arn\":\"arn:aws:sts::123456789012:assumed-role/auditor/s1\",\"role\":\"finance\"}");

        assertThat(json(response).path("principal").path("arn").asText())
                .isEqualTo("arn:aws:iam::123456789012:role/auditor");
        assertThat(json(response).path("principal").path("team").isNull()).isTrue();
    }

    static Stream<Arguments> invalidPrincipals() {
        return Stream.of(
                Arguments.of("{\"arn\":\"arn:aws:iam::123456789012:role/x\",\"role\":\"member\"}", "team"),
                Arguments.of(
                        "{\"arn\":\"arn:aws:iam::123456789012:role/x\",\"role\":\"member\",\"team\":\"nope\"}", "nope"),
                Arguments.of(
                        "{\"arn\":\"arn:aws:iam::123456789012:role/x\",\"role\":\"admin\",\"team\":\"data-science\"}",
                        "team"),
                Arguments.of("{\"arn\":\"arn:aws:iam::123456789012:role/x\",\"role\":\"root\"}", "role"),
                Arguments.of("{\"arn\":\"someone\",\"role\":\"admin\"}", "arn"),
                Arguments.of("{\"arn\":\"arn:aws:iam::123456789012:role/y\\u0000\",\"role\":\"finance\"}", "arn"),
                Arguments.of("{\"arn\":\"arn:aws:iam::123456789012:role/y/\",\"role\":\"finance\"}", "arn"),
                Arguments.of("{\"role\":\"admin\"}", "arn"),
                Arguments.of("{\"arn\":\"arn:aws:iam::123456789012:role/x\",\"role\":\"admin\",\"extra\":1}", "extra"));
    }

    @ParameterizedTest
    @MethodSource("invalidPrincipals")
    void putPrincipal_invalid_answers400(String body, String mentioned) {

        APIGatewayProxyResponseEvent response = api.call("PUT", "/principals", ADMIN, body);

        assertThat(assertProblem(response, 400, "invalid_request")
                        .path("detail")
                        .asText())
                .contains(mentioned);
    }

    @Test
    void deletePrincipal_knownAndUnknown_answer204And404() {

        APIGatewayProxyResponseEvent known = api.call("DELETE", "/principals?arn=" + ApiFixture.FINANCE, ADMIN, null);
        APIGatewayProxyResponseEvent again = api.call("DELETE", "/principals?arn=" + ApiFixture.FINANCE, ADMIN, null);
        APIGatewayProxyResponseEvent missing = api.call("DELETE", "/principals", ADMIN, null);

        assertThat(known.getStatusCode()).isEqualTo(204);
        assertThat(known.getBody()).isNull();
        assertProblem(again, 404, "not_found");
        assertProblem(missing, 400, "invalid_request");
        assertThat(api.test.principals.find(ApiFixture.FINANCE)).isEmpty();
    }

    @Test
    void postReports_month_answersBucketKeysAndBesideThemDownloadUrlsValidAnHour() throws Exception {

        APIGatewayProxyResponseEvent response = api.call("POST", "/reports", FINANCE, "{\"month\":\"2026-11\"}");

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.getBody());
        assertThat(body.get("bucket").asText()).isEqualTo("test-reports");
        List<String> keys = new ObjectMapper().convertValue(body.get("keys"), new TypeReference<List<String>>() {});
        assertThat(keys)
                .containsExactly(
                        "reports/2026/11/chargeback.csv",
                        "reports/2026/11/totals.csv",
                        "reports/2026/11/focus.csv",
                        "reports/2026/11/summary.json",
                        "reports/2026/11/summary.html",
                        "reports/2026/11/manifest.json");
        assertThat(body.get("downloads").findValuesAsText("key")).isEqualTo(keys);
        assertThat(body.get("downloads").findValuesAsText("url"))
                .allSatisfy(url -> assertThat(url).startsWith("https://").endsWith("expires-in=3600"));
        assertThat(body.get("expires_at").asText()).isEqualTo("2026-11-10T01:00:00Z");
        assertThat(api.test.reports.objects()).containsOnlyKeys(keys);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "POST, 2026-12, has not begun",
        "GET, 2026-12, has not begun",
        "POST, 1999-12, 2000-01 or later",
        "GET, 0000-01, 2000-01 or later",
        "GET, 9999-12, has not begun"
    })
    void reports_monthNotBegunOrBefore2000_answers400EitherWayAndWritesNothing(
            String method, String month, String reason) {

        APIGatewayProxyResponseEvent response = method.equals("POST")
                ? api.call("POST", "/reports", FINANCE, "{\"month\":\"" + month + "\"}")
                : api.call("GET", "/reports?month=" + month, FINANCE, null);

        assertProblem(response, 400, "invalid_request");
        assertThat(response.getBody()).contains(reason);
        assertThat(api.test.reports.objects()).isEmpty();
    }

    @Test
    void getAudit_monthBefore2000_answers400() {

        APIGatewayProxyResponseEvent response = api.call("GET", "/audit?month=0001-01", ADMIN, null);

        assertProblem(response, 400, "invalid_request");
        assertThat(response.getBody()).contains("2000-01 or later");
    }

    @Test
    void getReports_monthNeverWritten_answers404SayingHowToWriteIt() {

        APIGatewayProxyResponseEvent response = api.call("GET", "/reports?month=2026-10", FINANCE, null);

        assertProblem(response, 404, "not_found");
        assertThat(response.getBody()).contains("POST /reports");
    }

    @Test
    void getReports_writtenMonth_answersTheManifestsFilesWithUrlsAndWritesNothing() throws Exception {
        api.call("POST", "/reports", ADMIN, "{\"month\":\"2026-11\"}");

        APIGatewayProxyResponseEvent response = api.call("GET", "/reports?month=2026-11", FINANCE, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.getBody());
        assertThat(body.get("downloads").findValuesAsText("key")).hasSize(6).endsWith("reports/2026/11/manifest.json");
        assertThat(api.test.reports.versions("reports/2026/11/chargeback.csv")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?month=2026-13", "?month=2026-11&team=data-science", "?month=november"})
    void getReports_badQuery_answers400(String query) {

        APIGatewayProxyResponseEvent response = api.call("GET", "/reports" + query, ADMIN, null);

        assertProblem(response, 400, "invalid_request");
    }

    @Test
    void postReports_badMonth_answers400() {

        APIGatewayProxyResponseEvent response = api.call("POST", "/reports", ADMIN, "{\"month\":\"2026-13\"}");

        assertProblem(response, 400, "invalid_request");
    }

    @Test
    void audit_pages_passTokenThroughAndWriteEventShape() {
        for (int i = 0; i < 150; i++) {
            api.test.audit.record(new AuditEvent(
                    Instant.parse("2026-11-10T03:00:00Z").plusSeconds(i),
                    Optional.of(TeamId.of("data-science")),
                    "arn:aws:sts::123456789012:assumed-role/data-science/s",
                    AuditAction.PROVISION,
                    Optional.of(1000L + i),
                    Optional.of(Money.ofDollars("0.30")),
                    "rented"));
        }

        JsonNode first = json(api.call("GET", "/audit?month=2026-11&team=data-science", ADMIN, null));
        String token = first.path("next_token").asText();
        JsonNode second = json(api.call("GET", "/audit?month=2026-11&next_token=" + token, ADMIN, null));

        assertThat(first.path("events")).hasSize(100);
        assertThat(second.path("events")).hasSize(50);
        assertThat(second.path("next_token").isNull()).isTrue();
        JsonNode event = first.path("events").get(0);
        assertThat(event.properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactly("time", "team", "principal", "action", "instance_id", "amount", "detail");
        assertThat(event.path("time").asText()).isEqualTo("2026-11-10T03:00:00Z");
        assertThat(event.path("action").asText()).isEqualTo("provision");
        assertThat(event.path("amount").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(event.path("instance_id").asLong()).isEqualTo(1000);
    }

    @Test
    void audit_badTokenOrMonth_answers400() {

        APIGatewayProxyResponseEvent badToken = api.call("GET", "/audit?month=2026-11&next_token=zzz", ADMIN, null);
        APIGatewayProxyResponseEvent noMonth = api.call("GET", "/audit", ADMIN, null);
        APIGatewayProxyResponseEvent badTeam = api.call("GET", "/audit?month=2026-11&team=X", ADMIN, null);

        assertThat(assertProblem(badToken, 400, "invalid_request")
                        .path("detail")
                        .asText())
                .contains("next_token");
        assertThat(assertProblem(noMonth, 400, "invalid_request").path("detail").asText())
                .contains("month");
        assertProblem(badTeam, 400, "invalid_request");
    }
}
