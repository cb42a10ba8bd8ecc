package dev.vastguard.vast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vastguard.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Vast.ai's JSON into the client's records. Money is read from the JSON text as {@link BigDecimal}, never
 * through a double. Fields other than ids may be missing or null on Vast.ai's side and get neutral values.
 */
final class VastDecoder {

    private static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(720);
    private static final int WORKING_SCALE = 12;
    private static final String INSTANCE_CHARGE = "instance";
    private static final Pattern INSTANCE_SOURCE = Pattern.compile("instance-([0-9]{1,18})");

    private final ObjectMapper mapper;

    VastDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    JsonNode readObject(String operation, String body) {
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || !root.isObject()) {
                throw new VastClientException(
                        operation + ": Vast.ai answered with something other than a JSON object", null);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new VastClientException(operation + ": Vast.ai answered with a body that is not valid JSON", e);
        }
    }

    VastOffer offer(String operation, JsonNode node) {
        return new VastOffer(
                id(operation, node),
                text(node, "gpu_name").orElse(""),
                integer(node, "num_gpus"),
                money(node, "dph_total"),
                money(node, "storage_cost"),
                decimal(node, "reliability")
                        .or(() -> decimal(node, "reliability2"))
                        .orElse(BigDecimal.ZERO),
                text(node, "geolocation").orElse(""));
    }

    VastInstance instance(String operation, JsonNode node) {
        return new VastInstance(
                id(operation, node),
                text(node, "actual_status"),
                text(node, "intended_status"),
                text(node, "gpu_name").orElse(""),
                integer(node, "num_gpus"),
                money(node, "dph_total"),
                storageDph(node),
                text(node, "label"),
                decimal(node, "start_date").map(VastDecoder::epochSeconds));
    }

    /**
     * A row of the charges listing, or empty for a row that is not an instance's (volumes, serverless), which the
     * type filter should already have left out.
     *
     * @throws VastClientException if an instance's row cannot be attributed: no {@code instance-<id>} source, no
     *     start or no amount
     */
    Optional<VastCharge> charge(String operation, JsonNode node) {
        if (!text(node, "type").orElse(INSTANCE_CHARGE).equals(INSTANCE_CHARGE)) {
            return Optional.empty();
        }
        Matcher source = INSTANCE_SOURCE.matcher(text(node, "source").orElse(""));
        if (!source.matches()) {
            throw new VastClientException(operation + ": Vast.ai sent an instance charge without an instance id", null);
        }
        Instant start = decimal(node, "start")
                .map(VastDecoder::epochSeconds)
                .orElseThrow(
                        () -> new VastClientException(operation + ": Vast.ai sent a charge without a start", null));
        BigDecimal amount = decimal(node, "amount")
                .orElseThrow(
                        () -> new VastClientException(operation + ": Vast.ai sent a charge without an amount", null));
        List<VastCharge.Item> items = new ArrayList<>();
        JsonNode parts = node.path("items");
        if (parts.isArray()) {
            for (JsonNode part : parts) {
                items.add(new VastCharge.Item(text(part, "type").orElse(""), money(part, "amount")));
            }
        }
        return Optional.of(new VastCharge(
                Long.parseLong(source.group(1)),
                start,
                decimal(node, "end").map(VastDecoder::epochSeconds).orElse(start),
                Money.ofDollarsRounded(amount),
                items));
    }

    /** {@code storage_total_cost} is already per hour; {@code storage_cost} is per GB and month (720 hours). */
    private static Money storageDph(JsonNode node) {
        Optional<BigDecimal> total = decimal(node, "storage_total_cost");
        if (total.isPresent()) {
            return Money.ofDollarsRounded(total.get());
        }
        Optional<BigDecimal> diskGb = decimal(node, "disk_space");
        Optional<BigDecimal> perGbMonth = decimal(node, "storage_cost");
        if (diskGb.isEmpty() || perGbMonth.isEmpty()) {
            return Money.ZERO;
        }
        BigDecimal perHour =
                diskGb.get().multiply(perGbMonth.get()).divide(HOURS_PER_MONTH, WORKING_SCALE, RoundingMode.HALF_EVEN);
        return Money.ofDollarsRounded(perHour);
    }

    long id(String operation, JsonNode node) {
        JsonNode id = node.get("id");
        if (id != null && id.canConvertToExactIntegral() && id.canConvertToLong()) {
            return id.longValue();
        }
        if (id != null && id.isTextual() && id.asText().matches("[0-9]{1,18}")) {
            return Long.parseLong(id.asText());
        }
        throw new VastClientException(operation + ": Vast.ai sent an entry without a numeric id", null);
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return Optional.empty();
        }
        return Optional.of(value.asText()).filter(s -> !s.isBlank());
    }

    static int integer(JsonNode node, String field) {
        return decimal(node, field).map(BigDecimal::intValue).orElse(0);
    }

    static Money money(JsonNode node, String field) {
        return decimal(node, field).map(Money::ofDollarsRounded).orElse(Money.ZERO);
    }

    /** A number, also when Vast.ai writes it as a string. */
    static Optional<BigDecimal> decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        if (value.isTextual()) {
            try {
                return Optional.of(new BigDecimal(value.asText().strip()));
            } catch (NumberFormatException ignored) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Instant epochSeconds(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        int nanos = seconds.subtract(whole).movePointRight(9).intValue();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }
}
