package dev.vastguard.idempotency;

import dev.vastguard.team.TeamId;
import java.time.Instant;

/**
 * Remembers the outcome of requests sent with an {@code Idempotency-Key}, per team, so a retried request gets the
 * original answer instead of a second rental.
 */
public interface IdempotencyStore {

    /**
     * Claims a key for a request, or reports what is already recorded under it.
     *
     * @param team the caller's team (keys are scoped to a team)
     * @param key the {@code Idempotency-Key} header
     * @param requestHash a hash of the request body
     * @param now the current time
     * @return the outcome of the claim
     */
    Claim claim(TeamId team, String key, String requestHash, Instant now);

    /**
     * Stores the final answer for a claimed key.
     *
     * @param team the team
     * @param key the key
     * @param status the HTTP status answered
     * @param body the response body answered
     */
    void complete(TeamId team, String key, int status, String body);

    /**
     * Forgets a claimed key whose request failed in a way a retry may fix (Vast.ai unavailable, say).
     *
     * @param team the team
     * @param key the key
     */
    void release(TeamId team, String key);

    /** The outcome of {@link #claim}. */
    sealed interface Claim {}

    /** The key is new and now claimed by this request: process it, then complete or release it. */
    record Claimed() implements Claim {}

    /**
     * The key was used before with the same body and has an answer: send it again.
     *
     * @param status the original status
     * @param body the original body
     */
    record Replay(int status, String body) implements Claim {}

    /** The key was used before with a different body. */
    record Mismatch() implements Claim {}

    /** The key is claimed by a request that is still running. */
    record InProgress() implements Claim {}
}
