package dev.vastguard.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The instance endpoints: the v1 listing, show one, stop/start/label, destroy, and the retired v0 listing. */
final class InstanceEndpoints {

    private static final String LISTING = "instances";
    private static final int MAX_PAGE = 25;
    private static final int NON_POSITIVE_LIMIT_PAGE = 5;
    private static final int MAX_LABEL = 1024;

    /** Columns stored on the contract; computed ones such as {@code dph_total} or {@code num_gpus} are refused. */
    private static final Set<String> STORED_COLUMNS = Set.of(
            "id",
            "actual_status",
            "intended_status",
            "cur_state",
            "next_state",
            "status_msg",
            "gpu_name",
            "verification",
            "label",
            "machine_id",
            "host_id",
            "bundle_id",
            "geolocation",
            "start_date",
            "end_date",
            "disk_space",
            "image_uuid",
            "is_bid");

    private final Marketplace market;

    InstanceEndpoints(Marketplace market) {
        this.market = market;
    }

    SandboxResponse list(Call call) {
        SandboxRequest request = call.request();
        int limit = pageSize(request.jsonParam("limit"));
        int offset = PageToken.decode(LISTING, request.jsonParam("after_token"));
        Conditions filters = selectFilters(request.jsonParam("select_filters"));
        List<RowOrder.Key> order = orderBy(request.jsonParam("order_by"));
        Optional<List<String>> columns = selectColumns(request.jsonParam("select_cols"));

        List<ObjectNode> matching = market.rows(call.accountKey()).stream()
                .filter(filters::matches)
                .sorted(RowOrder.of(order))
                .toList();
        List<ObjectNode> page =
                matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));

        ObjectNode response = Json.object()
                .put("success", true)
                .put("instances_found", page.size())
                .put("total_instances", matching.size());
        response.set("label_counts", labelCounts(matching));
        response.put("next_token", offset + limit < matching.size() ? PageToken.encode(LISTING, offset + limit) : null);
        response.putArray("instances")
                .addAll(page.stream().map(row -> project(row, columns)).toList());
        return SandboxResponse.ok(response);
    }

    SandboxResponse legacyList(Call call) {
        return ApiError.of(
                        410, "deprecated_endpoint", "/api/v0/instances/ is deprecated. Use /api/v1/instances/ instead.")
                .response();
    }

    SandboxResponse show(Call call) {
        long id = call.pathId("instance_id");
        ObjectNode response = Json.object();
        response.set("instances", market.row(call.accountKey(), id).orElse(null));
        return SandboxResponse.ok(response);
    }

    SandboxResponse manage(Call call) {
        long id = call.pathId("instance_id");
        ObjectNode body = Json.body(call.request().body());
        Optional<String> state = state(body);
        Optional<String> label = label(body);
        if (state.isEmpty() && label.isEmpty()) {
            throw ApiError.invalidArgs("nothing to change: send state or label");
        }

        boolean found = state.map(s ->
                        s.equals("stopped") ? market.stop(call.accountKey(), id) : market.start(call.accountKey(), id))
                .orElse(true);
        found = found && label.map(l -> market.label(call.accountKey(), id, l)).orElse(true);

        if (!found) {
            throw ApiError.of(404, "no_such_instance", "Instance " + id + " not found");
        }
        ObjectNode response = Json.object().put("success", true);
        label.ifPresent(l -> response.put("msg", "label for " + id + " set to '" + l + "'"));
        return SandboxResponse.ok(response);
    }

    SandboxResponse destroy(Call call) {
        long id = call.pathId("instance_id");
        if (!market.destroy(call.accountKey(), id)) {
            throw ApiError.of(404, "not_found", "Instance not found");
        }
        return SandboxResponse.ok(Json.object().put("success", true));
    }

    private static Optional<String> state(ObjectNode body) {
        JsonNode state = body.get("state");
        if (state == null || state.isNull()) {
            return Optional.empty();
        }
        if (!state.asText().equals("stopped") && !state.asText().equals("running")) {
            throw ApiError.invalidArgs("state must be 'stopped' or 'running'");
        }
        return Optional.of(state.asText());
    }

    private static Optional<String> label(ObjectNode body) {
        if (!body.has("label")) {
            return Optional.empty();
        }
        String label = body.get("label").isNull() ? "" : body.get("label").asText();
        if (label.length() > MAX_LABEL) {
            throw ApiError.of(400, "label_too_long", "label is longer than " + MAX_LABEL + " characters");
        }
        return Optional.of(label);
    }

    private static int pageSize(Optional<JsonNode> limit) {
        if (limit.isEmpty()) {
            return MAX_PAGE;
        }
        BigDecimal value = Json.decimal(limit.get());
        if (value == null) {
            throw ApiError.invalidArgs("limit must be a number");
        }
        int size = value.intValue();
        return size <= 0 ? NON_POSITIVE_LIMIT_PAGE : Math.min(size, MAX_PAGE);
    }

    private static Conditions selectFilters(Optional<JsonNode> filters) {
        if (filters.isEmpty()) {
            return Conditions.parse(Json.object(), field -> true);
        }
        if (!(filters.get() instanceof ObjectNode object)) {
            throw ApiError.invalidArgs("select_filters must be a JSON object");
        }
        object.fieldNames().forEachRemaining(InstanceEndpoints::requireStored);
        return Conditions.parse(object, field -> true);
    }

    private static void requireStored(String column) {
        if (!STORED_COLUMNS.contains(column)) {
            throw ApiError.invalidArgs(column + " is not a valid search key");
        }
    }

    /** Reads {@code [{"col":..,"dir":..}]} (or {@code [[col, dir]]}); default id ascending. */
    private static List<RowOrder.Key> orderBy(Optional<JsonNode> orderBy) {
        if (orderBy.isEmpty()) {
            return List.of();
        }
        if (!orderBy.get().isArray()) {
            throw ApiError.invalidArgs("order_by must be a list of {col, dir}");
        }
        List<RowOrder.Key> keys = new ArrayList<>();
        for (JsonNode item : orderBy.get()) {
            String col =
                    item.isArray() ? item.path(0).asText() : item.path("col").asText();
            String dir = item.isArray()
                    ? item.path(1).asText("asc")
                    : item.path("dir").asText("asc");
            if (!STORED_COLUMNS.contains(col)) {
                throw ApiError.invalidArgs(col + " is not a valid order key");
            }
            keys.add(new RowOrder.Key(col, RowOrder.descending(dir)));
        }
        return keys;
    }

    private static Optional<List<String>> selectColumns(Optional<JsonNode> columns) {
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        if (!columns.get().isArray()) {
            throw ApiError.invalidArgs("select_cols must be a list of column names");
        }
        List<String> names = new ArrayList<>();
        columns.get().forEach(name -> names.add(name.asText()));
        return names.contains("*") ? Optional.empty() : Optional.of(names);
    }

    /** Only the asked-for columns; unknown names come back as null, as on Vast.ai. */
    private static ObjectNode project(ObjectNode row, Optional<List<String>> columns) {
        if (columns.isEmpty()) {
            return row;
        }
        ObjectNode projected = Json.object();
        for (String column : columns.get()) {
            projected.set(column, row.get(column));
        }
        return projected;
    }

    /** Counts per label over the matching instances; unlabelled ones under {@code ""}. */
    private static ObjectNode labelCounts(List<ObjectNode> rows) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ObjectNode row : rows) {
            JsonNode label = row.path("label");
            counts.merge(label.isTextual() ? label.asText() : "", 1, Integer::sum);
        }
        ObjectNode node = Json.object();
        counts.forEach(node::put);
        return node;
    }
}
