package dev.vastguard.api;

import static dev.vastguard.api.ApiFixture.ADMIN;
import static dev.vastguard.api.ApiFixture.FINANCE;
import static dev.vastguard.api.ApiFixture.MEMBER;
import static dev.vastguard.api.ApiFixture.OTHER_MEMBER;
import static dev.vastguard.api.ApiFixture.STRANGER;
import static dev.vastguard.api.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vastguard.instance.AdmissionContentionException;
import dev.vastguard.outcome.DenialCode;
import dev.vastguard.principal.Principal;
import dev.vastguard.principal.Role;
import dev.vastguard.secrets.MissingSecretException;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.Fixtures;
import dev.vastguard.vast.VastApiException;
import dev.vastguard.vast.VastAuthException;
import dev.vastguard.vast.VastClientException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ApiRouterTest {

    private final ApiFixture api = new ApiFixture();

    /** Who may call what, written from the API contract rather than read from {@link Routes}. */
    private static final Map<String, Set<Role>> CONTRACT = Map.ofEntries(
            Map.entry("GET /offers", Set.of(Role.MEMBER)),
            Map.entry("POST /instances", Set.of(Role.MEMBER)),
            Map.entry("GET /instances", Set.of(Role.MEMBER)),
            Map.entry("GET /instances/{id}", Set.of(Role.MEMBER)),
            Map.entry("DELETE /instances/{id}", Set.of(Role.MEMBER)),
            Map.entry("POST /instances/{id}/stop", Set.of(Role.MEMBER)),
            Map.entry("POST /instances/{id}/start", Set.of(Role.MEMBER)),
            Map.entry("GET /budget", Set.of(Role.MEMBER)),
            Map.entry("GET /teams", Set.of(Role.ADMIN, Role.FINANCE)),
            Map.entry("GET /teams/{team}", Set.of(Role.ADMIN, Role.FINANCE)),
            Map.entry("PUT /teams/{team}", Set.of(Role.ADMIN)),
            Map.entry("PUT /principals", Set.of(Role.ADMIN)),
            Map.entry("DELETE /principals", Set.of(Role.ADMIN)),
            Map.entry("POST /reports", Set.of(Role.ADMIN, Role.FINANCE)),
            Map.entry("GET /reports", Set.of(Role.ADMIN, Role.FINANCE)),
            Map.entry("GET /audit", Set.of(Role.ADMIN)));

    static Stream<Arguments> everyRouteForEveryRole() {
        List<Arguments> cases = new ArrayList<>();
        for (Routes.Route route : Routes.all()) {
            String path = route.resource().replace("{id}", "1001").replace("{team}", "data-science");
            Set<Role> allowed = CONTRACT.get(route.key());
            cases.add(Arguments.of(route.key(), path, MEMBER, allowed.contains(Role.MEMBER)));
            cases.add(Arguments.of(route.key(), path, ADMIN, allowed.contains(Role.ADMIN)));
            cases.add(Arguments.of(route.key(), path, FINANCE, allowed.contains(Role.FINANCE)));
            cases.add(Arguments.of(route.key(), path, STRANGER, false));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {2}")
    @MethodSource("everyRouteForEveryRole")
    void handle_everyRouteAndRole_allowsOnlyTheContractRoles(String key, String path, String caller, boolean allowed) {
        String method = key.substring(0, key.indexOf(' '));
        String body = key.equals("POST /reports") ? "{\"month\":\"2026-11\"}" : "{}";
        String query = key.equals("GET /reports") ? "?month=2026-11" : "";

        APIGatewayProxyResponseEvent response = api.call(method, path + query, caller, body);

        if (allowed) {
            assertThat(response.getStatusCode()).as(response.getBody()).isNotEqualTo(403);
        } else {
            assertProblem(response, 403, caller.equals(STRANGER) ? "unknown_principal" : "forbidden");
        }
    }

    @Test
    void routes_areExactlyTheContractsRoutesWithItsRoles() {
        Map<String, Set<Role>> declared = new HashMap<>();
        Routes.all().forEach(route -> declared.put(route.key(), route.roles()));

        assertThat(declared).isEqualTo(CONTRACT);
        assertThat(CONTRACT.entrySet().stream()
                        .filter(entry -> entry.getValue().contains(Role.FINANCE))
                        .map(Map.Entry::getKey))
                .as("finance reads teams and produces and downloads reports, nothing else")
                .containsExactlyInAnyOrder("GET /teams", "GET /teams/{team}", "POST /reports", "GET /reports");
        assertThat(Routes.all().stream().filter(r -> r.function() == Routes.Function.TEAM_API))
                .hasSize(8)
                .allMatch(r -> r.roles().equals(Set.of(Role.MEMBER)));
    }

    @Test
    void handle_noCaller_answersUnknownPrincipal() {

        APIGatewayProxyResponseEvent response = api.call("GET", "/budget", null, null);

        assertProblem(response, 403, "unknown_principal");
    }

    @Test
    void handle_noRequestContext_answersUnknownPrincipal() {
        APIGatewayProxyRequestEvent event = ApiFixture.event("GET", "/budget", MEMBER, null);
        event.setRequestContext(null);

        APIGatewayProxyResponseEvent response = api.send(event);

        assertProblem(response, 403, "unknown_principal");
    }

    @Test
    void handle_assumedRoleCaller_actsAsItsRolesPrincipal() {

        APIGatewayProxyResponseEvent response =
                api.call("GET", "/budget", "arn:aws:sts::123456789012:assumed-role/data-science/ci-session", null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(ApiFixture.json(response).path("team").asText()).isEqualTo("data-science");
    }

    @Test
    void handle_assumedRoleOfAnotherAccount_isUnknown() {

        APIGatewayProxyResponseEvent response =
                api.call("GET", "/budget", "arn:aws:sts::999999999999:assumed-role/data-science/ci-session", null);

        assertProblem(response, 403, "unknown_principal");
    }

    @Test
    void handle_memberOfTeamWithoutPolicy_answersForbidden() {
        api.test.principals.put(
                new Principal("arn:aws:iam::123456789012:role/orphan", Role.MEMBER, Optional.of(TeamId.of("orphans"))));

        APIGatewayProxyResponseEvent response =
                api.call("GET", "/budget", "arn:aws:iam::123456789012:role/orphan", null);

        JsonNode problem = assertProblem(response, 403, "forbidden");
        assertThat(problem.path("detail").asText()).contains("orphans").contains("no policy");
    }

    @Test
    void handle_unknownRoute_answersNotFound() {

        APIGatewayProxyResponseEvent response = api.call("GET", "/nothing-here", MEMBER, null);

        assertProblem(response, 404, "not_found");
    }

    @Test
    void handle_adminRouteSentToTeamFunction_answersNotFound() {
        APIGatewayProxyRequestEvent event = ApiFixture.event("GET", "/teams", ADMIN, null);

        APIGatewayProxyResponseEvent response = api.teamApi.handle(event, "r");

        assertProblem(response, 404, "not_found");
    }

    @Test
    void handle_proxyResource_routesByPath() {
        APIGatewayProxyRequestEvent event = ApiFixture.event("GET", "/instances/1001", MEMBER, null);
        event.setResource("/{proxy+}");
        event.setPathParameters(java.util.Map.of("proxy", "instances/1001"));
        api.service.withInstance(Fixtures.anInstance("data-science", 1001).build());

        APIGatewayProxyResponseEvent response = api.send(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(ApiFixture.json(response).path("instance").path("id").asLong())
                .isEqualTo(1001);
    }

    @Test
    void handle_otherTeamsInstance_answersNotFoundAndDestroysNothing() {
        api.service.withInstance(Fixtures.anInstance("ml-research", 1001).build());

        APIGatewayProxyResponseEvent get = api.call("GET", "/instances/1001", MEMBER, null);
        APIGatewayProxyResponseEvent delete = api.call("DELETE", "/instances/1001", MEMBER, null);

        assertProblem(get, 404, "not_found");
        assertProblem(delete, 404, "not_found");
        assertThat(api.call("GET", "/instances/1001", OTHER_MEMBER, null).getStatusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"abc", "0", "-1", "1.5", "99999999999999999999999"})
    void handle_instanceIdNotAPositiveInteger_answersNotFound(String id) {

        APIGatewayProxyResponseEvent response = api.call("GET", "/instances/" + id, MEMBER, null);

        assertProblem(response, 404, "not_found");
    }

    @ParameterizedTest
    @EnumSource(DenialCode.class)
    void handle_denial_answersContractStatusCodeAndDetail(DenialCode code) {
        api.service.deny(code, "what to change for " + code);
        int expected = switch (code) {
            case NOT_FOUND -> 404;
            case NO_MATCHING_OFFER, INVALID_STATE -> 409;
            default -> 403;
        };

        APIGatewayProxyResponseEvent response =
                api.call("POST", "/instances", MEMBER, "{\"gpu_name\":\"RTX_4090\",\"image\":\"img\"}");

        JsonNode problem = assertProblem(response, expected, code.wireName());
        assertThat(problem.path("detail").asText()).isEqualTo("what to change for " + code);
    }

    static Stream<Arguments> vastFailures() {
        return Stream.of(
                Arguments.of(new VastAuthException("create instance", 401), 502, "vast_error", false),
                Arguments.of(new VastApiException("create instance: busy", 429, null), 503, "vast_unavailable", true),
                Arguments.of(new VastApiException("create instance: boom", 500, null), 502, "vast_error", false),
                Arguments.of(
                        new VastApiException("create instance: no", 400, "invalid_args"), 502, "vast_error", false),
                Arguments.of(
                        new VastClientException("create instance: timed out", new IOException("x")),
                        503,
                        "vast_unavailable",
                        true),
                Arguments.of(
                        new MissingSecretException("vastguard/teams/data-science/vast-api-key", null),
                        502,
                        "vast_error",
                        false),
                Arguments.of(
                        new AdmissionContentionException("admission kept losing races"),
                        503,
                        "vast_unavailable",
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vastFailures")
    void handle_vastFailure_answersGatewayProblem(
            RuntimeException failure, int status, String code, boolean retryAfter) {
        api.service.fail(failure);

        APIGatewayProxyResponseEvent response =
                api.call("POST", "/instances", MEMBER, "{\"gpu_name\":\"RTX_4090\",\"image\":\"img\"}");

        assertProblem(response, status, code);
        if (retryAfter) {
            assertThat(response.getHeaders()).containsKey("Retry-After");
        } else {
            assertThat(response.getHeaders()).doesNotContainKey("Retry-After");
        }
    }

    @Test
    void handle_vastAuthFailure_tellsToFixTheSecret() {
        api.service.fail(new VastAuthException("list instances", 403));

        APIGatewayProxyResponseEvent response = api.call("GET", "/instances", MEMBER, null);

        assertThat(assertProblem(response, 502, "vast_error").path("detail").asText())
                .contains("refused the team's API key")
                .contains("secret");
    }

    @Test
    void handle_missingSecret_namesTheSecretOnly() {
        api.service.fail(new MissingSecretException("vastguard/teams/data-science/vast-api-key", null));

        APIGatewayProxyResponseEvent response = api.call("GET", "/budget", MEMBER, null);

        assertThat(assertProblem(response, 502, "vast_error").path("detail").asText())
                .contains("vastguard/teams/data-science/vast-api-key");
    }

    @Test
    void handle_unexpectedException_answers500WithoutItsText() {
        api.service.fail(new IllegalStateException("secret internals: table xyz, key abc"));

        APIGatewayProxyResponseEvent response = api.call("GET", "/budget", MEMBER, null);

        JsonNode problem = assertProblem(response, 500, "internal_error");
        assertThat(response.getBody())
                .doesNotContain("secret internals")
                .doesNotContain("IllegalStateException")
                .doesNotContain("at dev.");
        assertThat(problem.path("detail").asText()).contains("aws-req-1");
    }

    @Test
    void handle_success_answersJsonContentType() {

        APIGatewayProxyResponseEvent response = api.call("GET", "/budget", MEMBER, null);

        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
    }
}
