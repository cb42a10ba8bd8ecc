package dev.vastguard.team;

import java.time.Instant;
import java.util.Optional;

/**
 * A team as stored: its policy and its enforcement state.
 *
 * @param id the team id
 * @param policy the current policy
 * @param state whether launches are allowed
 * @param suspendedUntil while suspended, the start of the next budget period; empty otherwise
 * @param version optimistic-lock counter, bumped by every admission decision that adds usage
 * @param suspendedSince while suspended, when the suspension began (a longer one that follows keeps it); empty
 *     otherwise
 */
public record Team(
        TeamId id,
        Policy policy,
        TeamState state,
        Optional<Instant> suspendedUntil,
        long version,
        Optional<Instant> suspendedSince) {

    /**
     * Whether the team is suspended at an instant (a suspension ends on its own at {@code suspendedUntil}).
     *
     * @param now the instant to check
     * @return true if launches are blocked at that instant
     */
    public boolean isSuspendedAt(Instant now) {
        return state == TeamState.SUSPENDED && suspendedUntil.map(now::isBefore).orElse(true);
    }
}
