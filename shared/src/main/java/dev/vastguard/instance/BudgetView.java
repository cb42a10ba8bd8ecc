package dev.vastguard.instance;

import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.TeamState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A team's budget as {@code GET /budget} shows it.
 *
 * @param team the team
 * @param budgetDay the current UTC day
 * @param dailyBudget the daily budget
 * @param spentToday spend accrued today
 * @param remainingToday what is left today, never below zero
 * @param state active or suspended (a suspension whose end has passed reads as active)
 * @param suspendedUntil while suspended, the start of the next budget period
 * @param maxInstances the instance limit
 * @param activeInstances instances that are not destroyed, plus open reservations
 * @param burnRate dollars per hour now: {@code dph_total} of running instances plus storage of the others
 * @param monthly the monthly figures, when the policy has a monthly budget
 */
public record BudgetView(
        TeamId team,
        LocalDate budgetDay,
        Money dailyBudget,
        Money spentToday,
        Money remainingToday,
        TeamState state,
        Optional<Instant> suspendedUntil,
        int maxInstances,
        int activeInstances,
        Money burnRate,
        Optional<Monthly> monthly) {

    /**
     * The monthly part of a budget.
     *
     * @param month the current UTC month
     * @param monthlyBudget the monthly budget
     * @param spentMonth spend accrued this month
     * @param remainingMonth what is left this month, never below zero
     * @param runsOutAt when the tighter budget runs out at the current burn rate, if it does
     */
    public record Monthly(
            YearMonth month,
            Money monthlyBudget,
            Money spentMonth,
            Money remainingMonth,
            Optional<Instant> runsOutAt) {}
}
