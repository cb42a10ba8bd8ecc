package dev.vastguard.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the endpoints see it.
 *
 * @param method the HTTP method, upper case
 * @param path the decoded path without the query
 * @param query the query parameters (first value of each)
 * @param authorization the {@code Authorization} header, or null
 * @param body the body, decoded as UTF-8
 */
record SandboxRequest(String method, String path, Map<String, String> query, String authorization, String body) {

    SandboxRequest {
        query = Map.copyOf(query);
    }

    /** Parses a raw query string; values are URL-decoded ({@code +} is a space). */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    /**
     * A query parameter as JSON: clients JSON-encode non-string values, and send strings raw, so text that is not
     * JSON becomes a JSON string.
     */
    Optional<JsonNode> jsonParam(String name) {
        String raw = query.get(name);
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        JsonNode parsed = Json.parseOrNull(raw);
        return Optional.of(parsed == null ? TextNode.valueOf(raw) : parsed);
    }
}
