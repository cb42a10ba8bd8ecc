package dev.vastguard.testing;

import dev.vastguard.team.Policy;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.TeamRepository;
import dev.vastguard.team.TeamState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A {@link TeamRepository} in memory, with the same state rules as the DynamoDB one. */
public final class InMemoryTeamRepository implements TeamRepository {

    private final ConcurrentSkipListMap<TeamId, Team> teams = new ConcurrentSkipListMap<>();

    @Override
    public Optional<Team> find(TeamId id) {
        return Optional.ofNullable(teams.get(id));
    }

    @Override
    public List<Team> list() {
        return List.copyOf(teams.values());
    }

    @Override
    public synchronized Team putPolicy(TeamId id, Policy policy) {
        Team current = teams.get(id);
        Team updated = current == null
                ? new Team(id, policy, TeamState.ACTIVE, Optional.empty(), 0, Optional.empty())
                : new Team(
                        id,
                        policy,
                        current.state(),
                        current.suspendedUntil(),
                        current.version(),
                        current.suspendedSince());
        teams.put(id, updated);
        return updated;
    }

    @Override
    public synchronized boolean suspend(TeamId id, Instant since, Instant until) {
        Team current = teams.get(id);
        if (current == null) {
            return false;
        }
        boolean already = current.state() == TeamState.SUSPENDED
                && current.suspendedUntil().map(u -> !u.isBefore(until)).orElse(true);
        if (already) {
            return false;
        }
        Optional<Instant> began = current.state() == TeamState.SUSPENDED ? current.suspendedSince() : Optional.empty();
        teams.put(
                id,
                new Team(
                        id,
                        current.policy(),
                        TeamState.SUSPENDED,
                        Optional.of(until),
                        current.version(),
                        began.or(() -> Optional.of(since))));
        return true;
    }

    @Override
    public synchronized boolean resume(TeamId id) {
        Team current = teams.get(id);
        if (current == null || current.state() != TeamState.SUSPENDED) {
            return false;
        }
        teams.put(
                id,
                new Team(
                        id, current.policy(), TeamState.ACTIVE, Optional.empty(), current.version(), Optional.empty()));
        return true;
    }

    /**
     * Bumps a team's version, as an admission or adoption does.
     *
     * @param id the team
     * @param expected the version the caller read
     * @return true if the version was still {@code expected}
     */
    synchronized boolean bumpVersion(TeamId id, long expected) {
        Team current = teams.get(id);
        if (current == null || current.version() != expected) {
            return false;
        }
        teams.put(
                id,
                new Team(
                        id,
                        current.policy(),
                        current.state(),
                        current.suspendedUntil(),
                        current.version() + 1,
                        current.suspendedSince()));
        return true;
    }
}
