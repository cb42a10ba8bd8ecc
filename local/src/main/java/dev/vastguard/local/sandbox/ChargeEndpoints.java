package dev.vastguard.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v0/charges/}: per contract and UTC day, what the billing meter charged, in the shape of reference
 * section 2.8. Amounts are rounded to 3 decimals (half up) for display, as Vast.ai shows them; the row amount rounds
 * the exact day total, not the sum of rounded items.
 */
final class ChargeEndpoints {

    private static final String LISTING = "charges";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 500;
    private static final long SECONDS_PER_DAY = 86_400;
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final Marketplace market;

    ChargeEndpoints(Marketplace market) {
        this.market = market;
    }

    /** One result row before paging. */
    private record Row(long dayStart, long instanceId, ObjectNode json) {}

    SandboxResponse charges(Call call) {
        SandboxRequest request = call.request();
        ObjectNode filters = filters(request.jsonParam("select_filters"));
        long from = bound(filters, "gte");
        long to = bound(filters, "lte");
        int limit = limit(request.jsonParam("limit"));
        int offset = PageToken.decode(LISTING, request.jsonParam("after_token"));
        boolean latestFirst =
                request.jsonParam("latest_first").map(JsonNode::asBoolean).orElse(false);

        List<Row> rows = includesInstances(filters) ? rows(call.accountKey(), from, to) : List.of();
        Comparator<Row> order = Comparator.comparingLong(Row::dayStart).thenComparingLong(Row::instanceId);
        List<Row> sorted =
                rows.stream().sorted(latestFirst ? order.reversed() : order).toList();
        List<Row> page = sorted.subList(Math.min(offset, sorted.size()), Math.min(offset + limit, sorted.size()));

        ObjectNode response = Json.object()
                .put("success", true)
                .put("count", page.size())
                .put("total", sorted.size())
                .put("next_token", offset + limit < sorted.size() ? PageToken.encode(LISTING, offset + limit) : null);
        response.putArray("results").addAll(page.stream().map(Row::json).toList());
        return SandboxResponse.ok(response);
    }

    private List<Row> rows(String key, long from, long to) {
        List<Row> rows = new ArrayList<>();
        for (Marketplace.Usage usage : market.usage(key)) {
            for (Map.Entry<LocalDate, Billing.DayUsage> day : usage.days().entrySet()) {
                long dayStart = day.getKey().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
                boolean overlaps = dayStart + SECONDS_PER_DAY > from && dayStart <= to;
                if (overlaps && day.getValue().storageSeconds() > 0) {
                    rows.add(new Row(dayStart, usage.rental().id(), row(usage.rental(), day.getValue())));
                }
            }
        }
        return rows;
    }

    private static ObjectNode row(Rental.Summary rental, Billing.DayUsage day) {
        Billing.Rates rates = rental.rates();
        ObjectNode row = Json.object()
                .put("start", Json.epoch(day.first()))
                .put("end", Json.epoch(day.end()))
                .put("type", "instance")
                .put("source", "instance-" + rental.id())
                .put("description", "Instance " + rental.id() + ": " + rental.numGpus() + "x " + rental.gpuName())
                .put("amount", display(day.cost(rates)));
        row.putObject("metadata")
                .putNull("template_id")
                .put("label", rental.label().orElse(null))
                .putNull("endpoint_id")
                .putNull("workergroup_id");
        var items = row.putArray("items");
        if (day.gpuSeconds() > 0) {
            items.add(item(day, "gpu", day.gpuSeconds(), rates.dphBase(), day.gpuCost(rates)));
        }
        items.add(item(day, "disk", day.storageSeconds(), rates.storagePerHour(), day.storageCost(rates)));
        return row;
    }

    private static ObjectNode item(Billing.DayUsage day, String type, long seconds, BigDecimal rate, BigDecimal cost) {
        BigDecimal hours = BigDecimal.valueOf(seconds).divide(SECONDS_PER_HOUR, 3, RoundingMode.HALF_UP);
        return Json.object()
                .put("type", type)
                .put("start", Json.epoch(day.first()))
                .put("end", Json.epoch(day.end()))
                .put("description", hours.toPlainString() + " hours at $" + rateText(rate) + "/hour")
                .put("amount", display(cost));
    }

    /** A rate with at least 3 decimals, and more when it has them ({@code 0.389}, {@code 0.001667}). */
    private static String rateText(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        return (stripped.scale() < 3 ? rate.setScale(3, RoundingMode.UNNECESSARY) : stripped).toPlainString();
    }

    private static BigDecimal display(BigDecimal amount) {
        return amount.setScale(3, RoundingMode.HALF_UP);
    }

    private static ObjectNode filters(Optional<JsonNode> filters) {
        if (filters.isPresent() && filters.get() instanceof ObjectNode object) {
            return object;
        }
        throw missingDayRange();
    }

    private static long bound(ObjectNode filters, String op) {
        BigDecimal value = Json.decimal(filters.path("day").get(op));
        if (value == null) {
            throw missingDayRange();
        }
        return value.longValue();
    }

    private static ApiError missingDayRange() {
        return ApiError.invalidArgs("Must provide both 'day' gte and lte filters");
    }

    /** An optional {@code "type": {"in": [...]}} filter; only instance charges exist in the sandbox. */
    private static boolean includesInstances(ObjectNode filters) {
        JsonNode types = filters.path("type").path("in");
        if (!types.isArray()) {
            return true;
        }
        for (JsonNode type : types) {
            if (type.asText().equals("instance")) {
                return true;
            }
        }
        return false;
    }

    private static int limit(Optional<JsonNode> limit) {
        if (limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        BigDecimal value = Json.decimal(limit.get());
        if (value == null || value.signum() <= 0) {
            throw ApiError.invalidArgs("limit must be a positive number");
        }
        return Math.min(value.intValue(), MAX_LIMIT);
    }
}
