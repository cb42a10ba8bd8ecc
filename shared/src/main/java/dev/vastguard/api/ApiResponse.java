package dev.vastguard.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP response as the API answers it.
 *
 * @param status the HTTP status
 * @param headers the headers
 * @param body the body, empty for none
 */
public record ApiResponse(int status, Map<String, String> headers, String body) {

    /** The media type of successful JSON answers. */
    public static final String JSON = "application/json";

    /** The media type of error answers (RFC 9457). */
    public static final String PROBLEM_JSON = "application/problem+json";

    /** Copies the headers. */
    public ApiResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /**
     * A JSON answer.
     *
     * @param status the HTTP status
     * @param body the JSON text
     * @return the response
     */
    public static ApiResponse json(int status, String body) {
        return new ApiResponse(status, Map.of("Content-Type", JSON), body);
    }

    /**
     * An {@code application/problem+json} answer in the API's one format, for front doors that answer before a
     * handler does (the local runner's API Gateway stand-in).
     *
     * @param status the HTTP status
     * @param code the problem code, for example {@code not_found}
     * @param detail what the caller should change
     * @return the response
     */
    public static ApiResponse problem(int status, String code, String detail) {
        return Problems.of(status, code, detail);
    }

    /**
     * A 204 answer without a body.
     *
     * @return the response
     */
    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), "");
    }

    /**
     * A copy with one more header.
     *
     * @param name the header name
     * @param value its value
     * @return the response
     */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, copy, body);
    }

    /**
     * A header's value.
     *
     * @param name the exact header name
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /**
     * Encodes the response for API Gateway.
     *
     * @return the event
     */
    public APIGatewayProxyResponseEvent toEvent() {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(new HashMap<>(headers))
                .withBody(body.isEmpty() ? null : body)
                .withIsBase64Encoded(false);
    }
}
