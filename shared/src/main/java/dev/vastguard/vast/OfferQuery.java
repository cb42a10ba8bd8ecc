package dev.vastguard.vast;

import java.math.BigDecimal;
import java.util.List;

/**
 * A marketplace search: on-demand, verified, rentable offers, cheapest {@code dph_total} first.
 *
 * @param gpuNames exact marketplace names to accept ({@code gpu_name in [...]}); never empty
 * @param numGpus the exact GPU count, or 0 for any
 * @param minReliability the lowest reliability accepted
 * @param diskGb the disk size: offers are priced for it ({@code allocated_storage}) and must have that much disk
 * @param limit at most this many offers
 */
public record OfferQuery(List<String> gpuNames, int numGpus, BigDecimal minReliability, int diskGb, int limit) {

    /** Copies the name list. */
    public OfferQuery {
        gpuNames = List.copyOf(gpuNames);
    }
}
