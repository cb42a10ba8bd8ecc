package dev.vastguard.function.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.vastguard.api.ApiRouter;
import dev.vastguard.instance.DefaultInstanceService;
import dev.vastguard.platform.Platform;
import dev.vastguard.platform.PlatformFactory;
import dev.vastguard.sweep.RefreshingInstanceService;

/**
 * The team API function behind API Gateway (REST API, IAM auth, role {@code member}): {@code GET /offers},
 * {@code POST /instances}, {@code GET /instances}, {@code GET /instances/{id}}, {@code DELETE /instances/{id}},
 * {@code POST /instances/{id}/stop}, {@code POST /instances/{id}/start} and {@code GET /budget}.
 */
public final class TeamApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final ApiRouter router;

    /** Creates the handler from the Lambda environment, once per container. */
    public TeamApiHandler() {
        this(PlatformFactory.fromEnvironment());
    }

    /**
     * Creates the handler on a platform (the local runner's, for example).
     *
     * @param platform the platform
     */
    public TeamApiHandler(Platform platform) {
        this(ApiRouter.forTeams(
                new RefreshingInstanceService(new DefaultInstanceService(platform), platform), platform));
    }

    TeamApiHandler(ApiRouter router) {
        this.router = router;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return router.handle(event, context == null ? null : context.getAwsRequestId());
    }
}
