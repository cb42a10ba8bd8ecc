package dev.vastguard.report;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Which months a report can be built for: from {@link #FIRST} to the current UTC month. A month that has not begun
 * holds no spend, and an empty build would only stand in the way of the real one; a month before 2000 is a typing
 * error, and building it would write files under a folder nobody looks in.
 */
public final class ReportMonths {

    /** The first month reports are built for. */
    public static final YearMonth FIRST = YearMonth.of(2000, 1);

    private ReportMonths() {}

    /**
     * Why a month's reports cannot be built, in words for the caller.
     *
     * @param month the month
     * @param clock the clock, for the current month
     * @return the reason, or empty if the month can be built
     */
    public static Optional<String> problem(YearMonth month, Clock clock) {
        YearMonth current = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        if (month.isAfter(current)) {
            return Optional.of("month " + month + " has not begun (it is " + current
                    + " UTC); reports cover past months and the current one so far");
        }
        if (month.isBefore(FIRST)) {
            return Optional.of("month " + month + " is before " + FIRST + ", the first month reports cover");
        }
        return Optional.empty();
    }

    /**
     * Refuses a month whose reports cannot be built.
     *
     * @param month the month
     * @param clock the clock, for the current month
     * @throws IllegalArgumentException with the reason, if the month cannot be built
     */
    public static void requireReportable(YearMonth month, Clock clock) {
        problem(month, clock).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
    }
}
