package dev.vastguard.ledger;

import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What one instance cost one team on one UTC day.
 *
 * @param team the team
 * @param day the UTC day
 * @param instanceId the Vast.ai instance id
 * @param gpuName the GPU name
 * @param numGpus the GPU count
 * @param gpuSeconds seconds billed at the running rate
 * @param storageSeconds seconds billed at the storage rate only
 * @param cost the cost for that day
 * @param accruedTo the end of the latest accrual into the line, if the line records it (lines written before it was
 *     recorded do not)
 */
public record LedgerLine(
        TeamId team,
        LocalDate day,
        long instanceId,
        String gpuName,
        int numGpus,
        long gpuSeconds,
        long storageSeconds,
        Money cost,
        Optional<Instant> accruedTo) {

    /**
     * A line that does not record its latest accrual.
     *
     * @param team the team
     * @param day the UTC day
     * @param instanceId the Vast.ai instance id
     * @param gpuName the GPU name
     * @param numGpus the GPU count
     * @param gpuSeconds seconds billed at the running rate
     * @param storageSeconds seconds billed at the storage rate only
     * @param cost the cost for that day
     */
    public LedgerLine(
            TeamId team,
            LocalDate day,
            long instanceId,
            String gpuName,
            int numGpus,
            long gpuSeconds,
            long storageSeconds,
            Money cost) {
        this(team, day, instanceId, gpuName, numGpus, gpuSeconds, storageSeconds, cost, Optional.empty());
    }
}
