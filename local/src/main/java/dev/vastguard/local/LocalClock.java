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

    /** How far the clock may be moved from real time, either way; keeps every instant computable. */
    static final Duration MAX_OFFSET = Duration.ofDays(365L * 1000);

    private final Clock real;
    private volatile Duration offset = Duration.ZERO;

    LocalClock(Clock real) {
        this.real = real;
    }

    /**
     * Moves the clock so that it reads {@code instant} now (backwards too).
     *
     * @throws IllegalArgumentException if that is more than {@link #MAX_OFFSET} away from real time
     */
    synchronized Instant set(Instant instant) {
        offset = bounded(Duration.between(real.instant(), instant));
        return instant();
    }

    /**
     * Moves the clock forward by a duration.
     *
     * @throws IllegalArgumentException if the clock would end up more than {@link #MAX_OFFSET} from real time
     */
    synchronized Instant advance(Duration duration) {
        offset = bounded(offset.plus(duration));
        return instant();
    }

    private static Duration bounded(Duration candidate) {
        if (candidate.abs().compareTo(MAX_OFFSET) > 0) {
            throw new IllegalArgumentException("the local clock may be moved at most 1000 years from real time");
        }
        return candidate;
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
