package dev.vastguard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vastguard.admin.PolicyDraft;
import dev.vastguard.team.BreachAction;
import dev.vastguard.team.GpuName;
import dev.vastguard.team.Policy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads the bare policy object of {@code PUT /teams/{team}} with the contract's fields, defaults and ranges. */
final class PolicyReader {

    private static final Set<String> FIELDS = Set.of(
            "gpu_whitelist",
            "max_instances",
            "daily_budget",
            "max_dph",
            "min_reliability",
            "vast_secret_id",
            "on_budget_exceeded",
            "monthly_budget",
            "alert_thresholds",
            "destroy_stopped_after_hours",
            "max_loading_minutes");

    private static final int MAX_GPUS = 64;
    private static final int MAX_THRESHOLDS = 10;
    private static final int MAX_DECIMALS = 6;
    private static final BigDecimal MAX_HOURS = new BigDecimal("100000");
    private static final Pattern SECRET_ID = Pattern.compile("^[A-Za-z0-9/_+=.@:-]{1,2048}$");

    private PolicyReader() {}

    /**
     * Reads a policy object.
     *
     * @param body the object
     * @return the draft
     * @throws ApiException 400 naming the first field that is unknown, missing or out of range
     */
    static PolicyDraft read(ObjectNode body) {
        Fields fields = Fields.of(body, FIELDS);
        return new PolicyDraft(
                gpus(fields),
                fields.requiredInteger("max_instances", 0, Integer.MAX_VALUE),
                fields.requiredMoney("daily_budget", true),
                fields.requiredMoney("max_dph", false),
                fraction(fields, "min_reliability", true).orElse(Policy.DEFAULT_MIN_RELIABILITY),
                secretId(fields),
                breachAction(fields),
                fields.money("monthly_budget", true),
                thresholds(fields),
                hours(fields),
                fields.integer("max_loading_minutes", 1, Integer.MAX_VALUE).orElse(Policy.DEFAULT_MAX_LOADING_MINUTES));
    }

    private static List<GpuName> gpus(Fields fields) {
        String rule = "a list of 1 to " + MAX_GPUS + " GPU names or families, for example [\"RTX_4090\", \"A100\"]";
        List<JsonNode> entries = fields.list("gpu_whitelist")
                .orElseThrow(() -> ApiException.invalid("'gpu_whitelist' is required: " + rule));
        if (entries.isEmpty() || entries.size() > MAX_GPUS) {
            throw ApiException.invalid("'gpu_whitelist' must be " + rule);
        }
        Set<GpuName> gpus = new LinkedHashSet<>();
        for (JsonNode entry : entries) {
            if (!entry.isTextual()) {
                throw ApiException.invalid("'gpu_whitelist' must be " + rule);
            }
            gpus.add(TeamEndpoints.gpuName("gpu_whitelist", entry.textValue()));
        }
        return List.copyOf(gpus);
    }

    private static Optional<String> secretId(Fields fields) {
        Optional<String> secret = fields.string("vast_secret_id");
        if (secret.isPresent() && !SECRET_ID.matcher(secret.get()).matches()) {
            throw ApiException.invalid("'vast_secret_id' must be a Secrets Manager secret name or ARN, for example"
                    + " vastguard/teams/ml-research/vast-api-key");
        }
        return secret;
    }

    private static BreachAction breachAction(Fields fields) {
        return fields.string("on_budget_exceeded")
                .map(value -> switch (value) {
                    case "stop" -> BreachAction.STOP;
                    case "destroy" -> BreachAction.DESTROY;
                    default -> throw ApiException.invalid("'on_budget_exceeded' must be \"stop\" or \"destroy\"");
                })
                .orElse(BreachAction.STOP);
    }

    private static List<BigDecimal> thresholds(Fields fields) {
        Optional<List<JsonNode>> entries = fields.list("alert_thresholds");
        if (entries.isEmpty()) {
            return Policy.DEFAULT_ALERT_THRESHOLDS;
        }
        String rule = "'alert_thresholds' must be a list of at most " + MAX_THRESHOLDS
                + " fractions above 0 and at most 1, for example [0.5, 0.8, 1.0]";
        if (entries.get().size() > MAX_THRESHOLDS) {
            throw ApiException.invalid(rule);
        }
        TreeSet<BigDecimal> thresholds = new TreeSet<>();
        for (JsonNode entry : entries.get()) {
            if (!entry.isNumber()) {
                throw ApiException.invalid(rule);
            }
            BigDecimal value = entry.decimalValue();
            if (!inRange(value, false) || value.stripTrailingZeros().scale() > MAX_DECIMALS) {
                throw ApiException.invalid(rule);
            }
            thresholds.add(value);
        }
        return new ArrayList<>(thresholds);
    }

    private static Optional<BigDecimal> fraction(Fields fields, String name, boolean allowZero) {
        return fields.number(name).map(value -> {
            if (!inRange(value, allowZero) || value.stripTrailingZeros().scale() > MAX_DECIMALS) {
                throw ApiException.invalid("'" + name + "' must be a number from 0 to 1 with at most 6 decimals");
            }
            return value;
        });
    }

    private static Optional<BigDecimal> hours(Fields fields) {
        return fields.number("destroy_stopped_after_hours").map(value -> {
            if (value.signum() < 0
                    || value.compareTo(MAX_HOURS) > 0
                    || value.stripTrailingZeros().scale() > MAX_DECIMALS) {
                throw ApiException.invalid("'destroy_stopped_after_hours' must be null or a number of hours from 0 to "
                        + MAX_HOURS + " with at most 6 decimals");
            }
            return value;
        });
    }

    private static boolean inRange(BigDecimal value, boolean allowZero) {
        int sign = value.signum();
        return (allowZero ? sign >= 0 : sign > 0) && value.compareTo(BigDecimal.ONE) <= 0;
    }
}
