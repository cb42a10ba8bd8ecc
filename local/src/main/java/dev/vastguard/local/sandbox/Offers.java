package dev.vastguard.local.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Prices and the JSON shape of marketplace offers. */
final class Offers {

    private static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(720);
    private static final int PRICE_SCALE = 6;
    private static final Map<String, Integer> GPU_RAM_MB = Map.of(
            "RTX 3060", 12_288,
            "RTX 3090", 24_576,
            "RTX 4090", 24_564,
            "L40S", 46_068,
            "A100 PCIE", 40_960,
            "A100 SXM4", 81_920,
            "H100 PCIE", 81_559,
            "H100 SXM", 81_559);

    private Offers() {}

    /**
     * The hourly storage price of a disk on an offer: {@code disk * storage_cost / 720}, kept to the micro-dollar
     * (half-even) like every sandbox price, so that {@code dph_total = dph_base + storage_total_cost} exactly.
     */
    static BigDecimal storagePerHour(SandboxOffer offer, BigDecimal diskGb) {
        return offer.storageCostPerGbMonth()
                .multiply(diskGb)
                .divide(HOURS_PER_MONTH, PRICE_SCALE, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }

    static BigDecimal storagePerHour(SandboxOffer offer, int diskGb) {
        return storagePerHour(offer, BigDecimal.valueOf(diskGb));
    }

    static int gpuRamMb(String gpuName) {
        return GPU_RAM_MB.getOrDefault(gpuName, 16_384);
    }

    /** The {@code search} / {@code instance} pricing sub-object. */
    static ObjectNode pricing(Billing.Rates rates) {
        return Json.object()
                .put("gpuCostPerHour", rates.dphBase())
                .put("diskHour", rates.storagePerHour())
                .put("totalHour", rates.dphTotal())
                .put("discountTotalHour", BigDecimal.ZERO)
                .put("discountedTotalPerHour", rates.dphTotal());
    }

    /**
     * The offer as {@code POST /api/v0/bundles/} returns it, priced for a disk size.
     *
     * @param offer the offer
     * @param allocatedStorage the disk size to price, in GB
     * @param rentable whether it can be rented now (false when its stock ran out)
     * @return the JSON row
     */
    static ObjectNode row(SandboxOffer offer, BigDecimal allocatedStorage, boolean rentable) {
        Billing.Rates rates = new Billing.Rates(offer.dphBase(), storagePerHour(offer, allocatedStorage));
        int gpuRam = gpuRamMb(offer.gpuName());
        ObjectNode row = Json.object()
                .put("id", offer.id())
                .put("ask_contract_id", offer.id())
                .put("bundle_id", offer.id())
                .put("machine_id", offer.machineId())
                .put("host_id", offer.hostId())
                .put("gpu_name", offer.gpuName())
                .put("num_gpus", offer.numGpus())
                .put("gpu_ram", gpuRam)
                .put("gpu_total_ram", gpuRam * offer.numGpus())
                .put("cpu_cores", 16 * offer.numGpus())
                .put("cpu_cores_effective", 8 * offer.numGpus())
                .put("cpu_ram", 64_000 * offer.numGpus())
                .put("disk_space", offer.diskSpaceGb())
                .put("dph_base", rates.dphBase())
                .put("dph_total", rates.dphTotal())
                .put("storage_cost", offer.storageCostPerGbMonth())
                .put("storage_total_cost", rates.storagePerHour())
                .put("inet_up_cost", new BigDecimal("0.005"))
                .put("inet_down_cost", new BigDecimal("0.005"))
                .put("min_bid", minBid(offer))
                .put("is_bid", false)
                .put("reliability", offer.reliability())
                .put("reliability2", offer.reliability())
                .put("verification", offer.verified() ? "verified" : "unverified")
                .put("verified", offer.verified())
                .put("rentable", rentable)
                .put("rented", false)
                .put("external", false)
                .put("geolocation", offer.geolocation())
                .put("duration", 90 * 86_400.0)
                .put("score", score(offer, rates));
        row.set("search", pricing(rates));
        row.set("instance", pricing(rates));
        return row;
    }

    private static BigDecimal minBid(SandboxOffer offer) {
        return offer.dphBase().multiply(new BigDecimal("0.6")).setScale(PRICE_SCALE, RoundingMode.HALF_EVEN);
    }

    /** A made-up but stable ranking: reliability per dollar. */
    private static BigDecimal score(SandboxOffer offer, Billing.Rates rates) {
        if (rates.dphTotal().signum() == 0) {
            return BigDecimal.ZERO;
        }
        return offer.reliability()
                .multiply(BigDecimal.valueOf(100))
                .divide(rates.dphTotal(), 3, RoundingMode.HALF_EVEN);
    }
}
