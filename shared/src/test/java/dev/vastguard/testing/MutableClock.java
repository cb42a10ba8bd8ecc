package dev.vastguard.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /**
     * Creates a clock standing at an instant.
     *
     * @param start the instant
     */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /**
     * Creates a clock standing at an ISO-8601 instant.
     *
     * @param iso for example {@code 2026-11-10T00:00:00Z}
     * @return the clock
     */
    public static MutableClock at(String iso) {
        return new MutableClock(Instant.parse(iso));
    }

    /**
     * Moves the clock to an instant.
     *
     * @param instant the new time
     */
    public void set(Instant instant) {
        now = instant;
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far
     */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
