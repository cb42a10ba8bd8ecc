package dev.vastguard.local.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * What the sandbox knows about one instance at a moment, for test assertions.
 *
 * @param id the instance (contract) id
 * @param offerId the offer it was rented from
 * @param label its label, if any
 * @param actualStatus {@code actual_status} now: empty while provisioning or once destroyed
 * @param intendedStatus {@code intended_status}: {@code running} or {@code stopped}
 * @param gpuName the marketplace GPU name
 * @param numGpus how many GPUs
 * @param dphTotal dollars per hour while running
 * @param storageTotalCost dollars per hour for its disk
 * @param diskGb its disk size
 * @param createdAt when it was created (sandbox clock)
 * @param destroyedAt when it was destroyed, if it was
 */
public record SandboxInstance(
        long id,
        long offerId,
        Optional<String> label,
        Optional<String> actualStatus,
        String intendedStatus,
        String gpuName,
        int numGpus,
        BigDecimal dphTotal,
        BigDecimal storageTotalCost,
        int diskGb,
        Instant createdAt,
        Optional<Instant> destroyedAt) {

    /**
     * Whether the instance was destroyed.
     *
     * @return true once destroyed
     */
    public boolean destroyed() {
        return destroyedAt.isPresent();
    }
}
