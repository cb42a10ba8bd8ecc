package dev.vastguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vastguard.admin.AdminService;
import dev.vastguard.principal.Principal;
import dev.vastguard.principal.Role;
import dev.vastguard.report.ChargebackReports;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.Fixtures;
import dev.vastguard.testing.TestPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A test platform with two teams, their members, an admin and a finance principal, and routers for both API
 * functions; plus helpers that build API Gateway events the way API Gateway does and read JSON answers.
 */
public final class ApiFixture {

    /** A member of {@code data-science}. */
    public static final String MEMBER = "arn:aws:iam::123456789012:role/data-science";

    /** A member of {@code ml-research}. */
    public static final String OTHER_MEMBER = "arn:aws:iam::123456789012:role/ml-research";

    /** An admin. */
    public static final String ADMIN = "arn:aws:iam::123456789012:role/platform-admin";

    /** A finance principal. */
    public static final String FINANCE = "arn:aws:iam::123456789012:role/finance";

    /** An ARN registered nowhere. */
    public static final String STRANGER = "arn:aws:iam::123456789012:role/stranger";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The in-memory platform. */
    public final TestPlatform test = new TestPlatform();

    /** The team use cases behind the team router. */
    public final ScriptedInstanceService service = new ScriptedInstanceService(test.clock, test.vast);

    /** The team API. */
    public final ApiRouter teamApi;

    /** The admin API. */
    public final ApiRouter adminApi;

    /** Creates the platform with teams {@code data-science} and {@code ml-research} and four principals. */
    public ApiFixture() {
        test.teams.putPolicy(TeamId.of("data-science"), Fixtures.aPolicy().build());
        test.teams.putPolicy(TeamId.of("ml-research"), Fixtures.aPolicy().build());
        test.principals.put(new Principal(MEMBER, Role.MEMBER, Optional.of(TeamId.of("data-science"))));
        test.principals.put(new Principal(OTHER_MEMBER, Role.MEMBER, Optional.of(TeamId.of("ml-research"))));
        test.principals.put(new Principal(ADMIN, Role.ADMIN, Optional.empty()));
        test.principals.put(new Principal(FINANCE, Role.FINANCE, Optional.empty()));
        teamApi = ApiRouter.forTeams(service, test.platform());
        adminApi = ApiRouter.forAdmins(
                new AdminService(test.platform(), new ChargebackReports(test.platform())), test.platform());
    }

    /**
     * An event as API Gateway sends it for a path: resource template and path parameters filled in.
     *
     * @param method the method
     * @param pathAndQuery the path, optionally with a query string
     * @param caller the verified caller ARN, or null
     * @param body the body, or null
     * @return the event
     */
    public static APIGatewayProxyRequestEvent event(String method, String pathAndQuery, String caller, String body) {
        String[] parts = pathAndQuery.split("\\?", 2);
        String path = parts[0];
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withPath(path)
                .withResource(Routes.match(method, path)
                        .map(m -> m.route().resource())
                        .orElse(path))
                .withPathParameters(Routes.match(method, path)
                        .map(Routes.Match::pathParameters)
                        .orElse(null))
                .withHeaders(new HashMap<>(Map.of("Content-Type", "application/json")))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withRequestId("req-1")
                        .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withUserArn(caller)));
        if (parts.length > 1) {
            Map<String, String> query = new HashMap<>();
            for (String pair : parts[1].split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
            event.setQueryStringParameters(query);
        }
        return event;
    }

    /**
     * Sends a request to the router that serves its route.
     *
     * @param method the method
     * @param pathAndQuery the path and query
     * @param caller the caller ARN, or null
     * @param body the body, or null
     * @return the response
     */
    public APIGatewayProxyResponseEvent call(String method, String pathAndQuery, String caller, String body) {
        return send(event(method, pathAndQuery, caller, body));
    }

    /**
     * Sends an event to the router that serves its route (the team API for unknown routes).
     *
     * @param event the event
     * @return the response
     */
    public APIGatewayProxyResponseEvent send(APIGatewayProxyRequestEvent event) {
        boolean admin = Routes.match(event.getHttpMethod(), event.getPath())
                .map(m -> m.route().function() == Routes.Function.ADMIN_API)
                .orElse(false);
        return (admin ? adminApi : teamApi).handle(event, "aws-req-1");
    }

    /**
     * Parses a response body.
     *
     * @param response the response
     * @return the JSON tree
     */
    public static JsonNode json(APIGatewayProxyResponseEvent response) {
        try {
            return MAPPER.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that a response is a problem with a status and code.
     *
     * @param response the response
     * @param status the expected status
     * @param code the expected code
     * @return the problem's JSON
     */
    public static JsonNode assertProblem(APIGatewayProxyResponseEvent response, int status, String code) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isEqualTo("https://vastguard.dev/problems/" + code);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }
}
