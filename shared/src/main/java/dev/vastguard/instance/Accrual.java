package dev.vastguard.instance;

import dev.vastguard.team.TeamId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Cost to add to an instance for the time between two instants, split at UTC day boundaries, plus an optional
 * state change that takes effect at the end of that time.
 *
 * <p>Applying an accrual is idempotent: it succeeds only while the instance is still accrued up to
 * {@code from}, so a repeated sweep or a concurrent destroy cannot charge the same seconds twice.
 *
 * @param team the team
 * @param instanceId the Vast.ai instance id
 * @param gpuName the GPU name, copied onto ledger lines
 * @param numGpus the GPU count, copied onto ledger lines
 * @param from the instant the instance is accrued up to now
 * @param to the instant it will be accrued up to; not before {@code from}
 * @param days the cost per UTC day, in day order; empty if nothing is owed
 * @param newStatus the state to record at {@code to}, if it changes
 */
public record Accrual(
        TeamId team,
        long instanceId,
        String gpuName,
        int numGpus,
        Instant from,
        Instant to,
        List<DayCost> days,
        Optional<InstanceStatus> newStatus) {

    /**
     * Checks the interval and copies the day list.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public Accrual {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("accrual ends before it starts");
        }
        days = List.copyOf(days);
    }

    /**
     * The cost of one UTC day's part of an accrual.
     *
     * @param day the UTC day
     * @param gpuSeconds seconds billed at the running rate
     * @param storageSeconds seconds billed at the storage rate
     * @param cost the cost for that day
     */
    public record DayCost(LocalDate day, long gpuSeconds, long storageSeconds, dev.vastguard.money.Money cost) {}
}
