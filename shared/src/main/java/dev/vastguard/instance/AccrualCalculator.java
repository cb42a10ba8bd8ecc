package dev.vastguard.instance;

import dev.vastguard.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Works out what an instance owes for the time since it was last accrued, per second and split exactly at UTC
 * midnight, the way Vast.ai bills.
 */
public final class AccrualCalculator {

    /** The longest span one accrual may cover; longer gaps are accrued in several steps. */
    public static final Duration MAX_SPAN = Duration.ofDays(30);

    private AccrualCalculator() {}

    /**
     * The accrual of an instance from its {@code accruedUntil} to an instant, assuming it was billed one way for
     * the whole span. The span ends at {@code to} truncated to the second, or after {@link #MAX_SPAN}, whichever
     * is first; an instant at or before {@code accruedUntil} gives an accrual with no days.
     *
     * @param instance the instance as stored
     * @param billing how it was billed during the span
     * @param to the instant to accrue up to
     * @param newStatus the status to record at the end of the span, if it changes
     * @return the accrual
     */
    public static Accrual accrue(Instance instance, Billing billing, Instant to, Optional<InstanceStatus> newStatus) {
        Instant from = instance.accruedUntil();
        Instant end = latest(from, earliest(to.truncatedTo(ChronoUnit.SECONDS), from.plus(MAX_SPAN)));
        Money rate = switch (billing) {
            case GPU -> instance.dphTotal();
            case STORAGE -> instance.storageDph();
            case NONE -> Money.ZERO;
        };
        return new Accrual(
                instance.team(),
                instance.id(),
                instance.gpuName(),
                instance.numGpus(),
                from,
                end,
                days(from, end, billing, rate),
                newStatus);
    }

    private static List<Accrual.DayCost> days(Instant from, Instant to, Billing billing, Money rate) {
        List<Accrual.DayCost> days = new ArrayList<>();
        Instant cursor = from;
        while (cursor.isBefore(to) && billing != Billing.NONE) {
            LocalDate day = LocalDate.ofInstant(cursor, ZoneOffset.UTC);
            Instant dayEnd = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant sliceEnd = earliest(to, dayEnd);
            long seconds = Duration.between(cursor, sliceEnd).toSeconds();
            Money cost = Money.forSeconds(rate, seconds);
            days.add(
                    billing == Billing.GPU
                            ? new Accrual.DayCost(day, seconds, 0, cost)
                            : new Accrual.DayCost(day, 0, seconds, cost));
            cursor = sliceEnd;
        }
        return days;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
