package dev.vastguard.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vastguard.money.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Strict JSON reading and plain JSON writing for the API. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    /**
     * Parses a body that must be one JSON object.
     *
     * @param body the body text
     * @return the object
     * @throws ApiException 400 if the body is missing, not JSON, has duplicate keys or trailing text, or is not an
     *     object
     */
    static ObjectNode object(Optional<String> body) {
        if (body.isEmpty() || body.get().isBlank()) {
            throw ApiException.invalid("the request needs a JSON object body");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body.get());
        } catch (JacksonException e) {
            throw ApiException.invalid("the body is not valid JSON: " + reason(e));
        }
        if (node == null || !node.isObject()) {
            throw ApiException.invalid("the body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /**
     * What a parser error says, for a caller: the parser's own sentence and where, without the names of the
     * parser's classes and settings that it likes to add.
     *
     * @param e the error
     * @return for example {@code Duplicate field 'gpu_name' at line 1, column 33}
     */
    static String reason(JacksonException e) {
        String message = Objects.requireNonNullElse(e.getOriginalMessage(), "malformed JSON");
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        message = message.replaceAll("\\s*\\([^()]*`[^`]*`[^()]*\\)", "")
                .replaceAll("\\s*\\((?:not recognized|start marker)[^)]*\\)+", "")
                .replaceAll("\\s*\\[Source:[^\\]]*\\]", "")
                .replaceAll(":?\\s*not allowed as per `[^`]*`", "")
                .replaceAll(":?\\s*enable\\s+`[^`]*`\\s+to allow", "")
                .replaceAll("`[^`]*`", "")
                .replaceAll("Feature '[^']*'", "")
                .trim();
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0
                ? message
                : message + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /**
     * A new empty object for building a response.
     *
     * @return the object
     */
    static ObjectNode newObject() {
        return NODES.objectNode();
    }

    /**
     * A new empty array for building a response.
     *
     * @return the array
     */
    static ArrayNode newArray() {
        return NODES.arrayNode();
    }

    /**
     * Writes a tree as compact JSON text.
     *
     * @param node the tree
     * @return the text
     */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * Puts an amount as a plain JSON number of dollars without needless trailing zeros ({@code 30}, {@code 0.3}).
     *
     * @param target the object
     * @param field the field name
     * @param amount the amount, or empty for null
     */
    static void putMoney(ObjectNode target, String field, Optional<Money> amount) {
        if (amount.isPresent()) {
            target.put(field, amount.get().toDollars().stripTrailingZeros());
        } else {
            target.putNull(field);
        }
    }

    /**
     * Puts an instant as an ISO-8601 UTC string.
     *
     * @param target the object
     * @param field the field name
     * @param time the instant, or empty for null
     */
    static void putTime(ObjectNode target, String field, Optional<Instant> time) {
        if (time.isPresent()) {
            target.put(field, DateTimeFormatter.ISO_INSTANT.format(time.get()));
        } else {
            target.putNull(field);
        }
    }

    /**
     * The SHA-256 of a tree written with every object's keys sorted, so that key order does not change the hash.
     *
     * @param node the tree
     * @return the hash as lower-case hex
     */
    static String canonicalHash(JsonNode node) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(write(sorted(node)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            Iterator<String> it = node.fieldNames();
            it.forEachRemaining(names::add);
            names.sort(null);
            ObjectNode copy = NODES.objectNode();
            names.forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
