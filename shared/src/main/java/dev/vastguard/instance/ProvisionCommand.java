package dev.vastguard.instance;

import dev.vastguard.money.Money;
import dev.vastguard.team.GpuName;
import dev.vastguard.team.TeamId;
import java.util.Optional;

/**
 * A validated request to rent an instance ({@code POST /instances}).
 *
 * @param team the caller's team (from its IAM identity, never from the request)
 * @param principal the caller's ARN, for the audit log
 * @param gpu the requested marketplace name or family
 * @param numGpus 1 to 16
 * @param image the Docker image, 1 to 1024 characters
 * @param diskGb 8 to 2048
 * @param label the caller's own label, up to 64 of {@code A-Za-z0-9._-}
 * @param maxDph the caller's own price cap; the lower of this and the policy's applies
 */
public record ProvisionCommand(
        TeamId team,
        String principal,
        GpuName gpu,
        int numGpus,
        String image,
        int diskGb,
        Optional<String> label,
        Optional<Money> maxDph) {}
