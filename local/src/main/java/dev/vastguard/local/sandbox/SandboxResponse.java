package dev.vastguard.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An HTTP answer of the sandbox.
 *
 * @param status the status code
 * @param contentType the exact Content-Type header
 * @param body the body text, sent as UTF-8
 */
record SandboxResponse(int status, String contentType, String body) {

    /** Vast.ai's clients check this header for exactly this value (no charset). */
    static final String JSON = "application/json";

    static SandboxResponse json(int status, JsonNode body) {
        return new SandboxResponse(status, JSON, Json.text(body));
    }

    static SandboxResponse ok(JsonNode body) {
        return json(200, body);
    }

    static SandboxResponse text(int status, String body) {
        return new SandboxResponse(status, "text/plain", body);
    }

    static SandboxResponse html(int status, String body) {
        return new SandboxResponse(status, "text/html", body);
    }
}
