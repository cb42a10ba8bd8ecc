package dev.vastguard.vast;

import dev.vastguard.money.Money;
import java.math.BigDecimal;

/**
 * A rentable machine offer from the Vast.ai marketplace ({@code POST /api/v0/bundles/}).
 *
 * @param id the ask id to rent with {@code PUT /api/v0/asks/{id}/}
 * @param gpuName the marketplace GPU name, for example {@code RTX 4090}
 * @param numGpus how many GPUs
 * @param dphTotal dollars per hour, GPU plus storage for the disk size the search priced
 * @param storageCostPerGbMonth {@code storage_cost}: dollars per GB per month
 * @param reliability the host's reliability score, 0 to 1
 * @param geolocation where the machine is, as Vast.ai writes it; may be empty
 */
public record VastOffer(
        long id,
        String gpuName,
        int numGpus,
        Money dphTotal,
        Money storageCostPerGbMonth,
        BigDecimal reliability,
        String geolocation) {

    /**
     * The storage part of the hourly price for a disk size: {@code disk_gb * storage_cost / 720}.
     *
     * @param diskGb the disk size in GB
     * @return dollars per hour, rounded half-even to the micro-dollar
     */
    public Money storageDph(int diskGb) {
        return Money.ofDollarsRounded(storageCostPerGbMonth
                .toDollars()
                .multiply(BigDecimal.valueOf(diskGb))
                .divide(BigDecimal.valueOf(720), 12, java.math.RoundingMode.HALF_EVEN));
    }
}
