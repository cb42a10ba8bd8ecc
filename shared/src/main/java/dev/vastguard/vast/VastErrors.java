package dev.vastguard.vast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vastguard.secrets.VastApiKey;
import java.util.Locale;
import java.util.Set;

/**
 * Turns Vast.ai error answers into exceptions. Vast.ai writes errors as {@code {success, error, msg}}, as
 * {@code {detail}} (rate limiting), or as plain text; it reports a refused key with {@code error: auth_error} at
 * 401, 403 and even 404, so the status alone does not say what went wrong.
 */
final class VastErrors {

    private static final int MAX_MESSAGE_CHARS = 300;
    private static final Set<String> NOT_FOUND_CODES = Set.of("not_found", "no_such_instance");

    private final ObjectMapper mapper;
    private final VastApiKey key;

    VastErrors(ObjectMapper mapper, VastApiKey key) {
        this.mapper = mapper;
        this.key = key;
    }

    /**
     * What an error body says.
     *
     * @param error the {@code error} code, or null
     * @param message {@code msg}, {@code message} or {@code detail}, or the plain text; null if none
     */
    record Details(String error, String message) {

        boolean isAuthFailure(int status) {
            if ("auth_error".equals(error)) {
                return true;
            }
            return (status == 401 || status == 404)
                    && message != null
                    && message.toLowerCase(Locale.ROOT).contains("invalid user key");
        }

        boolean isNotFound(int status) {
            return status == 404 && error != null && NOT_FOUND_CODES.contains(error);
        }
    }

    Details details(String body) {
        String text = body == null ? "" : body.strip();
        if (text.startsWith("{")) {
            try {
                return details(mapper.readTree(text));
            } catch (JsonProcessingException ignored) {
                // Not JSON after all: fall through and use the text as the message.
            }
        }
        return new Details(null, text.isEmpty() ? null : clean(text));
    }

    Details details(JsonNode root) {
        String error = textOrNull(root.get("error"));
        String message = textOrNull(root.get("msg"));
        if (message == null) {
            message = textOrNull(root.get("message"));
        }
        if (message == null) {
            message = textOrNull(root.get("detail"));
        }
        return new Details(error, message == null ? null : clean(message));
    }

    VastApiException toException(String operation, int status, Details details) {
        if (details.isAuthFailure(status)) {
            return new VastAuthException(operation, status);
        }
        StringBuilder message =
                new StringBuilder(operation).append(": Vast.ai answered HTTP ").append(status);
        if (details.error() != null) {
            message.append(" (").append(clean(details.error())).append(')');
        }
        if (details.message() != null) {
            message.append(": ").append(details.message());
        }
        return new VastApiException(message.toString(), status, details.error());
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    /** Keeps messages short and on one line, and makes sure the key never ends up in one. */
    private String clean(String text) {
        String oneLine = text.replaceAll("\\s+", " ").replace(key.value(), "[redacted]");
        return oneLine.length() <= MAX_MESSAGE_CHARS ? oneLine : oneLine.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
}
