package dev.vastguard.local.sandbox;

import java.time.Duration;

/**
 * How long a new instance takes to come up.
 *
 * @param statusNullFor how long {@code actual_status} stays null after creation
 * @param runningAfter when, counted from creation, the instance is running (loading before that)
 */
record BootTimes(Duration statusNullFor, Duration runningAfter) {

    static final BootTimes DEFAULT = new BootTimes(Duration.ofSeconds(10), Duration.ofSeconds(60));

    BootTimes {
        if (statusNullFor.isNegative() || runningAfter.compareTo(statusNullFor) < 0) {
            throw new IllegalArgumentException("need 0 <= statusNullFor <= runningAfter");
        }
    }
}
