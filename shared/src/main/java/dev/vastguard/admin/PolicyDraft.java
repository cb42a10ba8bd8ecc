package dev.vastguard.admin;

import dev.vastguard.money.Money;
import dev.vastguard.team.BreachAction;
import dev.vastguard.team.GpuName;
import dev.vastguard.team.Policy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A policy as an admin sends it: every field of a {@link Policy}, but the secret id may be left out when the team
 * already exists, to keep the current one.
 *
 * @param gpuWhitelist marketplace names or families
 * @param maxInstances the instance limit
 * @param dailyBudget the daily budget
 * @param maxDph the price cap for one instance
 * @param minReliability the lowest offer reliability accepted
 * @param vastSecretId the secret holding the team's Vast.ai key, or empty to keep the current one
 * @param onBudgetExceeded what happens to running instances when the budget runs out
 * @param monthlyBudget the monthly budget, if any
 * @param alertThresholds fractions of each budget at which to notify
 * @param destroyStoppedAfterHours hours after a suspension at which stopped instances are destroyed, if ever
 * @param maxLoadingMinutes minutes an instance may take to reach {@code running}
 */
public record PolicyDraft(
        List<GpuName> gpuWhitelist,
        int maxInstances,
        Money dailyBudget,
        Money maxDph,
        BigDecimal minReliability,
        Optional<String> vastSecretId,
        BreachAction onBudgetExceeded,
        Optional<Money> monthlyBudget,
        List<BigDecimal> alertThresholds,
        Optional<BigDecimal> destroyStoppedAfterHours,
        int maxLoadingMinutes) {

    /** Copies the lists. */
    public PolicyDraft {
        gpuWhitelist = List.copyOf(gpuWhitelist);
        alertThresholds = List.copyOf(alertThresholds);
    }

    /**
     * The policy this draft makes with a secret id.
     *
     * @param secretId the secret id to use
     * @return the policy
     * @throws IllegalArgumentException if a field is out of range
     */
    public Policy withSecret(String secretId) {
        return new Policy(
                gpuWhitelist,
                maxInstances,
                dailyBudget,
                maxDph,
                minReliability,
                secretId,
                onBudgetExceeded,
                monthlyBudget,
                alertThresholds,
                destroyStoppedAfterHours,
                maxLoadingMinutes);
    }
}
