package dev.vastguard.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vastguard.api.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local runner's HTTP front door: plays API Gateway for the API functions (the header
 * {@code X-Vastguard-Caller} becomes the verified caller) and serves the {@code /_local/} endpoints.
 *
 * <p>Runs on Jetty so that requests it cannot even parse (a malformed percent-escape, an empty path segment, an
 * oversized header) are answered like every other error, in {@code application/problem+json}, as API Gateway
 * answers them with its own JSON rather than an HTML page.
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

    private final Server server;
    private final ServerConnector connector;
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
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("local-api");
        threads.setDaemon(true);
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                serve(request, response, callback);
                return true;
            }
        });
        server.setErrorHandler(new ProblemErrorHandler());
        try {
            server.start();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("could not start the local API server on port " + port, e);
        }
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("local API server did not stop cleanly: {}", e.getMessage());
        }
    }

    private void serve(Request request, Response response, Callback callback) {
        try {
            String path = request.getHttpURI().getPath();
            byte[] body = readBody(Content.Source.asInputStream(request));
            Reply reply = path.startsWith("/_local/") ? serveLocal(request, path, body) : serveApi(request, path, body);
            response.setStatus(reply.status());
            reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
        } catch (IOException | RuntimeException e) {
            LOG.error("local runner failed to serve a request: {}", e.toString());
            callback.failed(e);
        }
    }

    private Reply serveLocal(Request request, String path, byte[] body) {
        LocalEndpoint endpoint = localEndpoints.get(path);
        if (endpoint == null) {
            return Reply.problem(404, "not_found", "no local endpoint " + path);
        }
        try {
            LocalResponse response = endpoint.handle(request.getMethod(), new String(body, StandardCharsets.UTF_8));
            return new Reply(
                    response.status(),
                    Map.of("Content-Type", "application/json"),
                    json.writeValueAsBytes(response.body()));
        } catch (IllegalArgumentException | IOException e) {
            return Reply.problem(400, "invalid_request", e.getMessage());
        }
    }

    private Reply serveApi(Request request, String path, byte[] body) {
        String method = request.getMethod();
        Optional<RouteTarget> target = routes.match(method, decode(path));
        if (target.isEmpty()) {
            // API Gateway checks the signature before it looks for a route, so an unsigned request learns nothing.
            String caller = request.getHeaders().get(CALLER_HEADER);
            if (caller == null || caller.isBlank()) {
                return Reply.problem(403, "unknown_principal", "sign the request: no verified caller");
            }
            return Reply.problem(404, "not_found", "no route " + method + " " + decode(path));
        }
        APIGatewayProxyRequestEvent event = toEvent(request, target.get(), path, body);
        APIGatewayProxyResponseEvent response =
                functions.get(target.get().function()).apply(event);
        byte[] responseBody = response.getBody() == null
                ? new byte[0]
                : Boolean.TRUE.equals(response.getIsBase64Encoded())
                        ? Base64.getDecoder().decode(response.getBody())
                        : response.getBody().getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode() == null ? 500 : response.getStatusCode();
        return new Reply(status, response.getHeaders() == null ? Map.of() : response.getHeaders(), responseBody);
    }

    private static APIGatewayProxyRequestEvent toEvent(Request request, RouteTarget target, String path, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        Map<String, List<String>> multiHeaders = new HashMap<>();
        for (HttpField field : request.getHeaders()) {
            if (!field.getName().equalsIgnoreCase(CALLER_HEADER)) {
                headers.putIfAbsent(field.getName(), field.getValue());
                multiHeaders
                        .computeIfAbsent(field.getName(), n -> new ArrayList<>())
                        .add(field.getValue());
            }
        }
        Map<String, List<String>> query = parseQuery(request.getHttpURI().getQuery());
        Map<String, String> singleQuery = new HashMap<>();
        query.forEach((k, v) -> singleQuery.put(k, v.get(v.size() - 1)));
        String caller = request.getHeaders().get(CALLER_HEADER);
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        if (caller != null && !caller.isBlank()) {
            identity.setUserArn(caller.trim());
            identity.setAccountId(accountOf(caller.trim()));
            identity.setCaller(
                    "AROALOCALRUNNER:" + caller.trim().substring(caller.trim().lastIndexOf('/') + 1));
        }
        identity.setSourceIp(Request.getRemoteAddr(request));
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setIdentity(identity);
        context.setRequestId(UUID.randomUUID().toString());
        context.setStage("local");
        context.setHttpMethod(request.getMethod());
        context.setResourcePath(target.resource());
        context.setPath(path);
        Optional<String> text = utf8(body);
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(request.getMethod())
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

    /**
     * An answer to write.
     *
     * @param status the HTTP status
     * @param headers the response headers
     * @param body the body, possibly empty
     */
    private record Reply(int status, Map<String, String> headers, byte[] body) {

        static Reply problem(int status, String code, String detail) {
            ApiResponse problem = ApiResponse.problem(status, code, detail);
            return new Reply(
                    status,
                    Map.of("Content-Type", ApiResponse.PROBLEM_JSON),
                    problem.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Answers what Jetty refuses before any handler runs (a request line or header it cannot parse, an ambiguous
     * path) in the product's problem format instead of an HTML page.
     */
    private static final class ProblemErrorHandler extends ErrorHandler {

        /** Every method gets a body: Jetty's default writes one only for GET, POST and HEAD. */
        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(
                Request request, Response response, int code, String message, Throwable cause, Callback callback) {
            byte[] body = problem(code, message);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiResponse.PROBLEM_JSON);
            response.write(true, ByteBuffer.wrap(body), callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, ApiResponse.PROBLEM_JSON);
            return ByteBuffer.wrap(problem(status, reason));
        }

        private static byte[] problem(int status, String reason) {
            String code = switch (status) {
                case 404 -> "not_found";
                case 413 -> "payload_too_large";
                case 500 -> "internal_error";
                default -> "invalid_request";
            };
            String detail = status == 500
                    ? "the local runner failed to serve this request"
                    : "the request could not be read"
                            + (reason == null || reason.isBlank() ? "" : ": " + reason.toLowerCase(Locale.ROOT));
            int answered = status >= 400 && status < 600 ? status : 400;
            return ApiResponse.problem(answered, code, detail).body().getBytes(StandardCharsets.UTF_8);
        }
    }
}
