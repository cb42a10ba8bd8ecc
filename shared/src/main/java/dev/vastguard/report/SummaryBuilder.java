package dev.vastguard.report;

import dev.vastguard.ledger.LedgerLine;
import dev.vastguard.money.Money;
import dev.vastguard.team.Policy;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Adds up a month's chargeback rows, in any order, into the {@link ReportSummary}. It holds a few numbers per team,
 * GPU model and day, never the rows.
 */
final class SummaryBuilder {

    private final YearMonth month;
    private final Map<TeamId, TeamSums> teams = new TreeMap<>();
    private final Map<String, GpuSums> gpus = new TreeMap<>();
    private final long[] dayMicros;
    private long lines;
    private Optional<Instant> accruedThrough = Optional.empty();

    /**
     * Starts the sums of a month.
     *
     * @param month the month
     * @param teams every team, each listed in the summary even if it spent nothing
     */
    SummaryBuilder(YearMonth month, List<Team> teams) {
        this.month = month;
        this.dayMicros = new long[month.lengthOfMonth()];
        teams.forEach(team -> this.teams.put(team.id(), new TeamSums(team.policy(), month.lengthOfMonth())));
    }

    /**
     * Counts a ledger line towards the watermark.
     *
     * @param line the line
     */
    void countLine(LedgerLine line) {
        lines++;
        line.accruedTo().ifPresent(to -> {
            if (accruedThrough.isEmpty() || to.isAfter(accruedThrough.get())) {
                accruedThrough = Optional.of(to);
            }
        });
    }

    /**
     * Adds a row.
     *
     * @param row the row
     */
    void add(ChargebackRow row) {
        long micros = row.cost().micros();
        int day = row.day().getDayOfMonth() - 1;
        dayMicros[day] = Math.addExact(dayMicros[day], micros);
        TeamSums team = teams.get(row.team());
        team.cost = Math.addExact(team.cost, micros);
        team.gpuSeconds += row.gpuSeconds();
        team.dayMicros[day] = Math.addExact(team.dayMicros[day], micros);
        row.vastCharged().ifPresent(charged -> {
            team.charged = Math.addExact(team.charged, charged.micros());
            team.difference = Math.addExact(team.difference, charged.micros() - micros);
            team.reconciled = true;
        });
        if (!row.untracked()) {
            GpuSums gpu = gpus.computeIfAbsent(row.gpuName(), name -> new GpuSums());
            gpu.cost = Math.addExact(gpu.cost, micros);
            gpu.gpuSeconds += row.gpuSeconds();
        }
    }

    /**
     * Records how many days of a team were compared with Vast.ai's charges.
     *
     * @param team the team
     * @param days the number of reconciled days
     */
    void reconciledDays(TeamId team, int days) {
        teams.get(team).reconciledDays = days;
    }

    /**
     * The summary of everything added.
     *
     * @return the summary
     */
    ReportSummary build() {
        List<ReportSummary.TeamTotal> teamTotals = new ArrayList<>();
        long cost = 0;
        long charged = 0;
        long difference = 0;
        int reconciledDays = 0;
        boolean anyReconciled = false;
        for (Map.Entry<TeamId, TeamSums> entry : teams.entrySet()) {
            TeamSums sums = entry.getValue();
            teamTotals.add(sums.total(entry.getKey(), month));
            cost += sums.cost;
            if (sums.reconciled || sums.reconciledDays > 0) {
                anyReconciled = true;
                charged += sums.charged;
                difference += sums.difference;
                reconciledDays += sums.reconciledDays;
            }
        }
        List<ReportSummary.GpuTotal> gpuTotals = new ArrayList<>();
        gpus.forEach((name, sums) ->
                gpuTotals.add(new ReportSummary.GpuTotal(name, Money.ofMicros(sums.cost), sums.gpuSeconds)));
        List<ReportSummary.DayTotal> days = new ArrayList<>();
        for (int day = 0; day < dayMicros.length; day++) {
            days.add(new ReportSummary.DayTotal(month.atDay(day + 1), Money.ofMicros(dayMicros[day])));
        }
        return new ReportSummary(
                month,
                Money.ofMicros(cost),
                anyReconciled
                        ? Optional.of(new ReportSummary.Reconciled(
                                Money.ofMicros(charged), Money.ofMicros(difference), reconciledDays))
                        : Optional.empty(),
                teamTotals,
                gpuTotals,
                days,
                new ReportSummary.Watermark(lines, accruedThrough));
    }

    /** One team's running sums. */
    private static final class TeamSums {
        private final Policy policy;
        private final long[] dayMicros;
        private long cost;
        private long gpuSeconds;
        private long charged;
        private long difference;
        private boolean reconciled;
        private int reconciledDays;

        TeamSums(Policy policy, int days) {
            this.policy = policy;
            this.dayMicros = new long[days];
        }

        ReportSummary.TeamTotal total(TeamId team, YearMonth month) {
            Money daily = policy.dailyBudget();
            Money cap = daily.times(month.lengthOfMonth());
            if (policy.monthlyBudget().isPresent()
                    && policy.monthlyBudget().get().compareTo(cap) < 0) {
                cap = policy.monthlyBudget().get();
            }
            long peak = 0;
            int over = 0;
            for (long micros : dayMicros) {
                peak = Math.max(peak, micros);
                if (Policy.reached(Money.ofMicros(micros), daily)) {
                    over++;
                }
            }
            return new ReportSummary.TeamTotal(
                    team,
                    Money.ofMicros(cost),
                    gpuSeconds,
                    policy.monthlyBudget(),
                    daily,
                    cap,
                    Money.ofMicros(peak),
                    over,
                    reconciled || reconciledDays > 0
                            ? Optional.of(new ReportSummary.Reconciled(
                                    Money.ofMicros(charged), Money.ofMicros(difference), reconciledDays))
                            : Optional.empty());
        }
    }

    /** One GPU model's running sums. */
    private static final class GpuSums {
        private long cost;
        private long gpuSeconds;
    }
}
