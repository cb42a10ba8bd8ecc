package dev.vastguard.vast;

import dev.vastguard.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What Vast.ai charged for one instance (contract) over one span, as {@code GET /api/v0/charges/} lists it: one row
 * per contract and UTC day.
 *
 * @param instanceId the instance id, from {@code source} ({@code instance-<id>})
 * @param start the start of the charged span
 * @param end the end of the charged span
 * @param amount the charge, as Vast.ai rounds it (3 decimals)
 * @param items the breakdown by kind (GPU, disk, bandwidth), in Vast.ai's order; may be empty
 */
public record VastCharge(long instanceId, Instant start, Instant end, Money amount, List<Item> items) {

    /** Copies the items. */
    public VastCharge {
        items = List.copyOf(items);
    }

    /**
     * The UTC day the charge belongs to: the day its span starts on.
     *
     * @return the day
     */
    public LocalDate day() {
        return LocalDate.ofInstant(start, ZoneOffset.UTC);
    }

    /**
     * One part of a charge.
     *
     * @param type {@code gpu}, {@code disk}, {@code bwu} (upload) or {@code bwd} (download), as Vast.ai names it
     * @param amount the part's charge
     */
    public record Item(String type, Money amount) {}
}
