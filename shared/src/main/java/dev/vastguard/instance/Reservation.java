package dev.vastguard.instance;

import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.Instant;
import java.util.Optional;

/**
 * A slot taken for an instance that is being rented: it counts against the team's limits from the moment it is
 * admitted until the rental is confirmed (it becomes an {@link Instance}) or released.
 *
 * @param team the team
 * @param tag the unique label the instance will carry at Vast.ai
 * @param gpuName the chosen offer's GPU name
 * @param numGpus how many GPUs
 * @param dphTotal the chosen offer's hourly price for the requested disk
 * @param storageDph the chosen offer's hourly storage price for the requested disk
 * @param label the caller's own label, if any
 * @param createdAt when the reservation was made (whole seconds)
 */
public record Reservation(
        TeamId team,
        String tag,
        String gpuName,
        int numGpus,
        Money dphTotal,
        Money storageDph,
        Optional<String> label,
        Instant createdAt) {}
