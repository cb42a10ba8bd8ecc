package dev.vastguard.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When scheduled jobs are due on the local clock, as a cron schedule would run them in AWS: sweeps at whole
 * multiples of the interval counted from 00:00 UTC, reconciliation with Vast.ai's charges at 00:30 UTC each day,
 * reports at 02:00 UTC on the first of each month.
 */
final class SweepSchedule {

    private SweepSchedule() {}

    /** The first sweep time strictly after {@code now}. */
    static Instant nextSweepAfter(Instant now, Duration interval) {
        Instant midnight =
                LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
        long intervalSeconds = interval.toSeconds();
        long sinceMidnight = Duration.between(midnight, now).toSeconds();
        long steps = sinceMidnight / intervalSeconds + 1;
        Instant candidate = midnight.plusSeconds(steps * intervalSeconds);
        Instant nextMidnight = midnight.plus(Duration.ofDays(1));
        // An interval that does not divide a day restarts its count at midnight, as a cron expression would.
        return candidate.isAfter(nextMidnight) ? nextMidnight : candidate;
    }

    /** The first daily reconciliation time (00:30 UTC) strictly after {@code now}. */
    static Instant nextReconcileAfter(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant todays = today.atTime(0, 30).toInstant(ZoneOffset.UTC);
        return now.isBefore(todays) ? todays : today.plusDays(1).atTime(0, 30).toInstant(ZoneOffset.UTC);
    }

    /** The first monthly report time (02:00 UTC on the 1st) strictly after {@code now}. */
    static Instant nextReportAfter(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant thisMonth = today.withDayOfMonth(1).atTime(2, 0).toInstant(ZoneOffset.UTC);
        return now.isBefore(thisMonth)
                ? thisMonth
                : today.withDayOfMonth(1).plusMonths(1).atTime(2, 0).toInstant(ZoneOffset.UTC);
    }
}
