package dev.vastguard.instance;

import dev.vastguard.team.GpuName;
import dev.vastguard.team.Policy;
import dev.vastguard.vast.VastClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a requested name or family and a policy into the exact marketplace names to search for, from Vast.ai's list
 * of GPU names (kept for an hour: it changes rarely and the search endpoint is rate limited per IP).
 */
final class GpuCatalog {

    static final Duration TTL = Duration.ofHours(1);

    private final Clock clock;
    private volatile Snapshot snapshot;

    GpuCatalog(Clock clock) {
        this.clock = clock;
    }

    /**
     * The marketplace names that the request covers (when a GPU is requested) and the policy allows.
     *
     * @param client the team's client
     * @param policy the team's policy
     * @param requested the requested name or family, or empty for every allowed GPU
     * @return distinct names (ignoring case), Vast.ai's spelling first; empty if nothing can match
     */
    List<String> expand(VastClient client, Policy policy, Optional<GpuName> requested) {
        List<String> market = names(client);
        List<String> candidates = new ArrayList<>(market);
        // A name the cached list knows nothing under (a GPU new to the market since the list was read) is searched
        // as written, so it is still found; one that covers listed names is a family and adds nothing.
        List<GpuName> extra = new ArrayList<>(policy.gpuWhitelist());
        requested.ifPresent(extra::add);
        for (GpuName name : extra) {
            if (market.stream().noneMatch(name::covers)) {
                candidates.add(name.value());
            }
        }
        Map<String, String> distinct = new LinkedHashMap<>();
        for (String name : candidates) {
            if (requested.map(r -> r.covers(name)).orElse(true) && policy.allows(name)) {
                distinct.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        return List.copyOf(distinct.values());
    }

    private List<String> names(VastClient client) {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current == null || !now.isBefore(current.fetchedAt().plus(TTL)) || now.isBefore(current.fetchedAt())) {
            current = new Snapshot(List.copyOf(client.gpuNames()), now);
            snapshot = current;
        }
        return current.names();
    }

    private record Snapshot(List<String> names, Instant fetchedAt) {}
}
