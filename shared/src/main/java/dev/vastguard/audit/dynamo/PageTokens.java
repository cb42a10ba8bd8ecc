package dev.vastguard.audit.dynamo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns DynamoDB's {@code LastEvaluatedKey} into an opaque page token and back: URL-safe base64 of the key's
 * string attributes as a JSON object.
 */
final class PageTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private PageTokens() {}

    static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        Map<String, String> strings = new TreeMap<>();
        lastEvaluatedKey.forEach((name, value) -> strings.put(name, value.s()));
        try {
            byte[] json = JSON.writeValueAsBytes(strings);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write an audit page token", e);
        }
    }

    /**
     * Reads a token back into an exclusive start key, accepting only the key a query with these fixed key values
     * would have issued.
     *
     * @param token the token
     * @param fixed the attributes whose values the query fixes (the partition keys), by name
     * @param free the one attribute the token may choose (the sort key)
     * @throws IllegalArgumentException if the token is not such a key
     */
    static Map<String, AttributeValue> decode(String token, Map<String, String> fixed, String free) {
        Map<String, String> strings;
        try {
            strings = JSON.readValue(
                    new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8), STRING_MAP);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new IllegalArgumentException("invalid page token", e);
        }
        if (strings == null
                || strings.size() != fixed.size() + 1
                || strings.get(free) == null
                || !fixed.entrySet().stream().allMatch(e -> e.getValue().equals(strings.get(e.getKey())))) {
            throw new IllegalArgumentException("invalid page token");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        strings.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
        return key;
    }
}
