package dev.vastguard.report;

import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * A month's chargeback in figures, as {@code summary.json} and {@code summary.html} show it. Every total is the exact
 * sum of the month's {@link ChargebackRow}s.
 *
 * @param month the UTC month
 * @param cost what every team's instances cost in the month
 * @param reconciled Vast.ai's charges on the reconciled days of every team, if any day was reconciled
 * @param teams one entry per team (teams that spent nothing included), ordered by team id
 * @param gpus one entry per GPU model with spend, ordered by name
 * @param days one entry per day of the month, ordered, zero on days without spend
 * @param watermark how far the ledger the report was built from reached
 */
public record ReportSummary(
        YearMonth month,
        Money cost,
        Optional<Reconciled> reconciled,
        List<TeamTotal> teams,
        List<GpuTotal> gpus,
        List<DayTotal> days,
        Watermark watermark) {

    /** Copies the lists. */
    public ReportSummary {
        teams = List.copyOf(teams);
        gpus = List.copyOf(gpus);
        days = List.copyOf(days);
    }

    /**
     * One team's month.
     *
     * @param team the team
     * @param cost what its instances cost in the month
     * @param gpuSeconds seconds billed at running rates, summed over its instances
     * @param monthlyBudget its monthly budget under its current policy, if it has one
     * @param dailyBudget its daily budget under its current policy
     * @param monthCap what it could spend in the month under its current policy: the lower of the monthly budget and
     *     the daily budget times the days of the month
     * @param peakDay its highest spend on one day of the month
     * @param daysOverDailyBudget days on which its spend reached its current daily budget
     * @param reconciled Vast.ai's charges on its reconciled days, if any day was reconciled
     */
    public record TeamTotal(
            TeamId team,
            Money cost,
            long gpuSeconds,
            Optional<Money> monthlyBudget,
            Money dailyBudget,
            Money monthCap,
            Money peakDay,
            int daysOverDailyBudget,
            Optional<Reconciled> reconciled) {}

    /**
     * What one GPU model cost in the month, over every team.
     *
     * @param gpuName the marketplace name, for example {@code RTX 4090}
     * @param cost the cost of instances with that GPU
     * @param gpuSeconds seconds billed at running rates (instance seconds, not multiplied by the GPU count)
     */
    public record GpuTotal(String gpuName, Money cost, long gpuSeconds) {}

    /**
     * What every team spent on one UTC day.
     *
     * @param day the day
     * @param cost the spend
     */
    public record DayTotal(LocalDate day, Money cost) {}

    /**
     * Vast.ai's charges on reconciled days beside the ledger.
     *
     * @param charged what Vast.ai charged on those days
     * @param difference {@code charged} minus what the ledger holds for those days
     * @param days how many team-days were reconciled
     */
    public record Reconciled(Money charged, Money difference, int days) {}

    /**
     * How far the ledger a report was built from reached, so that two reports of a month can be told apart.
     *
     * @param lines how many ledger lines the month held
     * @param accruedThrough the latest end of an accrual into the month's lines, if the lines record it
     */
    public record Watermark(long lines, Optional<Instant> accruedThrough) {}
}
