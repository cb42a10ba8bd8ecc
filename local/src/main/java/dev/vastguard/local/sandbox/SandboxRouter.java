package dev.vastguard.local.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes HTTP exchanges to the endpoints, after fault injection and authentication.
 *
 * <p>Only the {@code Authorization: Bearer} header authenticates. The legacy {@code api_key} query parameter, which
 * Vast.ai still honours, is deliberately ignored: vastguard must never put a key in a URL (URLs end up in logs), and
 * a client that regressed to it fails against the sandbox instead of passing silently.
 */
final class SandboxRouter implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxRouter.class);
    private static final String CONTROL_PREFIX = "/_sandbox/";
    private static final String GATEWAY_TIMEOUT =
            "<html><head><title>504 Gateway Time-out</title></head><body><h1>504 Gateway Time-out</h1></body></html>";
    private static final String NOT_FOUND = "<html><body><h1>Not Found</h1></body></html>";

    /** One endpoint's code. */
    @FunctionalInterface
    interface Endpoint {
        SandboxResponse handle(Call call);
    }

    /**
     * A route.
     *
     * @param method the HTTP method
     * @param pattern the full path pattern, with the id (if any) as group 1
     * @param access how the route authenticates
     * @param threshold the minimum interval Vast.ai documents for it, used in 429 texts
     * @param endpoint the code
     */
    record Route(String method, Pattern pattern, Access access, String threshold, Endpoint endpoint) {}

    /** How a route treats the key; bad keys get 404 on some Vast.ai endpoints and 401 on the rest. */
    enum Access {
        KEY_OR_404(404, true),
        KEY_OR_401(401, true),
        ANONYMOUS_ALLOWED(401, false);

        private final int badKeyStatus;
        private final boolean keyRequired;

        Access(int badKeyStatus, boolean keyRequired) {
            this.badKeyStatus = badKeyStatus;
            this.keyRequired = keyRequired;
        }
    }

    private record Outcome(SandboxResponse response, boolean dropConnection) {}

    private final List<Route> routes;
    private final Marketplace market;
    private final SandboxFaults faults;
    private final ControlEndpoints control;
    private final CountDownLatch closing;

    SandboxRouter(Marketplace market, SandboxFaults faults, CountDownLatch closing) {
        this.market = market;
        this.faults = faults;
        this.closing = closing;
        this.control = new ControlEndpoints(market, faults);
        this.routes = routes(market);
    }

    private static List<Route> routes(Marketplace market) {
        OfferEndpoints offers = new OfferEndpoints(market);
        InstanceEndpoints instances = new InstanceEndpoints(market);
        ChargeEndpoints charges = new ChargeEndpoints(market);
        String instance = "/api/v0/instances/([^/]+)/";
        return List.of(
                route("POST", "/api/v0/bundles/", Access.KEY_OR_404, "6.0", offers::search),
                route("GET", "/api/v0/gpu_names/unique/", Access.ANONYMOUS_ALLOWED, "1.0", offers::gpuNames),
                route("PUT", "/api/v0/asks/([^/]+)/", Access.KEY_OR_401, "4.5", offers::create),
                route("GET", "/api/v1/instances/", Access.KEY_OR_401, "1.0", instances::list),
                route("GET", "/api/v0/instances/", Access.KEY_OR_401, "1.0", instances::legacyList),
                route("GET", instance, Access.KEY_OR_401, "2.0", instances::show),
                route("PUT", instance, Access.KEY_OR_401, "1.0", instances::manage),
                route("DELETE", instance, Access.KEY_OR_401, "3.0", instances::destroy),
                route("GET", "/api/v0/charges/", Access.KEY_OR_404, "1.0", charges::charges));
    }

    private static Route route(String method, String path, Access access, String threshold, Endpoint endpoint) {
        return new Route(method, Pattern.compile(path), access, threshold, endpoint);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            SandboxRequest request = read(exchange);
            LOG.debug("{} {}", request.method(), request.path());
            Outcome outcome = process(request);
            if (!outcome.dropConnection()) {
                write(exchange, outcome.response());
            }
        } finally {
            // Closing before any response was sent makes the JDK server drop the connection.
            exchange.close();
        }
    }

    private Outcome process(SandboxRequest request) {
        if (request.path().startsWith(CONTROL_PREFIX)) {
            return new Outcome(guarded(() -> control.handle(request)), false);
        }
        Optional<Route> route = match(request);
        Optional<Fault> fault = faults.take(request.method(), request.path());
        if (fault.isEmpty()) {
            return new Outcome(dispatch(route, request), false);
        }
        LOG.info("injecting fault {} into {} {}", fault.get(), request.method(), request.path());
        return switch (fault.get()) {
            case RATE_LIMITED -> new Outcome(rateLimited(route), false);
            case SERVER_ERROR -> serverError(500, "server_error", "Internal server error");
            case BAD_GATEWAY -> serverError(502, "bad_gateway", "Bad gateway");
            case SERVICE_UNAVAILABLE -> serverError(503, "service_unavailable", "Service temporarily unavailable");
            case TIMEOUT -> new Outcome(timeout(), false);
            case CREATE_LOST_RESPONSE -> lostResponse(route, request);
            case CONNECTION_DROPPED -> {
                dispatch(route, request);
                yield new Outcome(null, true);
            }
            case AUTH_ERROR -> new Outcome(badKey(route.map(Route::access).orElse(Access.KEY_OR_401)), false);
        };
    }

    private SandboxResponse dispatch(Optional<Route> route, SandboxRequest request) {
        if (route.isEmpty()) {
            return unrouted(request);
        }
        Matcher path = route.get().pattern().matcher(request.path());
        if (!path.matches()) {
            throw new IllegalStateException("route matched once and not again");
        }
        return guarded(() -> {
            String key = authenticate(route.get().access(), request);
            return route.get().endpoint().handle(new Call(request, key, path));
        });
    }

    private SandboxResponse guarded(Supplier<SandboxResponse> endpoint) {
        try {
            return endpoint.get();
        } catch (ApiError e) {
            return e.response();
        } catch (RuntimeException e) {
            LOG.error("sandbox endpoint failed", e);
            return SandboxResponse.json(500, error("server_error", "Internal server error"));
        }
    }

    private String authenticate(Access access, SandboxRequest request) {
        String header = request.authorization();
        if (header == null) {
            if (!access.keyRequired) {
                return null;
            }
            throw ApiError.of(403, "auth_error", "This action requires login.");
        }
        String key = header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : "";
        if (key.isEmpty() || !market.knows(key)) {
            throw ApiError.of(access.badKeyStatus, "auth_error", "Invalid user key");
        }
        return key;
    }

    private Optional<Route> match(SandboxRequest request) {
        return routes.stream()
                .filter(r -> r.method().equals(request.method()))
                .filter(r -> r.pattern().matcher(request.path()).matches())
                .findFirst();
    }

    private SandboxResponse unrouted(SandboxRequest request) {
        boolean otherMethod = routes.stream()
                .anyMatch(r -> r.pattern().matcher(request.path()).matches());
        if (otherMethod) {
            return SandboxResponse.json(405, error("method_not_allowed", request.method() + " is not supported here"));
        }
        return SandboxResponse.html(404, NOT_FOUND);
    }

    private static SandboxResponse rateLimited(Optional<Route> route) {
        String threshold = route.map(Route::threshold).orElse("1.0");
        return SandboxResponse.text(429, "API requests too frequent endpoint threshold=" + threshold);
    }

    private static Outcome serverError(int status, String code, String msg) {
        return new Outcome(SandboxResponse.json(status, error(code, msg)), false);
    }

    private static SandboxResponse badKey(Access access) {
        return ApiError.of(access.badKeyStatus, "auth_error", "Invalid user key")
                .response();
    }

    private SandboxResponse timeout() {
        try {
            // Wakes early only when the sandbox closes.
            closing.await(faults.timeoutDelay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return SandboxResponse.html(504, GATEWAY_TIMEOUT);
    }

    private Outcome lostResponse(Optional<Route> route, SandboxRequest request) {
        dispatch(route, request);
        return new Outcome(SandboxResponse.html(504, GATEWAY_TIMEOUT), false);
    }

    private static ObjectNode error(String code, String msg) {
        return Json.object().put("success", false).put("error", code).put("msg", msg);
    }

    private static SandboxRequest read(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new SandboxRequest(
                exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getPath(),
                SandboxRequest.parseQuery(exchange.getRequestURI().getRawQuery()),
                exchange.getRequestHeaders().getFirst("Authorization"),
                body);
    }

    private static void write(HttpExchange exchange, SandboxResponse response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
