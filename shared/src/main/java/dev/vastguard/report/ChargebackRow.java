package dev.vastguard.report;

import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One line of a month's chargeback: what one instance cost one team on one UTC day, with what Vast.ai charged for
 * it where that day was reconciled.
 *
 * <p>Every report file of the month ({@code chargeback.csv}, {@code focus.csv}) is written from the same rows, so
 * their totals agree to the micro-dollar.
 *
 * @param team the team
 * @param instanceId the Vast.ai instance id
 * @param gpuName the GPU model, empty for an untracked row (vastguard never saw the instance)
 * @param numGpus the GPU count, 0 for an untracked row
 * @param day the UTC day
 * @param gpuSeconds seconds billed at the running rate
 * @param storageSeconds seconds billed at the storage rate only
 * @param cost what vastguard accrued, its estimate of the charge
 * @param vastCharged what Vast.ai charged for the instance that day, if the day was reconciled
 * @param adopted the instance was found on the team's account rather than created through vastguard
 * @param closedOut the instance vanished from the account and was closed out at the last time it was seen
 * @param untracked Vast.ai charged for the instance that day but vastguard has no ledger line for it
 */
public record ChargebackRow(
        TeamId team,
        long instanceId,
        String gpuName,
        int numGpus,
        LocalDate day,
        long gpuSeconds,
        long storageSeconds,
        Money cost,
        Optional<Money> vastCharged,
        boolean adopted,
        boolean closedOut,
        boolean untracked) {}
