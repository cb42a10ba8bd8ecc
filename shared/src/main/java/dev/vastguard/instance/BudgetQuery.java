package dev.vastguard.instance;

import dev.vastguard.money.Money;
import dev.vastguard.platform.Platform;
import dev.vastguard.team.Policy;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.TeamState;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads a team's budget figures for {@code GET /budget}. */
final class BudgetQuery {

    private final Platform platform;
    private final TeamAccess teams;

    BudgetQuery(Platform platform) {
        this.platform = platform;
        this.teams = new TeamAccess(platform);
    }

    BudgetView budget(TeamId id) {
        Instant now = platform.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        Team team = teams.load(id);
        Usage usage = Usage.read(platform, team, now);
        Policy policy = team.policy();
        Money remainingToday = policy.dailyBudget().minus(usage.daySpend()).atLeastZero();
        boolean suspended = team.isSuspendedAt(now);
        Money burnRate = usage.burnRate();
        Optional<BudgetView.Monthly> monthly = policy.monthlyBudget().map(budget -> {
            Money spent = usage.monthSpend().orElse(Money.ZERO);
            Money remaining = budget.minus(spent).atLeastZero();
            // The daily budget starts again each midnight and the monthly one on the 1st: a budget runs out only if
            // that happens before it starts again.
            Instant midnight =
                    usage.today().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant monthEnd = usage.today()
                    .withDayOfMonth(1)
                    .plusMonths(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            Optional<Instant> daily = Admission.runsOutAt(now, remainingToday, burnRate)
                    .filter(at -> at.isBefore(midnight))
                    .or(() -> Admission.runsOutAt(midnight, policy.dailyBudget(), burnRate)
                            .filter(at -> at.isBefore(midnight.plus(Duration.ofDays(1)))));
            Optional<Instant> month =
                    Admission.runsOutAt(now, remaining, burnRate).filter(at -> at.isBefore(monthEnd));
            Optional<Instant> first = Stream.of(daily, month)
                    .flatMap(Optional::stream)
                    .min(Comparator.naturalOrder())
                    .filter(at -> at.isBefore(monthEnd));
            return new BudgetView.Monthly(YearMonth.from(usage.today()), budget, spent, remaining, first);
        });
        return new BudgetView(
                id,
                usage.today(),
                policy.dailyBudget(),
                usage.daySpend(),
                remainingToday,
                suspended ? TeamState.SUSPENDED : TeamState.ACTIVE,
                suspended ? team.suspendedUntil() : Optional.empty(),
                policy.maxInstances(),
                usage.slotsTaken(),
                burnRate,
                monthly);
    }
}
