package dev.vastguard.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Validates the body of {@code PUT /api/v0/asks/{id}/} with the limits reference section 2.2 lists. */
final class RentRequests {

    private static final int MIN_DISK_GB = 8;
    private static final int DEFAULT_DISK_GB = 10;
    private static final int MAX_IMAGE = 1024;
    private static final int MAX_LABEL = 256;
    private static final int MAX_ENV_ENTRY = 256;
    private static final int MAX_SCRIPT = 4096;
    private static final BigDecimal MIN_PRICE = new BigDecimal("0.001");
    private static final BigDecimal MAX_PRICE = BigDecimal.valueOf(128);

    private RentRequests() {}

    static RentRequest parse(long offerId, ObjectNode body) {
        JsonNode clientId = body.get("client_id");
        if (clientId != null && !clientId.isNull() && !clientId.asText().equals("me")) {
            throw ApiError.invalidArgs("client_id must be 'me'");
        }
        String image = text(body, "image");
        if (image == null || image.isBlank() || image.length() > MAX_IMAGE) {
            throw ApiError.invalidArgs("image is required and at most " + MAX_IMAGE + " characters");
        }
        String label = text(body, "label");
        if (label != null && label.length() > MAX_LABEL) {
            throw ApiError.invalidArgs("label is longer than " + MAX_LABEL + " characters");
        }
        String onstart = text(body, "onstart");
        if (onstart != null && onstart.length() > MAX_SCRIPT) {
            throw ApiError.invalidArgs("onstart is longer than " + MAX_SCRIPT + " characters");
        }
        return new RentRequest(
                offerId,
                image,
                disk(body.get("disk")),
                label == null || label.isEmpty() ? null : label,
                env(body.get("env")),
                text(body, "runtype"),
                onstart,
                price(body.get("price")));
    }

    private static int disk(JsonNode node) {
        if (node == null || node.isNull()) {
            return DEFAULT_DISK_GB;
        }
        BigDecimal disk = Json.decimal(node);
        if (disk == null || disk.compareTo(BigDecimal.valueOf(MIN_DISK_GB)) < 0) {
            throw ApiError.invalidArgs("disk must be at least " + MIN_DISK_GB + " GB");
        }
        return disk.setScale(0, RoundingMode.CEILING).intValueExact();
    }

    /** Clients send {@code env} as an object (reference section 2.2); a docker-flag string is refused. */
    private static ObjectNode env(JsonNode node) {
        if (node == null || node.isNull()) {
            return Json.object();
        }
        if (!(node instanceof ObjectNode env)) {
            throw ApiError.invalidArgs("env must be an object of variables");
        }
        for (Map.Entry<String, JsonNode> entry : env.properties()) {
            if (entry.getKey().length() + entry.getValue().asText().length() > MAX_ENV_ENTRY) {
                throw ApiError.invalidArgs("env entry " + entry.getKey() + " is too long");
            }
        }
        return env;
    }

    private static BigDecimal price(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        BigDecimal price = Json.decimal(node);
        if (price == null || price.compareTo(MIN_PRICE) < 0 || price.compareTo(MAX_PRICE) > 0) {
            throw ApiError.of(400, "invalid_price", "price must be between 0.001 and 128 $/hour");
        }
        return price;
    }

    private static String text(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
