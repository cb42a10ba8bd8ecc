package dev.vastguard.sweep;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.audit.AuditEvent;
import dev.vastguard.audit.AuditLog;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.Instant;
import java.util.Optional;

/** Writes the sweeper's audit events, stamped with the sweep's instant and the sweeper's principal. */
final class SweepAudit {

    private final AuditLog log;

    SweepAudit(AuditLog log) {
        this.log = log;
    }

    void instance(Subject subject, AuditAction action, Money amount, String detail) {
        log.record(new AuditEvent(
                subject.at(),
                Optional.of(subject.team()),
                AuditEvent.SWEEPER,
                action,
                Optional.of(subject.instanceId()),
                Optional.of(amount),
                detail));
    }

    void team(TeamId team, Instant at, AuditAction action, Optional<Money> amount, String detail) {
        log.record(new AuditEvent(at, Optional.of(team), AuditEvent.SWEEPER, action, Optional.empty(), amount, detail));
    }

    /**
     * The instance an event is about.
     *
     * @param team the team
     * @param instanceId the instance
     * @param at the sweep's instant
     */
    record Subject(TeamId team, long instanceId, Instant at) {}
}
