package dev.vastguard.instance;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.instance.Admission.Assessment;
import dev.vastguard.instance.Admission.Burn;
import dev.vastguard.instance.Audits.Actor;
import dev.vastguard.instance.Audits.Entry;
import dev.vastguard.outcome.DenialCode;
import dev.vastguard.outcome.Outcome;
import dev.vastguard.platform.Platform;
import dev.vastguard.team.Policy;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import dev.vastguard.vast.VastApiException;
import dev.vastguard.vast.VastClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a stopped instance, admitted like a provision: the instance goes from its storage rate to its full rate,
 * so the team must not be suspended, the rate must be within the policy's cap, and the budget must cover it until
 * the next sweep. The money is held by a {@code start:<id>} reservation while Vast.ai starts the instance.
 */
final class Starting {

    private static final Logger LOG = LoggerFactory.getLogger(Starting.class);

    private final Platform platform;
    private final TeamAccess teams;
    private final AdmissionAttempts attempts;
    private final Settlement settlement;
    private final Audits audits;

    Starting(Platform platform, AdmissionAttempts attempts) {
        this.platform = platform;
        this.teams = new TeamAccess(platform);
        this.attempts = attempts;
        this.settlement = new Settlement(platform.instances());
        this.audits = new Audits(platform.audit(), platform.clock());
    }

    Outcome<Instance> start(TeamId team, String principal, long id) {
        Optional<Instance> found = platform.instances().find(team, id);
        if (found.isEmpty()) {
            return InstanceActions.notFound(id);
        }
        Optional<Outcome<Instance>> settled = unchanged(found.get());
        if (settled.isPresent()) {
            return settled.get();
        }
        Actor actor = new Actor(team, principal);
        Decision decision = attempts.run("start of instance " + id + " for team " + team, () -> decide(actor, id));
        return switch (decision) {
            case Decision.Settled(Outcome<Instance> outcome) -> outcome;
            case Decision.Reserved reserved -> run(actor, reserved);
        };
    }

    /** Answers without Vast.ai when the instance needs no start or cannot have one. */
    private static Optional<Outcome<Instance>> unchanged(Instance instance) {
        return switch (instance.status()) {
            case DESTROYED -> Optional.of(InstanceActions.destroyedState(instance.id()));
            case RUNNING, PROVISIONING -> Optional.of(Outcome.ok(instance));
            case STOPPED, UNKNOWN -> Optional.empty();
        };
    }

    private Optional<Decision> decide(Actor actor, long id) {
        Instant now = platform.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        Team team = teams.load(actor.team());
        Usage usage = Usage.read(platform, team, now);
        Optional<Instance> holding = usage.instance(id);
        if (holding.isEmpty()) {
            // Not among the instances holding a slot: destroyed meanwhile, or gone.
            Outcome<Instance> outcome = platform.instances()
                    .find(actor.team(), id)
                    .map(instance -> InstanceActions.<Instance>destroyedState(id))
                    .orElseGet(() -> InstanceActions.notFound(id));
            return Optional.of(new Decision.Settled(outcome));
        }
        Instance instance = holding.get();
        Optional<Outcome<Instance>> unchanged = unchanged(instance);
        if (unchanged.isPresent()) {
            return Optional.of(new Decision.Settled(unchanged.get()));
        }
        Policy policy = team.policy();
        if (team.isSuspendedAt(now)) {
            return denied(actor, id, DenialCode.TEAM_SUSPENDED, Provisioning.suspendedDetail(team));
        }
        if (instance.dphTotal().compareTo(policy.maxDph()) > 0) {
            return denied(
                    actor,
                    id,
                    DenialCode.PRICE_CAP_EXCEEDED,
                    "instance %d runs at %s/h, above the price cap of %s/h"
                            .formatted(id, instance.dphTotal(), policy.maxDph()));
        }
        List<Burn> burns = new ArrayList<>(usage.burnsExcept(id));
        burns.add(new Burn(Usage.admissionRate(instance), instance.accruedUntil(), Optional.of(now)));
        Optional<Assessment> exceeded =
                usage.assess(burns, instance.dphTotal(), platform.config().sweepInterval()).stream()
                        .filter(assessment -> !assessment.fits())
                        .findFirst();
        if (exceeded.isPresent()) {
            String request = "starting instance %d at %s/h".formatted(id, instance.dphTotal());
            return denied(actor, id, DenialCode.BUDGET_EXHAUSTED, exceeded.get().explain(request));
        }
        Reservation reservation = new Reservation(
                actor.team(),
                Usage.startTag(id),
                instance.gpuName(),
                instance.numGpus(),
                instance.dphTotal(),
                instance.storageDph(),
                instance.label(),
                now);
        if (!platform.instances().reserve(reservation, team.version(), usage.daySpend())) {
            return Optional.empty();
        }
        return Optional.of(new Decision.Reserved(instance, reservation));
    }

    private Optional<Decision> denied(Actor actor, long id, DenialCode code, String detail) {
        return Optional.of(new Decision.Settled(audits.deny(actor, Optional.of(id), code, detail)));
    }

    private Outcome<Instance> run(Actor actor, Decision.Reserved reserved) {
        Instance instance = reserved.instance();
        try {
            VastClient client = teams.client(teams.load(actor.team()));
            try {
                client.startInstance(instance.id());
            } catch (VastApiException e) {
                if (InstanceActions.goneAtVast(e)) {
                    return audits.deny(
                            actor,
                            Optional.of(instance.id()),
                            DenialCode.INVALID_STATE,
                            InstanceActions.gone(instance.id()));
                }
                throw e;
            }
            Settlement.Settled settled = settlement.settle(
                    instance,
                    InstanceStatus.RUNNING,
                    platform.clock().instant().truncatedTo(ChronoUnit.SECONDS),
                    Optional.empty());
            Instance started = settled.instance();
            if (!settled.changed()) {
                return Outcome.ok(started);
            }
            audits.record(
                    actor,
                    Entry.of(
                            AuditAction.START,
                            instance.id(),
                            started.dphTotal(),
                            "started %s x%d at %s/h"
                                    .formatted(started.gpuName(), started.numGpus(), started.dphTotal())));
            LOG.info("started instance {} of team {}", instance.id(), actor.team());
            return Outcome.ok(started);
        } finally {
            platform.instances().release(reserved.reservation());
        }
    }

    /** What an admission attempt for a start decided. */
    private sealed interface Decision {

        /**
         * Answered without starting anything: a denial, or the instance needs no start.
         *
         * @param outcome the answer
         */
        record Settled(Outcome<Instance> outcome) implements Decision {}

        /**
         * Admitted: the money is reserved.
         *
         * @param instance the instance as read
         * @param reservation the reservation holding the money
         */
        record Reserved(Instance instance, Reservation reservation) implements Decision {}
    }
}
