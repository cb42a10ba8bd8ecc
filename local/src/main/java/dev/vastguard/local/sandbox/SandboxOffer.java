package dev.vastguard.local.sandbox;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One machine offer on the sandbox marketplace.
 *
 * @param id the ask id a client rents with {@code PUT /api/v0/asks/{id}/}
 * @param gpuName the exact marketplace name, for example {@code RTX 4090}
 * @param numGpus how many GPUs the offer bundles
 * @param dphBase the GPU price in dollars per hour, at most six decimals
 * @param storageCostPerGbMonth {@code storage_cost}: dollars per GB per month
 * @param reliability the host's reliability score, 0 to 1
 * @param verified whether the machine is verified
 * @param rentable whether it can be rented at all
 * @param geolocation where the machine is, as Vast.ai writes it ({@code "Texas, US"})
 */
public record SandboxOffer(
        long id,
        String gpuName,
        int numGpus,
        BigDecimal dphBase,
        BigDecimal storageCostPerGbMonth,
        BigDecimal reliability,
        boolean verified,
        boolean rentable,
        String geolocation) {

    /** Checks the values. */
    public SandboxOffer {
        Objects.requireNonNull(gpuName, "gpuName");
        Objects.requireNonNull(dphBase, "dphBase");
        Objects.requireNonNull(storageCostPerGbMonth, "storageCostPerGbMonth");
        Objects.requireNonNull(reliability, "reliability");
        Objects.requireNonNull(geolocation, "geolocation");
        if (id <= 0 || numGpus <= 0 || dphBase.signum() < 0 || storageCostPerGbMonth.signum() < 0) {
            throw new IllegalArgumentException("offer " + id + ": id, GPU count and prices must be positive");
        }
    }

    /** The disk the machine can give one rental: 500 GB per GPU. */
    int diskSpaceGb() {
        return 500 * numGpus;
    }

    /** A stable machine id derived from the offer id. */
    long machineId() {
        return 10_000 + id % 90_000;
    }

    /** A stable host id derived from the offer id. */
    long hostId() {
        return 200_000 + id % 37;
    }
}
