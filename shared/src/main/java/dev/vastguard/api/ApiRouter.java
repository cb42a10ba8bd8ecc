package dev.vastguard.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.vastguard.admin.AdminService;
import dev.vastguard.instance.InstanceService;
import dev.vastguard.platform.Platform;
import dev.vastguard.principal.CallerArn;
import dev.vastguard.principal.Principal;
import dev.vastguard.principal.PrincipalRepository;
import dev.vastguard.team.TeamId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the routes of one API function: identifies the caller, checks its role, dispatches to the endpoint and
 * answers every failure as a problem. Nothing a client sends can make it answer 500.
 */
public final class ApiRouter {

    /** The largest body accepted, in bytes. */
    public static final int MAX_BODY_BYTES = 65_536;

    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);

    private final Routes.Function function;
    private final PrincipalRepository principals;
    private final Endpoints endpoints;

    /** The endpoints of one function. */
    interface Endpoints {

        /**
         * Handles a request for one of the function's routes from a caller allowed to call it.
         *
         * @param route the route
         * @param request the request
         * @param caller the caller
         * @return the answer
         */
        ApiResponse handle(Routes.Route route, ApiRequest request, Principal caller);
    }

    ApiRouter(Routes.Function function, PrincipalRepository principals, Endpoints endpoints) {
        this.function = function;
        this.principals = principals;
        this.endpoints = endpoints;
    }

    /**
     * The router of the team API ({@code /offers}, {@code /instances}, {@code /budget}).
     *
     * @param service the instance use cases
     * @param platform principals, teams, idempotency keys and the clock
     * @return the router
     */
    public static ApiRouter forTeams(InstanceService service, Platform platform) {
        return new ApiRouter(
                Routes.Function.TEAM_API,
                platform.principals(),
                new TeamEndpoints(service, platform.teams(), platform.idempotency(), platform.clock()));
    }

    /**
     * The router of the admin API ({@code /teams}, {@code /principals}, {@code /reports}, {@code /audit}).
     *
     * @param admin the admin use cases
     * @param platform the principals
     * @return the router
     */
    public static ApiRouter forAdmins(AdminService admin, Platform platform) {
        return new ApiRouter(Routes.Function.ADMIN_API, platform.principals(), new AdminEndpoints(admin));
    }

    /**
     * Handles an API Gateway event.
     *
     * @param event the REST API (payload v1) event
     * @param awsRequestId the Lambda request id, or null to use API Gateway's
     * @return the response event
     */
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, String awsRequestId) {
        String requestId = requestId(event, awsRequestId);
        ApiRequest request;
        try {
            request = ApiRequest.from(event);
        } catch (RuntimeException e) {
            String route = event.getHttpMethod() + " " + event.getResource();
            ApiResponse response = Problems.fromException(e, requestId, route);
            LOG.info("{} {} -> {} team=-", event.getHttpMethod(), event.getResource(), response.status());
            return response.toEvent();
        }
        return handle(request, requestId).toEvent();
    }

    /**
     * Handles a decoded request.
     *
     * @param request the request
     * @param requestId the AWS request id, quoted in logs and 500 answers
     * @return the response
     */
    public ApiResponse handle(ApiRequest request, String requestId) {
        Optional<TeamId> team = Optional.empty();
        ApiRequest routed = request;
        ApiResponse response;
        try {
            if (request.bodyBytes() > MAX_BODY_BYTES) {
                throw new ApiException(
                        413, "payload_too_large", "the body may be at most " + MAX_BODY_BYTES + " bytes");
            }
            Principal caller = caller(request);
            team = caller.team();
            Routes.Match match = route(request);
            routed = request.withMatch(match);
            if (!match.route().allows(caller.role())) {
                throw ApiException.forbidden("role '" + caller.role().wireName() + "' may not call "
                        + match.route().key() + "; allowed: " + roles(match.route()));
            }
            response = endpoints.handle(match.route(), routed, caller);
        } catch (RuntimeException e) {
            response = Problems.fromException(e, requestId, routed.method() + " " + routed.resource());
        }
        LOG.info(
                "{} {} -> {} team={}",
                routed.method(),
                routed.resource(),
                response.status(),
                team.map(TeamId::value).orElse("-"));
        return response;
    }

    private Principal caller(ApiRequest request) {
        return request.callerArn()
                .flatMap(CallerArn::registeredForm)
                .flatMap(principals::find)
                .orElseThrow(() -> new ApiException(
                        403, "unknown_principal", "the caller is not registered with vastguard; ask an admin"));
    }

    private Routes.Match route(ApiRequest request) {
        Optional<Routes.Match> byResource = Routes.find(request.method(), request.resource())
                .map(route -> new Routes.Match(route, request.pathParameters()));
        return byResource
                .or(() -> Routes.match(request.method(), request.path()))
                .filter(match -> match.route().function() == function)
                .orElseThrow(() ->
                        ApiException.notFound("no route " + request.method() + " " + request.path() + " in this API"));
    }

    private static String roles(Routes.Route route) {
        return String.join(
                ", ", route.roles().stream().map(r -> r.wireName()).sorted().toList());
    }

    private static String requestId(APIGatewayProxyRequestEvent event, String awsRequestId) {
        if (awsRequestId != null && !awsRequestId.isBlank()) {
            return awsRequestId;
        }
        if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            return event.getRequestContext().getRequestId();
        }
        return "unknown";
    }
}
