package dev.vastguard.team;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores teams: their policies and enforcement state. */
public interface TeamRepository {

    /**
     * Finds a team.
     *
     * @param id the team id
     * @return the team, or empty if unknown
     */
    Optional<Team> find(TeamId id);

    /**
     * Lists every team, ordered by id, reading all pages.
     *
     * @return the teams
     */
    List<Team> list();

    /**
     * Creates a team or replaces its policy, keeping its enforcement state and version.
     *
     * @param id the team id
     * @param policy the new policy
     * @return the team as stored
     */
    Team putPolicy(TeamId id, Policy policy);

    /**
     * Suspends a team until an instant, unless it is already suspended until then or later. A team already
     * suspended keeps the instant its suspension began.
     *
     * @param id the team id
     * @param since when the budget was found reached
     * @param until the start of the next budget period
     * @return true if this call changed the state (so the caller audits it once)
     */
    boolean suspend(TeamId id, Instant since, Instant until);

    /**
     * Lifts a team's suspension.
     *
     * @param id the team id
     * @return true if the team was suspended
     */
    boolean resume(TeamId id);
}
