package dev.vastguard.local.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * The validated body of {@code PUT /api/v0/asks/{id}/}.
 *
 * @param offerId the ask id from the path
 * @param image the Docker image
 * @param diskGb the disk size in GB
 * @param label the label, or null
 * @param env the environment object
 * @param runtype the run type words, or null
 * @param onstart the start script, or null
 * @param price the bid price for an interruptible instance, or null for on-demand
 */
record RentRequest(
        long offerId,
        String image,
        int diskGb,
        String label,
        ObjectNode env,
        String runtype,
        String onstart,
        BigDecimal price) {}
