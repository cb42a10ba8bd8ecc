package dev.vastguard.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The marketplace endpoints: search ({@code POST /api/v0/bundles/}), GPU names, and renting an offer. */
final class OfferEndpoints {

    private static final int DEFAULT_SEARCH_LIMIT = 64;
    private static final BigDecimal DEFAULT_ALLOCATED_STORAGE = BigDecimal.valueOf(8);
    /** Keys of the query object that are not filters; {@code rented} is a filter Vast.ai's backend ignores. */
    private static final Set<String> NOT_FILTERS =
            Set.of("order", "limit", "allocated_storage", "type", "disable_bundling", "rented");

    private static final Set<String> SEARCH_TYPES = Set.of("on-demand", "ondemand", "bid", "reserved", "interruptible");

    private final Marketplace market;

    OfferEndpoints(Marketplace market) {
        this.market = market;
    }

    SandboxResponse search(Call call) {
        ObjectNode query = Json.body(call.request().body());
        BigDecimal storage = positiveNumber(query, "allocated_storage", DEFAULT_ALLOCATED_STORAGE);
        int limit = positiveNumber(query, "limit", BigDecimal.valueOf(DEFAULT_SEARCH_LIMIT))
                .intValue();
        checkType(query.get("type"));
        List<RowOrder.Key> order = order(query.get("order"));
        Conditions filters = Conditions.parse(query, field -> !NOT_FILTERS.contains(field));

        List<ObjectNode> offers = market.offerRows(storage).stream()
                .filter(row -> filters.matches(row, OfferEndpoints::valuesOf))
                .sorted(RowOrder.of(order))
                .limit(limit)
                .toList();

        ObjectNode response = Json.object();
        response.putArray("offers").addAll(offers);
        return SandboxResponse.ok(response);
    }

    SandboxResponse gpuNames(Call call) {
        ObjectNode response = Json.object();
        ArrayNode names = response.putArray("gpu_names");
        market.gpuNames().forEach(names::add);
        return SandboxResponse.ok(response);
    }

    SandboxResponse create(Call call) {
        long offerId = call.pathId("ask id");
        RentRequest request =
                RentRequests.parse(offerId, Json.body(call.request().body()));

        Marketplace.Rented rented = market.rent(call.accountKey(), request);

        if (rented.refusal() != null) {
            throw refusal(offerId, rented.refusal());
        }
        ObjectNode response = Json.object()
                .put("success", true)
                .put("new_contract", rented.rental().id())
                .put("instance_api_key", market.newInstanceKey());
        return SandboxResponse.ok(response);
    }

    private static ApiError refusal(long offerId, Marketplace.Refusal refusal) {
        String gone = "error 404/3603: no_such_ask  Instance type by id " + offerId + " is not available.";
        ObjectNode body = switch (refusal) {
            case NO_SUCH_OFFER -> errorBody("invalid_args", gone);
            case NOT_RENTABLE -> errorBody("no_such_ask", gone);
            case DISK_TOO_LARGE -> errorBody("invalid_args", "error 400: disk is larger than the machine offers");
        };
        body.put("ask_id", offerId);
        int status = switch (refusal) {
            case NO_SUCH_OFFER -> 404;
            case NOT_RENTABLE -> 410;
            case DISK_TOO_LARGE -> 400;
        };
        return ApiError.withBody(status, body);
    }

    private static ObjectNode errorBody(String error, String msg) {
        return Json.object().put("success", false).put("error", error).put("msg", msg);
    }

    /** Geolocations match by their full text or by the trailing country code ({@code "Texas, US"} as {@code US}). */
    private static List<JsonNode> valuesOf(String field, ObjectNode row) {
        if (!row.has(field)) {
            return List.of();
        }
        JsonNode value = row.get(field);
        if (field.equals("geolocation")) {
            String text = value.asText();
            int comma = text.lastIndexOf(", ");
            if (comma >= 0) {
                return List.of(value, TextNode.valueOf(text.substring(comma + 2)));
            }
        }
        return List.of(value);
    }

    private static BigDecimal positiveNumber(ObjectNode query, String key, BigDecimal fallback) {
        JsonNode node = query.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        BigDecimal value = Json.decimal(node);
        if (value == null || value.signum() <= 0) {
            throw ApiError.invalidArgs(key + " must be a positive number");
        }
        return value;
    }

    private static void checkType(JsonNode type) {
        if (type != null && !type.isNull() && !SEARCH_TYPES.contains(type.asText())) {
            throw ApiError.invalidArgs("invalid type " + type.asText());
        }
    }

    /** Reads {@code [[field, "asc"|"desc"], ...]}; the default ranks by {@code score}, best first. */
    private static List<RowOrder.Key> order(JsonNode order) {
        if (order == null || order.isNull()) {
            return List.of(new RowOrder.Key("score", true));
        }
        if (!order.isArray()) {
            throw ApiError.invalidArgs("order must be a list of [field, direction]");
        }
        List<RowOrder.Key> keys = new ArrayList<>();
        for (JsonNode pair : order) {
            if (!pair.isArray() || pair.isEmpty() || !pair.get(0).isTextual()) {
                throw ApiError.invalidArgs("order must be a list of [field, direction]");
            }
            keys.add(new RowOrder.Key(
                    pair.get(0).asText(), RowOrder.descending(pair.path(1).asText("asc"))));
        }
        return keys;
    }
}
