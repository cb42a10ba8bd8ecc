package dev.vastguard.team;

/** What the sweeper does to a team's running instances when the team runs out of budget. */
public enum BreachAction {
    /** Stop them: GPU billing ends, storage billing goes on, the team can start them again later. */
    STOP,
    /** Destroy them: all billing ends and the data is gone. */
    DESTROY;

    /**
     * The wire name, as in the policy's {@code on_budget_exceeded}.
     *
     * @return {@code stop} or {@code destroy}
     */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
