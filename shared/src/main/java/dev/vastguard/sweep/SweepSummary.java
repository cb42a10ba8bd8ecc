package dev.vastguard.sweep;

import java.time.Instant;
import java.util.Map;

/**
 * What one sweep did. Placeholder shape; the sweeper fills it in.
 *
 * @param at the instant the sweep accrued up to
 */
public record SweepSummary(Instant at) {

    /**
     * The summary as JSON-ready values.
     *
     * @return the summary
     */
    public Map<String, Object> toMap() {
        return Map.of("at", at.toString());
    }
}
