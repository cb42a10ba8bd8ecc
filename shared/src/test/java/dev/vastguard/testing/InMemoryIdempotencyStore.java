package dev.vastguard.testing;

import dev.vastguard.idempotency.IdempotencyStore;
import dev.vastguard.team.TeamId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** An {@link IdempotencyStore} in memory. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private record Entry(String hash, Integer status, String body) {}

    private final Map<String, Entry> entries = new HashMap<>();

    @Override
    public synchronized Claim claim(TeamId team, String key, String requestHash, Instant now) {
        Entry entry = entries.get(team + "#" + key);
        if (entry == null) {
            entries.put(team + "#" + key, new Entry(requestHash, null, null));
            return new Claimed();
        }
        if (!entry.hash().equals(requestHash)) {
            return new Mismatch();
        }
        return entry.status() == null ? new InProgress() : new Replay(entry.status(), entry.body());
    }

    @Override
    public synchronized void complete(TeamId team, String key, int status, String body) {
        Entry entry = entries.get(team + "#" + key);
        entries.put(team + "#" + key, new Entry(entry == null ? "" : entry.hash(), status, body));
    }

    @Override
    public synchronized void release(TeamId team, String key) {
        entries.remove(team + "#" + key);
    }
}
