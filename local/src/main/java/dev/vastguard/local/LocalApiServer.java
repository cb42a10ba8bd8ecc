package dev.vastguard.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vastguard.api.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local runner's HTTP front door: plays API Gateway for the API functions (the header
 * {@code X-Vastguard-Caller} becomes the verified caller) and serves the {@code /_local/} endpoints.
 */
final class LocalApiServer implements AutoCloseable {

    /** The caller header only the local runner reads. */
    static final String CALLER_HEADER = "X-Vastguard-Caller";

    private static final Logger LOG = LoggerFactory.getLogger(LocalApiServer.class);
    private static final int MAX_READ = 10 * 1024 * 1024;

    /** Where a request goes: which API function, under which resource template. */
    record RouteTarget(String function, String resource, Map<String, String> pathParameters) {}

    /** Maps a method and raw path to a route of the API. */
    interface RouteMatcher {
        Optional<RouteTarget> match(String method, String path);
    }

    /** A local endpoint's answer. */
    record LocalResponse(int status, JsonNode body) {}

    /** Handles one {@code /_local/} endpoint: method, body (possibly empty) to answer. */
    interface LocalEndpoint {
        LocalResponse handle(String method, String body) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final ObjectMapper json;
    private final RouteMatcher routes;
    private final Map<String, Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> functions;
    private final Map<String, LocalEndpoint> localEndpoints;

    LocalApiServer(
            int port,
            ObjectMapper json,
            RouteMatcher routes,
            Map<String, Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> functions,
            Map<String, LocalEndpoint> localEndpoints)
            throws IOException {
        this.json = json;
        this.routes = routes;
        this.functions = Map.copyOf(functions);
        this.localEndpoints = Map.copyOf(localEndpoints);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = readBody(exchange.getRequestBody());
            if (path.startsWith("/_local/")) {
                serveLocal(exchange, path, body);
            } else {
                serveApi(exchange, path, body);
            }
        } catch (RuntimeException e) {
            LOG.error("local runner failed to serve a request", e);
        }
    }

    private void serveLocal(HttpExchange exchange, String path, byte[] body) throws IOException {
        LocalEndpoint endpoint = localEndpoints.get(path);
        if (endpoint == null) {
            sendProblem(exchange, 404, "not_found", "no local endpoint " + path);
            return;
        }
        try {
            LocalResponse response =
                    endpoint.handle(exchange.getRequestMethod(), new String(body, StandardCharsets.UTF_8));
            send(exchange, response.status(), "application/json", json.writeValueAsBytes(response.body()));
        } catch (IllegalArgumentException | IOException e) {
            sendProblem(exchange, 400, "invalid_request", e.getMessage());
        }
    }

    private void serveApi(HttpExchange exchange, String path, byte[] body) throws IOException {
        String method = exchange.getRequestMethod();
        Optional<RouteTarget> target = routes.match(method, decode(path));
        if (target.isEmpty()) {
            // API Gateway checks the signature before it looks for a route, so an unsigned request learns nothing.
            String caller = exchange.getRequestHeaders().getFirst(CALLER_HEADER);
            if (caller == null || caller.isBlank()) {
                sendProblem(exchange, 403, "unknown_principal", "sign the request: no verified caller");
            } else {
                sendProblem(exchange, 404, "not_found", "no route " + method + " " + decode(path));
            }
            return;
        }
        APIGatewayProxyRequestEvent event = toEvent(exchange, target.get(), path, body);
        APIGatewayProxyResponseEvent response =
                functions.get(target.get().function()).apply(event);
        byte[] responseBody = response.getBody() == null
                ? new byte[0]
                : Boolean.TRUE.equals(response.getIsBase64Encoded())
                        ? Base64.getDecoder().decode(response.getBody())
                        : response.getBody().getBytes(StandardCharsets.UTF_8);
        if (response.getHeaders() != null) {
            response.getHeaders()
                    .forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        }
        int status = response.getStatusCode() == null ? 500 : response.getStatusCode();
        exchange.sendResponseHeaders(status, responseBody.length == 0 ? -1 : responseBody.length);
        if (responseBody.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(responseBody);
            }
        }
    }

    private static APIGatewayProxyRequestEvent toEvent(
            HttpExchange exchange, RouteTarget target, String path, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        Map<String, List<String>> multiHeaders = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(CALLER_HEADER)) {
                headers.put(name, values.get(0));
                multiHeaders.put(name, List.copyOf(values));
            }
        });
        Map<String, List<String>> query = parseQuery(exchange.getRequestURI().getRawQuery());
        Map<String, String> singleQuery = new HashMap<>();
        query.forEach((k, v) -> singleQuery.put(k, v.get(v.size() - 1)));
        String caller = exchange.getRequestHeaders().getFirst(CALLER_HEADER);
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        if (caller != null && !caller.isBlank()) {
            identity.setUserArn(caller.trim());
            identity.setAccountId(accountOf(caller.trim()));
            identity.setCaller(
                    "AROALOCALRUNNER:" + caller.trim().substring(caller.trim().lastIndexOf('/') + 1));
        }
        identity.setSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress());
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setIdentity(identity);
        context.setRequestId(UUID.randomUUID().toString());
        context.setStage("local");
        context.setHttpMethod(exchange.getRequestMethod());
        context.setResourcePath(target.resource());
        context.setPath(path);
        Optional<String> text = utf8(body);
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(exchange.getRequestMethod())
                .withPath(decode(path))
                .withResource(target.resource())
                .withPathParameters(target.pathParameters().isEmpty() ? null : target.pathParameters())
                .withQueryStringParameters(singleQuery.isEmpty() ? null : singleQuery)
                .withMultiValueQueryStringParameters(query.isEmpty() ? null : query)
                .withHeaders(headers)
                .withMultiValueHeaders(multiHeaders)
                .withRequestContext(context)
                .withBody(
                        body.length == 0
                                ? null
                                : text.orElseGet(() -> Base64.getEncoder().encodeToString(body)))
                .withIsBase64Encoded(body.length > 0 && text.isEmpty());
    }

    /** The body as text, or empty if it is not UTF-8 (API Gateway then hands it over base64-encoded). */
    private static Optional<String> utf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(body))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length > 4 ? parts[4] : "";
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> query = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        return in.readNBytes(MAX_READ);
    }

    private static void sendProblem(HttpExchange exchange, int status, String code, String detail) throws IOException {
        ApiResponse problem = ApiResponse.problem(status, code, detail);
        send(exchange, status, ApiResponse.PROBLEM_JSON, problem.body().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
