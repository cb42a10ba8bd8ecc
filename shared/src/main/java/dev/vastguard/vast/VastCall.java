package dev.vastguard.vast;

import java.util.Optional;

/**
 * One request to Vast.ai, before the key and the standard headers are added.
 *
 * @param operation what the caller is doing, for log lines and exception messages (never the key)
 * @param method the HTTP method
 * @param path the path under the base URL, such as {@code /api/v0/bundles/}
 * @param query the encoded query string without {@code ?}, or empty
 * @param body the JSON body, if the method carries one
 */
record VastCall(String operation, String method, String path, String query, Optional<String> body) {

    static VastCall get(String operation, String path, String query) {
        return new VastCall(operation, "GET", path, query, Optional.empty());
    }

    static VastCall withBody(String operation, String method, String path, String body) {
        return new VastCall(operation, method, path, "", Optional.of(body));
    }
}
