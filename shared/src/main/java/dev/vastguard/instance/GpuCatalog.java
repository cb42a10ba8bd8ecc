package dev.vastguard.instance;

import dev.vastguard.team.GpuName;
import dev.vastguard.team.Policy;
import dev.vastguard.vast.VastApiException;
import dev.vastguard.vast.VastAuthException;
import dev.vastguard.vast.VastClient;
import dev.vastguard.vast.VastClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a requested name or family and a policy into the exact marketplace names to search for, from Vast.ai's list
 * of GPU names (kept for an hour: it changes rarely and the search endpoint is rate limited per IP).
 */
final class GpuCatalog {

    static final Duration TTL = Duration.ofHours(1);

    /** How long to go on with the built-in names after Vast.ai's list could not be read. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(5);

    /**
     * Marketplace names known when this was written (the Vast.ai CLI's list), searched even when Vast.ai's own list
     * cannot be read, so a family such as {@code A100} still finds {@code A100 SXM4}.
     */
    static final List<String> KNOWN_NAMES = List.of(
            "A10",
            "A10g",
            "A16",
            "A30",
            "A40",
            "A100 PCIE",
            "A100 SXM4",
            "A100 SXM",
            "A100X",
            "A800 PCIE",
            "B200",
            "GH200 SXM",
            "H100 PCIE",
            "H100 SXM",
            "H100 NVL",
            "H200",
            "H200 NVL",
            "L4",
            "L40",
            "L40S",
            "Tesla V100",
            "Tesla T4",
            "Tesla P100",
            "Tesla K80",
            "RTX 3060",
            "RTX 3060 Ti",
            "RTX 3070",
            "RTX 3080",
            "RTX 3080 Ti",
            "RTX 3090",
            "RTX 3090 Ti",
            "RTX 4060",
            "RTX 4070",
            "RTX 4070S",
            "RTX 4070 Ti",
            "RTX 4080",
            "RTX 4080S",
            "RTX 4090",
            "RTX 4090D",
            "RTX 5060",
            "RTX 5070",
            "RTX 5070 Ti",
            "RTX 5080",
            "RTX 5090",
            "GTX 1080 Ti",
            "Titan RTX",
            "Titan V",
            "RTX A4000",
            "RTX A5000",
            "RTX A6000",
            "RTX 4000Ada",
            "RTX 5000Ada",
            "RTX 6000Ada",
            "Q RTX 8000",
            "RTX PRO 6000",
            "RTX PRO 6000 WS",
            "RTX PRO 6000 S",
            "RTX PRO 6000 Max-Q",
            "InstinctMI100",
            "InstinctMI250X",
            "Radeon VII",
            "RX 7900 XTX",
            "PRO W7900");

    private static final Logger LOG = LoggerFactory.getLogger(GpuCatalog.class);

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
        if (current == null || !now.isBefore(current.expiresAt()) || now.isBefore(current.fetchedAt())) {
            current = fetch(client, now);
            snapshot = current;
        }
        return current.names();
    }

    private static Snapshot fetch(VastClient client, Instant now) {
        LinkedHashMap<String, String> names = new LinkedHashMap<>();
        try {
            client.gpuNames().forEach(name -> names.putIfAbsent(name.toLowerCase(Locale.ROOT), name));
        } catch (VastAuthException e) {
            throw e;
        } catch (VastApiException | VastClientException e) {
            // The list only widens families; the search itself is what must work, so go on with the known names.
            LOG.warn("Vast.ai's GPU name list could not be read, using the built-in names: {}", e.getMessage());
            KNOWN_NAMES.forEach(name -> names.putIfAbsent(name.toLowerCase(Locale.ROOT), name));
            return new Snapshot(List.copyOf(names.values()), now, now.plus(RETRY_AFTER_FAILURE));
        }
        KNOWN_NAMES.forEach(name -> names.putIfAbsent(name.toLowerCase(Locale.ROOT), name));
        return new Snapshot(List.copyOf(names.values()), now, now.plus(TTL));
    }

    private record Snapshot(List<String> names, Instant fetchedAt, Instant expiresAt) {}
}
