package dev.vastguard.instance;

import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.Instant;
import java.util.Optional;

/**
 * A Vast.ai instance that belongs to a team, as vastguard tracks it.
 *
 * @param team the owning team
 * @param id the Vast.ai instance (contract) id
 * @param gpuName the marketplace GPU name, for example {@code RTX 4090}
 * @param numGpus how many GPUs
 * @param dphTotal what it costs per hour while running (GPU and storage), in dollars
 * @param storageDph what it costs per hour while stopped or loading (storage only), in dollars
 * @param status the last known state
 * @param label the caller's own label, if any
 * @param tag the label vastguard puts on the instance at Vast.ai, so it can be found again
 * @param createdAt when it was rented (whole seconds)
 * @param accruedCost the cost accrued so far
 * @param accruedUntil the instant up to which cost has been accrued (whole seconds)
 * @param adopted true if vastguard found it on the team's account rather than creating it
 * @param destroyedAt when it was destroyed, if it was
 */
public record Instance(
        TeamId team,
        long id,
        String gpuName,
        int numGpus,
        Money dphTotal,
        Money storageDph,
        InstanceStatus status,
        Optional<String> label,
        String tag,
        Instant createdAt,
        Money accruedCost,
        Instant accruedUntil,
        boolean adopted,
        Optional<Instant> destroyedAt) {

    /**
     * Whether the instance still holds one of the team's instance slots.
     *
     * @return true unless destroyed
     */
    public boolean holdsSlot() {
        return status != InstanceStatus.DESTROYED;
    }

    /**
     * What the instance costs per hour in its current state.
     *
     * @return {@code dphTotal} while running, {@code storageDph} while provisioning or stopped, zero otherwise
     */
    public Money currentRate() {
        return switch (status) {
            case RUNNING -> dphTotal;
            case PROVISIONING, STOPPED -> storageDph;
            case DESTROYED, UNKNOWN -> Money.ZERO;
        };
    }
}
