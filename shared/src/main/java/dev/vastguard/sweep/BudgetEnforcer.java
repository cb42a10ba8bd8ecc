package dev.vastguard.sweep;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.instance.Billing;
import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.ledger.Ledger;
import dev.vastguard.money.Money;
import dev.vastguard.platform.Platform;
import dev.vastguard.team.BreachAction;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamRepository;
import dev.vastguard.team.TeamState;
import dev.vastguard.vast.VastClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces a team's budgets after its instances were accrued: suspends a team whose daily or monthly spend reached
 * its budget, stops (or destroys) the running instances of a suspended team, and lifts a suspension whose period
 * has ended.
 */
final class BudgetEnforcer {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetEnforcer.class);

    private final TeamRepository teams;
    private final Ledger ledger;
    private final Accruer accruer;
    private final SweepAudit audit;
    private final ThresholdAlerts alerts;

    BudgetEnforcer(Platform platform) {
        this.alerts = new ThresholdAlerts(platform);
        this.teams = platform.teams();
        this.ledger = platform.ledger();
        this.accruer = new Accruer(platform.instances());
        this.audit = new SweepAudit(platform.audit());
    }

    void resumeIfDue(Team team, Instant at, TeamTally tally) {
        Optional<Instant> until = team.suspendedUntil().filter(u -> team.state() == TeamState.SUSPENDED);
        if (until.isEmpty() || until.get().isAfter(at) || !teams.resume(team.id())) {
            return;
        }

        audit.team(team.id(), at, AuditAction.RESUME, Optional.empty(), "budget period ended at " + until.get());
        tally.resumed();
        LOG.info("resumed team {}: its suspension ended at {}", team.id(), until.get());
    }

    void enforce(Team team, VastClient client, Reconciliation reconciliation, TeamTally tally) {
        Instant at = reconciliation.at();
        breach(team, at).ifPresent(breach -> suspend(team, breach, at, tally));
        Optional<Team> suspended = teams.find(team.id()).filter(t -> t.isSuspendedAt(at));
        if (suspended.isEmpty()) {
            return;
        }

        // A suspended team's instances found running again (started at Vast.ai directly) are halted again.
        List<Instance> running = reconciliation.instances().stream()
                .filter(i -> reconciliation.listed().contains(i.id()))
                .filter(i -> i.status() == InstanceStatus.RUNNING || i.status() == InstanceStatus.PROVISIONING)
                .toList();
        haltAll(new Halt(suspended.get(), client, at), running, tally);
    }

    private Optional<Breach> breach(Team team, Instant at) {
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        Money spentToday = ledger.daySpend(team.id(), today);
        YearMonth month = YearMonth.from(today);
        Optional<Money> spentMonth = team.policy().monthlyBudget().map(budget -> ledger.monthSpend(team.id(), month));
        alerts.check(team, spentToday, spentMonth, at);
        Optional<Breach> daily =
                Breach.of("daily", spentToday, team.policy().dailyBudget(), startOf(today.plusDays(1)));
        Optional<Breach> monthly = team.policy()
                .monthlyBudget()
                .flatMap(budget -> Breach.of(
                        "monthly",
                        spentMonth.orElseThrow(),
                        budget,
                        startOf(month.plusMonths(1).atDay(1))));
        // The next month never starts before the next day, so a monthly breach is the longer suspension.
        return monthly.isPresent() ? monthly : daily;
    }

    private void suspend(Team team, Breach breach, Instant at, TeamTally tally) {
        if (!teams.suspend(team.id(), at, breach.until())) {
            return;
        }

        audit.team(team.id(), at, AuditAction.SUSPEND, Optional.of(breach.spent()), breach.describe());
        tally.suspended();
        LOG.info("suspended team {}: {}", team.id(), breach.describe());
    }

    private void haltAll(Halt halt, List<Instance> running, TeamTally tally) {
        List<String> failed = new ArrayList<>();
        for (Instance instance : running) {
            try {
                halt(halt, instance, tally);
            } catch (RuntimeException e) {
                String reason = Failures.describe(e);
                failed.add(instance.id() + " (" + reason + ")");
                LOG.warn(
                        "could not halt instance {} of team {}: {}",
                        instance.id(),
                        halt.team().id(),
                        reason);
            }
        }
        if (!failed.isEmpty()) {
            throw new EnforcementException(
                    "team is suspended but instances could not be halted: " + String.join(", ", failed));
        }
    }

    private void halt(Halt halt, Instance instance, TeamTally tally) {
        boolean destroy = halt.team().policy().onBudgetExceeded() == BreachAction.DESTROY;
        if (destroy) {
            halt.client().destroyInstance(instance.id());
        } else {
            halt.client().stopInstance(instance.id());
        }

        InstanceStatus target = destroy ? InstanceStatus.DESTROYED : InstanceStatus.STOPPED;
        Accruer.Result result = accruer.accrue(instance, Billing.NONE, instance.accruedUntil(), Optional.of(target));
        if (!result.statusChanged()) {
            return;
        }

        audit.instance(
                new SweepAudit.Subject(instance.team(), instance.id(), halt.at()),
                destroy ? AuditAction.DESTROY : AuditAction.STOP,
                result.instance().accruedCost(),
                (destroy ? "destroyed" : "stopped") + ": " + halt.reason());
        tally.halted(instance.id(), destroy);
        LOG.info("{} instance {} of team {}: {}", target.wireName(), instance.id(), instance.team(), halt.reason());
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * Halting one suspended team's instances.
     *
     * @param team the team as it is now, suspended
     * @param client its Vast.ai client
     * @param at the sweep's instant
     */
    private record Halt(Team team, VastClient client, Instant at) {

        String reason() {
            return team.suspendedUntil()
                    .map(until -> "team is suspended until " + until)
                    .orElse("team is suspended");
        }
    }
}
