package dev.vastguard.local.sandbox;

import dev.vastguard.local.sandbox.Timeline.Slice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The billing meter: prices the slices of a {@link Timeline} per second.
 *
 * <p>Running seconds cost {@code dph_base} for the GPU plus the storage rate; every other second that the host is
 * online costs the storage rate only; offline seconds cost nothing. So a running hour costs exactly
 * {@code dph_total}.
 */
final class Billing {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    /** Enough decimals that a rate with six decimals times whole seconds over 3600 is exact when it terminates. */
    private static final int SCALE = 12;

    private Billing() {}

    /**
     * The hourly rates of one instance.
     *
     * @param dphBase the GPU rate in dollars per hour
     * @param storagePerHour the storage rate ({@code storage_total_cost}) in dollars per hour
     */
    record Rates(BigDecimal dphBase, BigDecimal storagePerHour) {

        BigDecimal dphTotal() {
            return dphBase.add(storagePerHour);
        }
    }

    /**
     * Billed time within one UTC day.
     *
     * @param first the first billed second of the day
     * @param end the end of the last billed slice of the day
     * @param gpuSeconds seconds billed at the GPU rate (running)
     * @param storageSeconds seconds billed at the storage rate (everything but offline)
     */
    record DayUsage(Instant first, Instant end, long gpuSeconds, long storageSeconds) {

        BigDecimal gpuCost(Rates rates) {
            return dollars(rates.dphBase().multiply(BigDecimal.valueOf(gpuSeconds)));
        }

        BigDecimal storageCost(Rates rates) {
            return dollars(rates.storagePerHour().multiply(BigDecimal.valueOf(storageSeconds)));
        }

        BigDecimal cost(Rates rates) {
            return dollars(rates.dphBase()
                    .multiply(BigDecimal.valueOf(gpuSeconds))
                    .add(rates.storagePerHour().multiply(BigDecimal.valueOf(storageSeconds))));
        }

        DayUsage plus(Slice slice) {
            long gpu = slice.phase().billsGpu() ? slice.seconds() : 0;
            long storage = slice.phase().billsStorage() ? slice.seconds() : 0;
            return new DayUsage(first, slice.end(), gpuSeconds + gpu, storageSeconds + storage);
        }
    }

    /**
     * The exact cost of the slices.
     *
     * @param slices what the instance did
     * @param rates its rates
     * @return dollars, exact whenever the value has at most 12 decimals
     */
    static BigDecimal cost(List<Slice> slices, Rates rates) {
        BigDecimal dollarSeconds = BigDecimal.ZERO;
        for (Slice slice : slices) {
            BigDecimal rate = slice.phase().billsGpu()
                    ? rates.dphTotal()
                    : slice.phase().billsStorage() ? rates.storagePerHour() : BigDecimal.ZERO;
            dollarSeconds = dollarSeconds.add(rate.multiply(BigDecimal.valueOf(slice.seconds())));
        }
        return dollars(dollarSeconds);
    }

    /**
     * Splits the slices at UTC midnights and sums the billed seconds per day.
     *
     * @param slices what the instance did
     * @return usage per day with any billed or offline time, in day order
     */
    static SortedMap<LocalDate, DayUsage> byDay(List<Slice> slices) {
        SortedMap<LocalDate, DayUsage> days = new TreeMap<>();
        for (Slice slice : slices) {
            Slice rest = slice;
            while (rest.seconds() > 0) {
                LocalDate day = LocalDate.ofInstant(rest.start(), ZoneOffset.UTC);
                Instant midnight = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                Instant cut = rest.end().isAfter(midnight) ? midnight : rest.end();
                Slice part = new Slice(rest.start(), cut, rest.phase());
                days.merge(day, new DayUsage(part.start(), part.start(), 0, 0).plus(part), (a, b) -> a.plus(part));
                rest = new Slice(cut, rest.end(), rest.phase());
            }
        }
        return days;
    }

    /** Turns dollar-seconds-per-hour into dollars: exact when possible, else rounded half-even at 12 decimals. */
    static BigDecimal dollars(BigDecimal dollarSecondsPerHour) {
        BigDecimal value = dollarSecondsPerHour.divide(SECONDS_PER_HOUR, SCALE, RoundingMode.HALF_EVEN);
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
