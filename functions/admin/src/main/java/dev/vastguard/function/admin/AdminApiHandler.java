package dev.vastguard.function.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.vastguard.admin.AdminService;
import dev.vastguard.api.ApiRouter;
import dev.vastguard.platform.Platform;
import dev.vastguard.platform.PlatformFactory;
import dev.vastguard.report.ChargebackReports;

/**
 * The admin API function behind API Gateway (REST API, IAM auth, roles {@code admin} and {@code finance}):
 * {@code GET /teams}, {@code GET /teams/{team}}, {@code PUT /teams/{team}}, {@code PUT /principals},
 * {@code DELETE /principals}, {@code POST /reports} and {@code GET /audit}.
 */
public final class AdminApiHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final ApiRouter router;

    /** Creates the handler from the Lambda environment, once per container. */
    public AdminApiHandler() {
        this(PlatformFactory.fromEnvironment());
    }

    /**
     * Creates the handler on a platform (the local runner's, for example).
     *
     * @param platform the platform
     */
    public AdminApiHandler(Platform platform) {
        this(ApiRouter.forAdmins(new AdminService(platform, new ChargebackReports(platform)), platform));
    }

    AdminApiHandler(ApiRouter router) {
        this.router = router;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return router.handle(event, context == null ? null : context.getAwsRequestId());
    }
}
