package dev.vastguard.audit;

import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of the audit log.
 *
 * @param time when it happened
 * @param team the team concerned, if any
 * @param principal the caller's ARN, or {@code system:sweeper} / {@code system:reporter} for scheduled work
 * @param action what happened
 * @param instanceId the Vast.ai instance concerned, if any
 * @param amount the money concerned (hourly rate on provision, final cost on destroy, spend at a threshold)
 * @param detail a human-readable explanation; never a secret
 */
public record AuditEvent(
        Instant time,
        Optional<TeamId> team,
        String principal,
        AuditAction action,
        Optional<Long> instanceId,
        Optional<Money> amount,
        String detail) {

    /** The principal recorded for work done by the scheduled sweeper. */
    public static final String SWEEPER = "system:sweeper";

    /** The principal recorded for work done by the report writer. */
    public static final String REPORTER = "system:reporter";
}
