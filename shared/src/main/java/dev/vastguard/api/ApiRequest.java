package dev.vastguard.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the API sees it, decoded from an API Gateway REST (payload v1) event.
 *
 * @param method the HTTP method, upper case
 * @param resource the matched resource template, for example {@code /instances/{id}}
 * @param path the request path, for example {@code /instances/42}
 * @param pathParameters the template's parameters
 * @param queryParameters the query parameters, each with every value it was given
 * @param headers the headers, looked up without regard to case, each with its last value
 * @param body the body as text (decoded from base64 if API Gateway encoded it), empty if there was none
 * @param bodyBytes the body's size in bytes
 * @param callerArn the IAM ARN API Gateway verified ({@code requestContext.identity.userArn}), if any
 */
public record ApiRequest(
        String method,
        String resource,
        String path,
        Map<String, String> pathParameters,
        Map<String, List<String>> queryParameters,
        Map<String, String> headers,
        Optional<String> body,
        int bodyBytes,
        Optional<String> callerArn) {

    /** Copies the maps; headers keep case-insensitive lookup. */
    public ApiRequest {
        pathParameters = Map.copyOf(pathParameters);
        queryParameters = Map.copyOf(queryParameters);
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * Decodes an API Gateway event; every field may be missing.
     *
     * @param event the event
     * @return the request
     * @throws ApiException 400 if a base64 body cannot be decoded or the body is not UTF-8
     */
    public static ApiRequest from(APIGatewayProxyRequestEvent event) {
        byte[] bytes = bodyBytes(event);
        return new ApiRequest(
                Optional.ofNullable(event.getHttpMethod())
                        .map(m -> m.toUpperCase(Locale.ROOT))
                        .orElse(""),
                Optional.ofNullable(event.getResource()).orElse(""),
                Optional.ofNullable(event.getPath()).orElse(""),
                withoutNulls(event.getPathParameters()),
                queryParameters(event),
                headers(event),
                event.getBody() == null ? Optional.empty() : Optional.of(utf8(bytes)),
                bytes.length,
                callerArn(event));
    }

    /**
     * The last value of a header.
     *
     * @param name the header name, any case
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /**
     * A copy of this request with another resource and path parameters (for events routed through a proxy
     * resource).
     *
     * @param match the route matched from the path
     * @return the request as if API Gateway had matched the route itself
     */
    public ApiRequest withMatch(Routes.Match match) {
        return new ApiRequest(
                method,
                match.route().resource(),
                path,
                match.pathParameters(),
                queryParameters,
                headers,
                body,
                bodyBytes,
                callerArn);
    }

    /** The body as text; a body that is not UTF-8 (JSON must be) is refused rather than patched with U+FFFD. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.invalid("the body is not valid UTF-8; send JSON encoded as UTF-8");
        }
    }

    private static byte[] bodyBytes(APIGatewayProxyRequestEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("the body is marked as base64 but is not valid base64");
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> queryParameters(APIGatewayProxyRequestEvent event) {
        Map<String, List<String>> result = new HashMap<>();
        if (event.getQueryStringParameters() != null) {
            withoutNulls(event.getQueryStringParameters()).forEach((k, v) -> result.put(k, List.of(v)));
        }
        if (event.getMultiValueQueryStringParameters() != null) {
            event.getMultiValueQueryStringParameters().forEach((k, v) -> {
                if (k != null && v != null) {
                    result.put(k, v.stream().filter(Objects::nonNull).toList());
                }
            });
        }
        return result;
    }

    private static Map<String, String> withoutNulls(Map<String, String> map) {
        Map<String, String> result = new HashMap<>();
        if (map != null) {
            map.forEach((k, v) -> {
                if (k != null && v != null) {
                    result.put(k, v);
                }
            });
        }
        return result;
    }

    private static Map<String, String> headers(APIGatewayProxyRequestEvent event) {
        Map<String, String> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (event.getMultiValueHeaders() != null) {
            event.getMultiValueHeaders().forEach((k, v) -> {
                if (k != null && v != null && !v.isEmpty()) {
                    result.put(k, v.get(v.size() - 1));
                }
            });
        }
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((k, v) -> {
                if (k != null && v != null) {
                    result.put(k, v);
                }
            });
        }
        return result;
    }

    private static Optional<String> callerArn(APIGatewayProxyRequestEvent event) {
        if (event.getRequestContext() == null || event.getRequestContext().getIdentity() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(event.getRequestContext().getIdentity().getUserArn())
                .filter(arn -> !arn.isBlank());
    }
}
