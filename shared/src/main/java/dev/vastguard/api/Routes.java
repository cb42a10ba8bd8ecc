package dev.vastguard.api;

import dev.vastguard.principal.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every HTTP route of vastguard: its method, resource template, the function that serves it and the roles that may
 * call it.
 *
 * <p>API Gateway names the matched template in the event's {@code resource}; the local runner, which receives raw
 * paths, uses {@link #match(String, String)} to find the template and the path parameters the same way.
 */
public final class Routes {

    private static final Set<Role> MEMBER = Set.of(Role.MEMBER);
    private static final Set<Role> ADMIN = Set.of(Role.ADMIN);
    private static final Set<Role> ADMIN_OR_FINANCE = Set.of(Role.ADMIN, Role.FINANCE);

    private static final List<Route> ALL = List.of(
            new Route("GET", "/offers", Function.TEAM_API, MEMBER),
            new Route("POST", "/instances", Function.TEAM_API, MEMBER),
            new Route("GET", "/instances", Function.TEAM_API, MEMBER),
            new Route("GET", "/instances/{id}", Function.TEAM_API, MEMBER),
            new Route("DELETE", "/instances/{id}", Function.TEAM_API, MEMBER),
            new Route("POST", "/instances/{id}/stop", Function.TEAM_API, MEMBER),
            new Route("POST", "/instances/{id}/start", Function.TEAM_API, MEMBER),
            new Route("GET", "/budget", Function.TEAM_API, MEMBER),
            new Route("GET", "/teams", Function.ADMIN_API, ADMIN_OR_FINANCE),
            new Route("GET", "/teams/{team}", Function.ADMIN_API, ADMIN_OR_FINANCE),
            new Route("PUT", "/teams/{team}", Function.ADMIN_API, ADMIN),
            new Route("PUT", "/principals", Function.ADMIN_API, ADMIN),
            new Route("DELETE", "/principals", Function.ADMIN_API, ADMIN),
            new Route("POST", "/reports", Function.ADMIN_API, ADMIN_OR_FINANCE),
            new Route("GET", "/reports", Function.ADMIN_API, ADMIN_OR_FINANCE),
            new Route("GET", "/audit", Function.ADMIN_API, ADMIN));

    private Routes() {}

    /** The Lambda function that serves a route. */
    public enum Function {
        /** {@code dev.vastguard.function.api.TeamApiHandler}: the team endpoints. */
        TEAM_API,
        /** {@code dev.vastguard.function.admin.AdminApiHandler}: the admin endpoints. */
        ADMIN_API
    }

    /**
     * One route.
     *
     * @param method the HTTP method, upper case
     * @param resource the resource template as API Gateway names it, for example {@code /instances/{id}/stop}
     * @param function the function that serves it
     * @param roles the roles allowed to call it; every other role gets 403 {@code forbidden}
     */
    public record Route(String method, String resource, Function function, Set<Role> roles) {

        /** Copies the role set. */
        public Route {
            roles = Set.copyOf(roles);
        }

        /**
         * Whether a principal of a role may call this route.
         *
         * @param role the caller's role
         * @return true if allowed
         */
        public boolean allows(Role role) {
            return roles.contains(role);
        }

        /**
         * The route's key as used in logs and switches.
         *
         * @return for example {@code GET /instances/{id}}
         */
        public String key() {
            return method + " " + resource;
        }

        private Optional<Map<String, String>> parameters(String path) {
            String[] template = resource.split("/", -1);
            String[] actual = path.split("/", -1);
            if (template.length != actual.length) {
                return Optional.empty();
            }
            Map<String, String> parameters = new HashMap<>();
            for (int i = 0; i < template.length; i++) {
                String part = template[i];
                if (part.startsWith("{") && part.endsWith("}")) {
                    if (actual[i].isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(part.substring(1, part.length() - 1), actual[i]);
                } else if (!part.equals(actual[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(Map.copyOf(parameters));
        }
    }

    /**
     * A raw request path matched to a route.
     *
     * @param route the route
     * @param pathParameters the template's parameters, for example {@code id -> 42}
     */
    public record Match(Route route, Map<String, String> pathParameters) {

        /** Copies the parameters. */
        public Match {
            pathParameters = Map.copyOf(pathParameters);
        }
    }

    /**
     * Every route, team routes first.
     *
     * @return the routes
     */
    public static List<Route> all() {
        return ALL;
    }

    /**
     * The route with a method and resource template.
     *
     * @param method the HTTP method, any case
     * @param resource the template, for example {@code /instances/{id}}
     * @return the route, or empty if there is none
     */
    public static Optional<Route> find(String method, String resource) {
        String upper = normalise(method);
        return ALL.stream()
                .filter(r -> r.method().equals(upper) && r.resource().equals(resource))
                .findFirst();
    }

    /**
     * Matches a method and a raw path (no stage prefix, no query string) to a route.
     *
     * @param method the HTTP method, any case
     * @param path the path, for example {@code /instances/42/stop}
     * @return the route and its path parameters, or empty if no route matches
     */
    public static Optional<Match> match(String method, String path) {
        if (method == null || path == null) {
            return Optional.empty();
        }
        String upper = normalise(method);
        for (Route route : ALL) {
            if (route.method().equals(upper)) {
                Optional<Map<String, String>> parameters = route.parameters(path);
                if (parameters.isPresent()) {
                    return Optional.of(new Match(route, parameters.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static String normalise(String method) {
        return method == null ? "" : method.toUpperCase(Locale.ROOT);
    }
}
