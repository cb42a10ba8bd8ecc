package dev.vastguard.sweep;

import dev.vastguard.platform.Platform;
import java.time.Instant;

/** Placeholder for the sweeper; replaced by the real implementation. */
public final class Sweeper {

    /**
     * Creates the sweeper.
     *
     * @param platform the platform
     */
    public Sweeper(Platform platform) {}

    /**
     * Sweeps every team up to an instant.
     *
     * @param at the instant
     * @return what was done
     */
    public SweepSummary sweep(Instant at) {
        throw new UnsupportedOperationException("not built yet");
    }
}
