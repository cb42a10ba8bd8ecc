package dev.vastguard.sweep;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.instance.Billing;
import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceRepository;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.platform.Platform;
import dev.vastguard.team.Policy;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamRepository;
import dev.vastguard.vast.VastClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Destroys instances that only cost money, as the team's policy asks: an instance vastguard rented that has not
 * reached {@code running} within {@code max_loading_minutes} of its creation; an instance a host or container
 * failure left {@code exited} (Vast.ai still means it to run, it bills storage and never runs again) once the failure
 * has lasted {@code max_loading_minutes}, counted from the sweep that first saw it; and a suspended team's instances
 * still stopped {@code destroy_stopped_after_hours} after the suspension began (storage billing ends with them).
 *
 * <p>Runs after the team was accrued and its budgets enforced, so an instance is destroyed with its cost already in
 * the ledger. Instances found on the account but not created by vastguard are never destroyed for loading slowly.
 */
final class Retirement {

    private static final Logger LOG = LoggerFactory.getLogger(Retirement.class);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final TeamRepository teams;
    private final InstanceRepository instances;
    private final Accruer accruer;
    private final SweepAudit audit;

    Retirement(Platform platform) {
        this.teams = platform.teams();
        this.instances = platform.instances();
        this.accruer = new Accruer(platform.instances());
        this.audit = new SweepAudit(platform.audit());
    }

    void retire(Team team, VastClient client, Reconciliation reconciliation, TeamTally tally) {
        Instant at = reconciliation.at();
        Optional<Instant> graceEnds =
                teams.find(team.id()).filter(t -> t.isSuspendedAt(at)).flatMap(Retirement::graceEnds);
        List<String> failed = new ArrayList<>();
        for (Instance instance : reconciliation.instances()) {
            if (!reconciliation.listed().contains(instance.id())) {
                continue;
            }
            Optional<Instant> failingSince = reconciliation.failed().contains(instance.id())
                    ? Optional.of(instances.failingSince(instance.team(), instance.id(), at))
                    : Optional.empty();
            Optional<String> failure = failure(team.policy(), failingSince, at);
            if (reason(instance, team.policy(), graceEnds, at).or(() -> failure).isEmpty()) {
                continue;
            }
            // Budget enforcement may have just stopped it: decide on the instance as stored now.
            Optional<Instance> current = instances.find(instance.team(), instance.id());
            Optional<String> reason = current.filter(Instance::holdsSlot)
                    .flatMap(i -> reason(i, team.policy(), graceEnds, at).or(() -> failure));
            if (reason.isEmpty()) {
                continue;
            }
            try {
                destroy(client, current.get(), reason.get(), at, tally);
            } catch (RuntimeException e) {
                String why = Failures.describe(e);
                failed.add(instance.id() + " (" + why + ")");
                LOG.warn("could not destroy instance {} of team {}: {}", instance.id(), team.id(), why);
            }
        }
        if (!failed.isEmpty()) {
            throw new EnforcementException(
                    "instances due for destruction could not be destroyed: " + String.join(", ", failed));
        }
    }

    /**
     * Why an instance is due for destruction at an instant, if it is.
     *
     * @param instance the instance as accrued by this sweep
     * @param policy the team's policy
     * @param graceEnds when a suspended team's stopped instances become due; empty if the team is not suspended or
     *     its policy never destroys them
     * @param at the sweep's instant
     * @return the reason, for the audit log
     */
    static Optional<String> reason(Instance instance, Policy policy, Optional<Instant> graceEnds, Instant at) {
        if (instance.status() == InstanceStatus.PROVISIONING && !instance.adopted()) {
            Instant deadline = instance.createdAt().plus(Duration.ofMinutes(policy.maxLoadingMinutes()));
            if (!at.isBefore(deadline)) {
                return Optional.of("not running " + policy.maxLoadingMinutes() + " minutes after it was rented at "
                        + instance.createdAt() + " (max_loading_minutes)");
            }
        }
        if (instance.status() == InstanceStatus.STOPPED
                && graceEnds.filter(end -> !at.isBefore(end)).isPresent()) {
            return Optional.of("still stopped at the end of the grace period (" + graceEnds.get()
                    + ") of the team's suspension (destroy_stopped_after_hours)");
        }
        return Optional.empty();
    }

    /**
     * Why a failed instance is due for destruction, if its failure has lasted long enough.
     *
     * @param policy the team's policy
     * @param failingSince when the failure was first seen, if the instance is failed now
     * @param at the sweep's instant
     * @return the reason, for the audit log
     */
    static Optional<String> failure(Policy policy, Optional<Instant> failingSince, Instant at) {
        return failingSince
                .filter(since -> !at.isBefore(since.plus(Duration.ofMinutes(policy.maxLoadingMinutes()))))
                .map(since -> "exited after a host or container failure first seen at " + since + ", not running "
                        + policy.maxLoadingMinutes() + " minutes later (max_loading_minutes)");
    }

    /**
     * When a suspended team's stopped instances become due, if its policy destroys them at all.
     *
     * @param team the team, suspended
     * @return the suspension's start plus the grace period, rounded up to the second
     */
    static Optional<Instant> graceEnds(Team team) {
        Optional<BigDecimal> hours = team.policy().destroyStoppedAfterHours();
        if (hours.isEmpty() || team.suspendedSince().isEmpty()) {
            return Optional.empty();
        }
        long seconds = hours.get()
                .multiply(SECONDS_PER_HOUR)
                .setScale(0, RoundingMode.CEILING)
                .longValueExact();
        return Optional.of(team.suspendedSince().get().plusSeconds(seconds));
    }

    private void destroy(VastClient client, Instance instance, String reason, Instant at, TeamTally tally) {
        client.destroyInstance(instance.id());
        Accruer.Result result =
                accruer.accrue(instance, Billing.NONE, instance.accruedUntil(), Optional.of(InstanceStatus.DESTROYED));
        if (!result.statusChanged()) {
            return;
        }
        audit.instance(
                new SweepAudit.Subject(instance.team(), instance.id(), at),
                AuditAction.DESTROY,
                result.instance().accruedCost(),
                "destroyed: " + reason);
        tally.halted(instance.id(), true);
        LOG.info("destroyed instance {} of team {}: {}", instance.id(), instance.team(), reason);
    }
}
