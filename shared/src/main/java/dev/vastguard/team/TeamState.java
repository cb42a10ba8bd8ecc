package dev.vastguard.team;

/** Whether a team may launch instances. */
public enum TeamState {
    /** Launches are allowed within the policy. */
    ACTIVE,
    /** The team ran out of budget; launches are blocked until the next budget period starts. */
    SUSPENDED;

    /**
     * The wire name used by the API.
     *
     * @return {@code active} or {@code suspended}
     */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
