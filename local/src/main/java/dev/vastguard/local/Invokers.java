package dev.vastguard.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.vastguard.function.admin.AdminApiHandler;
import dev.vastguard.function.api.TeamApiHandler;
import dev.vastguard.function.reporter.ReporterHandler;
import dev.vastguard.function.sweeper.ReconcilerHandler;
import dev.vastguard.function.sweeper.SweeperHandler;
import dev.vastguard.platform.OutsideLambdaContext;
import java.util.Map;
import java.util.function.Function;

/** The Lambda handlers, invoked as Lambda would: one event, a fresh context. */
final class Invokers {

    /** The team API function's name in routes and logs. */
    static final String TEAM_API = "api";

    /** The admin API function's name in routes and logs. */
    static final String ADMIN_API = "admin";

    private final TeamApiHandler teamApi;
    private final AdminApiHandler adminApi;
    private final SweeperHandler sweeper;
    private final ReporterHandler reporter;
    private final ReconcilerHandler reconciler;

    Invokers(
            TeamApiHandler teamApi,
            AdminApiHandler adminApi,
            SweeperHandler sweeper,
            ReporterHandler reporter,
            ReconcilerHandler reconciler) {
        this.teamApi = teamApi;
        this.adminApi = adminApi;
        this.sweeper = sweeper;
        this.reporter = reporter;
        this.reconciler = reconciler;
    }

    APIGatewayProxyResponseEvent admin(APIGatewayProxyRequestEvent event) {
        return adminApi.handleRequest(event, new OutsideLambdaContext("vastguard-admin-api"));
    }

    Map<String, Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> apiFunctions() {
        return Map.of(
                TEAM_API,
                event -> teamApi.handleRequest(event, new OutsideLambdaContext("vastguard-team-api")),
                ADMIN_API,
                this::admin);
    }

    synchronized Map<String, Object> sweep(Map<String, Object> event) {
        return sweeper.handleRequest(event, new OutsideLambdaContext("vastguard-sweeper"));
    }

    synchronized Map<String, Object> reconcile(Map<String, Object> event) {
        return reconciler.handleRequest(event, new OutsideLambdaContext("vastguard-reconciler"));
    }

    synchronized Map<String, Object> report(Map<String, Object> event) {
        return reporter.handleRequest(event, new OutsideLambdaContext("vastguard-reporter"));
    }
}
