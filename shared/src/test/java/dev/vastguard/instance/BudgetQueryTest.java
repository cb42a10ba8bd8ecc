package dev.vastguard.instance;

import static dev.vastguard.instance.InstanceTestKit.TEAM;
import static dev.vastguard.testing.Fixtures.aPolicy;
import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.money.Money;
import dev.vastguard.team.TeamState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class BudgetQueryTest {

    private InstanceTestKit kit =
            new InstanceTestKit(aPolicy().maxInstances(5).dailyBudget("10.00").build());

    private void reservePendingRental(String dph) {
        Instance pending = anInstance("team-a", 99)
                .dph(dph)
                .createdAt("2026-11-10T05:00:00Z")
                .build();
        kit.fakes.instances.reserve(
                InstanceTestKit.reservationFor(pending),
                kit.fakes.teams.find(TEAM).orElseThrow().version(),
                kit.fakes.instances.daySpend(TEAM, LocalDate.parse("2026-11-10")));
    }

    @Test
    void budget_mixedUsage_figuresAddUpToTheCent() {
        Instance running = kit.holding(anInstance("team-a", 1).dph("0.50").build());
        kit.accrued(running, "2026-11-10T05:00:00Z");
        kit.holding(anInstance("team-a", 2)
                .status(InstanceStatus.STOPPED)
                .storageDph("0.004")
                .build());
        kit.holding(anInstance("team-a", 3).status(InstanceStatus.DESTROYED).build());
        reservePendingRental("0.20");
        kit.at("2026-11-10T05:30:00Z");

        BudgetView view = kit.service().budget(TEAM);

        assertThat(view.team()).isEqualTo(TEAM);
        assertThat(view.budgetDay()).isEqualTo(LocalDate.parse("2026-11-10"));
        assertThat(view.dailyBudget()).isEqualTo(Money.ofDollars("10.00"));
        assertThat(view.spentToday()).isEqualTo(Money.ofDollars("2.50"));
        assertThat(view.remainingToday()).isEqualTo(Money.ofDollars("7.50"));
        assertThat(view.spentToday().plus(view.remainingToday())).isEqualTo(view.dailyBudget());
        assertThat(view.activeInstances()).isEqualTo(3);
        assertThat(view.maxInstances()).isEqualTo(5);
        assertThat(view.burnRate()).isEqualTo(Money.ofDollars("0.704"));
        assertThat(view.state()).isEqualTo(TeamState.ACTIVE);
        assertThat(view.suspendedUntil()).isEmpty();
        assertThat(view.monthly()).isEmpty();
    }

    @Test
    void budget_overspent_neverShowsLessThanZeroLeft() {
        kit = new InstanceTestKit(aPolicy().dailyBudget("1.00").build());
        Instance running = kit.holding(anInstance("team-a", 1).dph("0.50").build());
        kit.accrued(running, "2026-11-10T03:00:00Z");

        BudgetView view = kit.service().budget(TEAM);

        assertThat(view.spentToday()).isEqualTo(Money.ofDollars("1.50"));
        assertThat(view.remainingToday()).isEqualTo(Money.ZERO);
    }

    @Test
    void budget_suspended_showsWhenTheSuspensionEnds() {
        kit.fakes.teams.suspend(TEAM, Instant.parse("2026-11-10T00:00:00Z"), Instant.parse("2026-11-11T00:00:00Z"));

        BudgetView view = kit.service().budget(TEAM);

        assertThat(view.state()).isEqualTo(TeamState.SUSPENDED);
        assertThat(view.suspendedUntil()).contains(Instant.parse("2026-11-11T00:00:00Z"));
    }

    @Test
    void budget_suspensionOver_readsActive() {
        kit.fakes.teams.suspend(TEAM, Instant.parse("2026-11-10T00:00:00Z"), Instant.parse("2026-11-11T00:00:00Z"));
        kit.at("2026-11-11T00:00:00Z");

        BudgetView view = kit.service().budget(TEAM);

        assertThat(view.state()).isEqualTo(TeamState.ACTIVE);
        assertThat(view.suspendedUntil()).isEmpty();
    }

    @Test
    void budget_monthlyBudget_showsTheMonthAndWhenTheTighterBudgetRunsOut() {
        kit = new InstanceTestKit(
                aPolicy().dailyBudget("10.00").monthlyBudget("20.00").build());
        Instance running = kit.holding(anInstance("team-a", 1)
                .dph("0.10")
                .createdAt("2026-11-01T00:00:00Z")
                .build());
        kit.accrued(running, "2026-11-10T02:00:00Z");
        kit.at("2026-11-10T02:00:00Z");

        BudgetView view = kit.service().budget(TEAM);

        // 218 h at 0.10: 21.80 this month (0.20 of it today), so the month is the tighter budget and is spent
        BudgetView.Monthly monthly = view.monthly().orElseThrow();
        assertThat(monthly.month()).isEqualTo(YearMonth.parse("2026-11"));
        assertThat(monthly.monthlyBudget()).isEqualTo(Money.ofDollars("20.00"));
        assertThat(monthly.spentMonth()).isEqualTo(Money.ofDollars("21.80"));
        assertThat(monthly.remainingMonth()).isEqualTo(Money.ZERO);
        assertThat(monthly.runsOutAt()).contains(Instant.parse("2026-11-10T02:00:00Z"));
        assertThat(view.spentToday()).isEqualTo(Money.ofDollars("0.20"));
    }

    @Test
    void budget_monthlyBudgetWithRoomLeft_runsOutAtTheBurnRate() {
        kit = new InstanceTestKit(
                aPolicy().dailyBudget("10.00").monthlyBudget("100.00").build());
        Instance running = kit.holding(anInstance("team-a", 1).dph("0.50").build());
        kit.accrued(running, "2026-11-10T19:00:00Z");
        kit.at("2026-11-10T19:00:00Z");

        BudgetView view = kit.service().budget(TEAM);

        // 9.50 spent today, so the day (0.50 left) is tighter than the month: one more hour at 0.50
        assertThat(view.monthly().orElseThrow().remainingMonth()).isEqualTo(Money.ofDollars("90.50"));
        assertThat(view.monthly().orElseThrow().runsOutAt()).contains(Instant.parse("2026-11-10T20:00:00Z"));
    }

    @Test
    void budget_dayWouldRunOutOnlyAfterMidnight_runsOutWithTheMonthInstead() {
        kit = new InstanceTestKit(
                aPolicy().dailyBudget("10.00").monthlyBudget("100.00").build());
        Instance running = kit.holding(anInstance("team-a", 1).dph("0.20").build());
        kit.accrued(running, "2026-11-10T12:00:00Z");
        kit.at("2026-11-10T12:00:00Z");

        BudgetView view = kit.service().budget(TEAM);

        // 2.40 spent: the day's 7.60 would last 38 h, past midnight when the day starts afresh, so it is the month's
        // 97.60 that runs out, 488 h from now.
        assertThat(view.monthly().orElseThrow().runsOutAt()).contains(Instant.parse("2026-11-30T20:00:00Z"));
    }

    @Test
    void budget_dayRunsOutTomorrowBeforeTheMonth_runsOutTomorrow() {
        kit = new InstanceTestKit(
                aPolicy().dailyBudget("8.00").monthlyBudget("100.00").build());
        kit.holding(anInstance("team-a", 1)
                .dph("0.40")
                .createdAt("2026-11-10T14:00:00Z")
                .build());
        kit.at("2026-11-10T14:00:00Z");

        BudgetView view = kit.service().budget(TEAM);

        // Nothing spent yet: today's 8.00 would last 20 h, past midnight; tomorrow's 8.00 runs out at 20:00
        assertThat(view.monthly().orElseThrow().runsOutAt()).contains(Instant.parse("2026-11-11T20:00:00Z"));
    }

    @Test
    void budget_monthWouldRunOutOnlyNextMonth_neverRunsOut() {
        kit = new InstanceTestKit(
                aPolicy().dailyBudget("10.00").monthlyBudget("100.00").build());
        Instance stopped = kit.holding(anInstance("team-a", 1)
                .status(InstanceStatus.STOPPED)
                .storageDph("0.004")
                .build());
        kit.accrued(stopped, "2026-11-10T08:00:00Z");
        kit.at("2026-11-10T08:00:00Z");

        BudgetView view = kit.service().budget(TEAM);

        assertThat(view.monthly().orElseThrow().runsOutAt()).isEmpty();
    }

    @Test
    void budget_nothingBurning_neverRunsOut() {
        kit = new InstanceTestKit(aPolicy().monthlyBudget("100.00").build());

        BudgetView view = kit.service().budget(TEAM);

        assertThat(view.burnRate()).isEqualTo(Money.ZERO);
        assertThat(view.monthly().orElseThrow().runsOutAt()).isEmpty();
    }
}
