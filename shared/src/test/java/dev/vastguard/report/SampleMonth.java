package dev.vastguard.report;

import dev.vastguard.money.Money;
import dev.vastguard.report.ReportSummary.DayTotal;
import dev.vastguard.report.ReportSummary.GpuTotal;
import dev.vastguard.report.ReportSummary.Reconciled;
import dev.vastguard.report.ReportSummary.TeamTotal;
import dev.vastguard.report.ReportSummary.Watermark;
import dev.vastguard.team.TeamId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A realistic month of spend for looking at {@link SummaryPage}: six teams on five GPU models over November 2026,
 * quieter weekends, a day without spend, one team over its cap and three teams reconciled for the first 20 days.
 *
 * <p>Every figure is built from whole micro-dollars and summed exactly, so the summary is as consistent as one the
 * report writes: team costs add up to the month, per GPU and per day.
 */
final class SampleMonth {

    static final YearMonth MONTH = YearMonth.of(2026, 11);

    /** The day every team was idle, to show that days without spend still get a column. */
    static final int IDLE_DAY = 26;

    /** The team that spends past its cap. */
    static final String OVER_CAP = "ml-research";

    private static final int RECONCILED_DAYS = 20;

    /** Hourly rates, to turn cost back into billed seconds. */
    private static final Map<String, Long> RATES = Map.of(
            "A100 SXM4 80GB", 1_300_000L,
            "H100 SXM5", 2_400_000L,
            "L40S", 850_000L,
            "RTX 4090", 400_000L,
            "RTX A6000", 550_000L);

    private record Plan(
            String team,
            long dailyBudget,
            Optional<Long> monthlyBudget,
            long typicalDay,
            int firstDay,
            List<String> gpus,
            Optional<Long> reconcileDifference) {}

    private static final List<Plan> PLANS = List.of(
            new Plan(
                    "data-science",
                    400,
                    Optional.of(9_000L),
                    300_123_457,
                    1,
                    List.of("A100 SXM4 80GB", "RTX 4090"),
                    Optional.of(1_234_567L)),
            new Plan(
                    "ml-research",
                    900,
                    Optional.of(18_000L),
                    950_456_789,
                    1,
                    List.of("H100 SXM5", "A100 SXM4 80GB"),
                    Optional.of(-420_000L)),
            new Plan("platform", 120, Optional.empty(), 61_750_001, 1, List.of("RTX 4090"), Optional.of(0L)),
            new Plan(
                    "recommendations",
                    500,
                    Optional.of(10_000L),
                    380_987_654,
                    1,
                    List.of("L40S", "A100 SXM4 80GB"),
                    Optional.empty()),
            new Plan(
                    "search-ranking",
                    250,
                    Optional.of(6_000L),
                    200_555_555,
                    3,
                    List.of("RTX A6000", "L40S"),
                    Optional.empty()),
            new Plan(
                    "vision-lab",
                    300,
                    Optional.of(5_000L),
                    220_000_003,
                    8,
                    List.of("RTX 4090", "H100 SXM5"),
                    Optional.empty()));

    private SampleMonth() {}

    /**
     * The sample month.
     *
     * @return November 2026 for six teams
     */
    static ReportSummary november() {
        int days = MONTH.lengthOfMonth();
        long[] perDay = new long[days];
        Map<String, long[]> perGpu = new TreeMap<>(); // cost, seconds
        List<TeamTotal> teams = new ArrayList<>();
        Money reconciledCharged = Money.ZERO;
        Money reconciledDifference = Money.ZERO;
        int reconciledTeamDays = 0;
        for (int t = 0; t < PLANS.size(); t++) {
            Plan plan = PLANS.get(t);
            long cost = 0;
            long seconds = 0;
            long peak = 0;
            long firstDays = 0;
            int daysOver = 0;
            for (int day = 1; day <= days; day++) {
                long spend = spend(plan, t, day);
                perDay[day - 1] += spend;
                cost += spend;
                peak = Math.max(peak, spend);
                if (spend >= plan.dailyBudget() * 1_000_000) {
                    daysOver++;
                }
                if (day <= RECONCILED_DAYS) {
                    firstDays += spend;
                }
                // The first GPU carries 60% of the team's day, the second the rest, to the micro-dollar.
                long first = plan.gpus().size() == 1 ? spend : spend * 60 / 100;
                for (int g = 0; g < plan.gpus().size(); g++) {
                    String gpu = plan.gpus().get(g);
                    long share = g == 0 ? first : spend - first;
                    long billed = share * 3600 / RATES.get(gpu);
                    long[] totals = perGpu.computeIfAbsent(gpu, name -> new long[2]);
                    totals[0] += share;
                    totals[1] += billed;
                    seconds += billed;
                }
            }
            Money daily = Money.ofMicros(plan.dailyBudget() * 1_000_000);
            Optional<Money> monthly = plan.monthlyBudget().map(dollars -> Money.ofMicros(dollars * 1_000_000));
            Money dailyTimesDays = daily.times(days);
            Money cap = monthly.filter(budget -> budget.compareTo(dailyTimesDays) < 0)
                    .orElse(dailyTimesDays);
            Money ledgerOnReconciledDays = Money.ofMicros(firstDays);
            Optional<Reconciled> reconciled = plan.reconcileDifference()
                    .map(Money::ofMicros)
                    .map(difference ->
                            new Reconciled(ledgerOnReconciledDays.plus(difference), difference, RECONCILED_DAYS));
            if (reconciled.isPresent()) {
                reconciledCharged = reconciledCharged.plus(reconciled.get().charged());
                reconciledDifference =
                        reconciledDifference.plus(reconciled.get().difference());
                reconciledTeamDays += RECONCILED_DAYS;
            }
            teams.add(new TeamTotal(
                    TeamId.of(plan.team()),
                    Money.ofMicros(cost),
                    seconds,
                    monthly,
                    daily,
                    cap,
                    Money.ofMicros(peak),
                    daysOver,
                    reconciled));
        }
        List<GpuTotal> gpus = new ArrayList<>();
        perGpu.forEach((name, totals) -> gpus.add(new GpuTotal(name, Money.ofMicros(totals[0]), totals[1])));
        List<DayTotal> dayTotals = new ArrayList<>();
        Money month = Money.ZERO;
        for (int day = 1; day <= days; day++) {
            dayTotals.add(new DayTotal(MONTH.atDay(day), Money.ofMicros(perDay[day - 1])));
            month = month.plus(Money.ofMicros(perDay[day - 1]));
        }
        return new ReportSummary(
                MONTH,
                month,
                Optional.of(new Reconciled(reconciledCharged, reconciledDifference, reconciledTeamDays)),
                teams,
                gpus,
                dayTotals,
                new Watermark(18_432, Optional.of(Instant.parse("2026-12-01T00:00:00Z"))));
    }

    /**
     * One team's spend on one day: its typical day varied by a fixed pattern, a third of it at weekends, nothing
     * before its first day or on the idle day.
     */
    private static long spend(Plan plan, int team, int day) {
        if (day < plan.firstDay() || day == IDLE_DAY) {
            return 0;
        }
        // A fixed scramble of team and day gives 60% to 135% of the typical day, the same on every run.
        long scramble = ((team * 37L + day * 17L) * 2_654_435_761L) >>> 7;
        long percent = 60 + scramble % 76;
        if (MONTH.atDay(day).getDayOfWeek().compareTo(DayOfWeek.SATURDAY) >= 0) {
            percent /= 3;
        }
        return plan.typicalDay() * percent / 100;
    }
}
