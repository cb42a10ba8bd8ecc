package dev.vastguard.local;

import dev.vastguard.api.Routes;
import java.util.Optional;

/** Matches raw request paths to the API's routes, as API Gateway does from the template's resources. */
final class ApiRoutes implements LocalApiServer.RouteMatcher {

    @Override
    public Optional<LocalApiServer.RouteTarget> match(String method, String path) {
        return Routes.match(method, path)
                .map(match -> new LocalApiServer.RouteTarget(
                        match.route().function() == Routes.Function.TEAM_API ? Invokers.TEAM_API : Invokers.ADMIN_API,
                        match.route().resource(),
                        match.pathParameters()));
    }
}
