package dev.vastguard.instance;

import dev.vastguard.team.GpuName;
import dev.vastguard.team.TeamId;
import java.util.Optional;

/**
 * A validated {@code GET /offers} request.
 *
 * @param team the caller's team
 * @param gpu a marketplace name or family, or empty for every GPU the policy allows
 * @param numGpus an exact GPU count, or empty for any
 * @param limit 1 to 100, default 20
 */
public record OfferRequest(TeamId team, Optional<GpuName> gpu, Optional<Integer> numGpus, int limit) {}
