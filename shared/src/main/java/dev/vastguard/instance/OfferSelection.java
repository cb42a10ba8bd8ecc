package dev.vastguard.instance;

import dev.vastguard.money.Money;
import dev.vastguard.team.GpuName;
import dev.vastguard.team.Policy;
import dev.vastguard.vast.OfferQuery;
import dev.vastguard.vast.VastClient;
import dev.vastguard.vast.VastOffer;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Searches the marketplace for offers a policy allows and tells which of them a price cap admits. */
final class OfferSelection {

    /** The disk size used to price offers when the caller names none (the API's default for a rental). */
    static final int DEFAULT_DISK_GB = 20;

    private static final Comparator<VastOffer> CHEAPEST_FIRST =
            Comparator.comparing(VastOffer::dphTotal).thenComparingLong(VastOffer::id);

    private final GpuCatalog catalog;

    OfferSelection(GpuCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * What the market offers that the request covers and the policy allows, cheapest first; the price cap is not
     * applied.
     *
     * @param client the team's client
     * @param policy the team's policy
     * @param search what to look for
     * @return the offers; empty if none, or if no marketplace name can match
     */
    List<VastOffer> search(VastClient client, Policy policy, Search search) {
        List<String> names = catalog.expand(client, policy, search.gpu());
        if (names.isEmpty()) {
            return List.of();
        }
        List<VastOffer> found = client.searchOffers(
                new OfferQuery(names, search.numGpus(), policy.minReliability(), search.diskGb(), search.limit()));
        return allowed(found, policy, search.gpu(), search.numGpus());
    }

    /**
     * Filters offers again on this side, since the market's own filters are only as good as its query language.
     *
     * @param offers the offers
     * @param policy the policy
     * @param gpu the requested name or family, if any
     * @param numGpus the exact GPU count, or 0 for any
     * @return the offers that match, cheapest first
     */
    static List<VastOffer> allowed(Collection<VastOffer> offers, Policy policy, Optional<GpuName> gpu, int numGpus) {
        return offers.stream()
                .filter(offer -> policy.allows(offer.gpuName()))
                .filter(offer -> gpu.map(name -> name.covers(offer.gpuName())).orElse(true))
                .filter(offer -> offer.reliability().compareTo(policy.minReliability()) >= 0)
                .filter(offer -> numGpus == 0 || offer.numGpus() == numGpus)
                .sorted(CHEAPEST_FIRST)
                .toList();
    }

    /**
     * Compares matching offers with a price cap.
     *
     * @param matching offers that match the request and policy, cheapest first
     * @param cap the highest {@code dph_total} admitted
     * @return no offer at all, offers all above the cap, or the cheapest offer within it
     */
    static Market classify(List<VastOffer> matching, Money cap) {
        if (matching.isEmpty()) {
            return new Market.NoOffer();
        }
        VastOffer cheapest = matching.get(0);
        return cheapest.dphTotal().compareTo(cap) > 0 ? new Market.OverCap(cheapest, cap) : new Market.Within(cheapest);
    }

    /**
     * A marketplace search.
     *
     * @param gpu the requested name or family, or empty for every allowed GPU
     * @param numGpus the exact GPU count, or 0 for any
     * @param diskGb the disk size to price offers for
     * @param limit at most this many offers from the market
     */
    record Search(Optional<GpuName> gpu, int numGpus, int diskGb, int limit) {}

    /** What the market has for a request, measured against a price cap. */
    sealed interface Market {

        /** Nothing matches the GPU, count and reliability at all. */
        record NoOffer() implements Market {}

        /**
         * Offers match, but even the cheapest costs more than the cap.
         *
         * @param cheapest the cheapest matching offer
         * @param cap the cap
         */
        record OverCap(VastOffer cheapest, Money cap) implements Market {}

        /**
         * The cheapest matching offer is within the cap.
         *
         * @param offer that offer
         */
        record Within(VastOffer offer) implements Market {}
    }
}
