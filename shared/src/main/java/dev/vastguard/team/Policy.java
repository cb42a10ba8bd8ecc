package dev.vastguard.team;

import dev.vastguard.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A team's spending and access policy.
 *
 * @param gpuWhitelist marketplace names or families the team may rent; never empty
 * @param maxInstances how many instances that are not destroyed the team may hold at once; at least 0
 * @param dailyBudget what the team may spend per UTC day; at least 0
 * @param maxDph the highest {@code dph_total} (dollars per hour) of one instance; above 0
 * @param minReliability the lowest offer reliability accepted, 0 to 1
 * @param vastSecretId the Secrets Manager secret that holds the team's Vast.ai API key (a name, never the key)
 * @param onBudgetExceeded what happens to running instances when the budget runs out
 * @param monthlyBudget what the team may spend per UTC calendar month, if limited
 * @param alertThresholds fractions of each budget at which to notify, ascending
 * @param destroyStoppedAfterHours hours after a suspension at which still-stopped instances are destroyed, if ever
 * @param maxLoadingMinutes minutes an instance may take to reach {@code running} before it is destroyed
 */
public record Policy(
        List<GpuName> gpuWhitelist,
        int maxInstances,
        Money dailyBudget,
        Money maxDph,
        BigDecimal minReliability,
        String vastSecretId,
        BreachAction onBudgetExceeded,
        Optional<Money> monthlyBudget,
        List<BigDecimal> alertThresholds,
        Optional<BigDecimal> destroyStoppedAfterHours,
        int maxLoadingMinutes) {

    /** The reliability used when a policy does not name one. */
    public static final BigDecimal DEFAULT_MIN_RELIABILITY = new BigDecimal("0.95");

    /** The thresholds used when a policy does not name them. */
    public static final List<BigDecimal> DEFAULT_ALERT_THRESHOLDS =
            List.of(new BigDecimal("0.5"), new BigDecimal("0.8"), new BigDecimal("1.0"));

    /** The loading time allowed when a policy does not name one. */
    public static final int DEFAULT_MAX_LOADING_MINUTES = 30;

    /**
     * Validates the policy and copies its lists.
     *
     * @throws IllegalArgumentException if a field is out of range
     */
    public Policy {
        gpuWhitelist = List.copyOf(gpuWhitelist);
        alertThresholds = List.copyOf(alertThresholds);
        require(maxInstances >= 0, "max_instances must be at least 0");
        require(!dailyBudget.isNegative(), "daily_budget must be at least 0");
        require(maxDph.micros() > 0, "max_dph must be above 0");
        require(
                minReliability.signum() >= 0 && minReliability.compareTo(BigDecimal.ONE) <= 0,
                "min_reliability must be between 0 and 1");
        require(vastSecretId != null && !vastSecretId.isBlank(), "vast_secret_id must not be blank");
        require(monthlyBudget.map(m -> !m.isNegative()).orElse(true), "monthly_budget must be at least 0");
        require(
                alertThresholds.stream().allMatch(t -> t.signum() > 0 && t.compareTo(BigDecimal.ONE) <= 0),
                "alert_thresholds must be fractions above 0 and at most 1");
        require(
                destroyStoppedAfterHours.map(h -> h.signum() >= 0).orElse(true),
                "destroy_stopped_after_hours must be at least 0");
        require(maxLoadingMinutes > 0, "max_loading_minutes must be above 0");
    }

    /**
     * Whether the policy allows a marketplace GPU name.
     *
     * @param marketplaceName the {@code gpu_name} of an offer or instance
     * @return true if some whitelist entry covers it
     */
    public boolean allows(String marketplaceName) {
        return gpuWhitelist.stream().anyMatch(entry -> entry.covers(marketplaceName));
    }

    /**
     * Whether a requested name can lead to an allowed GPU: it lies inside a whitelist entry ({@code A100 SXM4}
     * under {@code A100}) or a whitelist entry lies inside it ({@code A100} when only {@code A100 SXM4} is
     * allowed). Offers must then satisfy both the request and {@link #allows(String)}.
     *
     * @param requested the normalised requested name
     * @return true if the request and the whitelist overlap
     */
    public boolean allowsRequest(GpuName requested) {
        return gpuWhitelist.stream()
                .anyMatch(entry -> entry.covers(requested.value()) || requested.covers(entry.value()));
    }

    /**
     * Whether spend has reached a budget: at or above it, except that a zero budget is reached by any spend and
     * not by none (a team with no budget is blocked once it costs anything).
     *
     * @param spent what was spent in the period
     * @param budget the period's budget
     * @return true if launches must be blocked
     */
    public static boolean reached(Money spent, Money budget) {
        return spent.compareTo(budget) >= 0 && (budget.micros() > 0 || spent.micros() > 0);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
