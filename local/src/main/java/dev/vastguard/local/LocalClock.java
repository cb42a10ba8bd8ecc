package dev.vastguard.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The product's clock in the local runner: real time plus an offset that {@code POST /_local/clock} moves. After a
 * move it keeps ticking, so the runner behaves like a deployment that lives in another moment.
 */
final class LocalClock extends Clock {

    private final Clock real;
    private volatile Duration offset = Duration.ZERO;

    LocalClock(Clock real) {
        this.real = real;
    }

    /** Moves the clock so that it reads {@code instant} now (backwards too). */
    synchronized Instant set(Instant instant) {
        offset = Duration.between(real.instant(), instant);
        return instant();
    }

    /** Moves the clock forward by a duration. */
    synchronized Instant advance(Duration duration) {
        offset = offset.plus(duration);
        return instant();
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset);
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
