package dev.vastguard.local.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error answer in Vast.ai's shape, thrown by endpoint code and written by the router. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ObjectNode body;

    private ApiError(int status, ObjectNode body) {
        super(body.path("msg").asText(), null, false, false);
        this.status = status;
        this.body = body;
    }

    /** The usual {@code {"success":false,"error":..,"msg":..}} body. */
    static ApiError of(int status, String error, String msg) {
        ObjectNode body =
                Json.object().put("success", false).put("error", error).put("msg", msg);
        return new ApiError(status, body);
    }

    static ApiError invalidArgs(String msg) {
        return of(400, "invalid_args", msg);
    }

    static ApiError invalidToken() {
        return of(400, "invalid_token", "Invalid after_token");
    }

    /** Vast.ai's malformed-body answer has no {@code success} field. */
    static ApiError invalidJsonBody() {
        return new ApiError(400, Json.object().put("error", "invalid_request").put("msg", "Invalid json body"));
    }

    static ApiError withBody(int status, ObjectNode body) {
        return new ApiError(status, body);
    }

    SandboxResponse response() {
        return SandboxResponse.json(status, body);
    }
}
