package dev.vastguard.vast;

/**
 * What to run on a rented offer ({@code PUT /api/v0/asks/{id}/}, on demand).
 *
 * @param offerId the ask id
 * @param image the Docker image
 * @param diskGb the disk size in GB, at least 8
 * @param label the label to set at Vast.ai: vastguard's tag, unique per rental, so a lost response can be
 *     recovered by looking the instance up by label
 */
public record CreateInstanceRequest(long offerId, String image, int diskGb, String label) {}
