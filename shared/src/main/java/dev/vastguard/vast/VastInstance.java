package dev.vastguard.vast;

import dev.vastguard.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * One instance on a Vast.ai account, as the v1 listing or the per-id endpoint returns it.
 *
 * @param id the instance (contract) id
 * @param actualStatus {@code actual_status}: empty while provisioning; {@code created}, {@code loading},
 *     {@code running}, {@code stopped}, {@code exited}, {@code offline}, {@code unknown}, ...
 * @param intendedStatus {@code intended_status}, for example {@code running} or {@code stopped}
 * @param gpuName the marketplace GPU name
 * @param numGpus how many GPUs
 * @param dphTotal dollars per hour while running
 * @param storageDph dollars per hour for storage: {@code storage_total_cost}, or
 *     {@code disk_space * storage_cost / 720} when that is missing
 * @param label the instance's label at Vast.ai, if any
 * @param startDate {@code start_date}, if given
 */
public record VastInstance(
        long id,
        Optional<String> actualStatus,
        Optional<String> intendedStatus,
        String gpuName,
        int numGpus,
        Money dphTotal,
        Money storageDph,
        Optional<String> label,
        Optional<Instant> startDate) {}
