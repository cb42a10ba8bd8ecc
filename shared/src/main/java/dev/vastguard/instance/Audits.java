package dev.vastguard.instance;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.audit.AuditEvent;
import dev.vastguard.audit.AuditLog;
import dev.vastguard.money.Money;
import dev.vastguard.outcome.DenialCode;
import dev.vastguard.outcome.Outcome;
import dev.vastguard.team.TeamId;
import java.time.Clock;
import java.util.Optional;

/** Writes the audit events of the instance use cases. */
final class Audits {

    private final AuditLog log;
    private final Clock clock;

    Audits(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    void record(Actor actor, Entry entry) {
        log.record(new AuditEvent(
                // Full precision, like every other writer's, so the log reads in the order things happened.
                clock.instant(),
                Optional.of(actor.team()),
                actor.principal(),
                entry.action(),
                entry.instanceId(),
                entry.amount(),
                entry.detail()));
    }

    /**
     * Records a refused launch (a provision, or the start of a stopped instance) and returns the denial.
     *
     * @param actor who asked
     * @param instanceId the instance to start, or empty for a provision
     * @param code why
     * @param detail what the caller should change
     * @param <T> the value type of the use case
     * @return the denial
     */
    <T> Outcome<T> deny(Actor actor, Optional<Long> instanceId, DenialCode code, String detail) {
        record(
                actor,
                new Entry(AuditAction.PROVISION_DENIED, instanceId, Optional.empty(), code.wireName() + ": " + detail));
        return Outcome.denied(code, detail);
    }

    /**
     * Who acts: the team and the caller's ARN.
     *
     * @param team the team
     * @param principal the caller's ARN
     */
    record Actor(TeamId team, String principal) {}

    /**
     * What happened.
     *
     * @param action the action
     * @param instanceId the instance, if any
     * @param amount the money concerned, if any
     * @param detail a plain explanation
     */
    record Entry(AuditAction action, Optional<Long> instanceId, Optional<Money> amount, String detail) {

        static Entry of(AuditAction action, long instanceId, Money amount, String detail) {
            return new Entry(action, Optional.of(instanceId), Optional.of(amount), detail);
        }
    }
}
