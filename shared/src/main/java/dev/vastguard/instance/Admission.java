package dev.vastguard.instance;

import dev.vastguard.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The budget arithmetic of admission control, free of any I/O.
 *
 * <p>Spend reaches the ledger only when the sweeper (or a stop, start or destroy) accrues it, so a decision must
 * also count what is burning but not yet accrued. Everything burning is counted up to the horizon, the next
 * scheduled sweep or the end of the budget period, whichever comes first: the sweeper then accrues it and acts on
 * the budget itself. A request is admitted only if spend, plus that burn, plus its own cost up to the horizon stays
 * within the budget.
 */
final class Admission {

    private Admission() {}

    /**
     * The first scheduled sweep after an instant. Sweeps run at whole multiples of the interval counted from 00:00
     * UTC each day (as a cron schedule runs them), so there is always one at midnight.
     *
     * @param now the instant
     * @param interval the time between sweeps
     * @return the next sweep, strictly after {@code now}
     */
    static Instant nextSweep(Instant now, Duration interval) {
        Instant dayStart = now.truncatedTo(ChronoUnit.DAYS);
        Instant midnight = dayStart.plus(Duration.ofDays(1));
        long step = Math.max(1, interval.toSeconds());
        long elapsed = now.getEpochSecond() - dayStart.getEpochSecond();
        Instant next = dayStart.plusSeconds((elapsed / step + 1) * step);
        return earliest(next, midnight);
    }

    /**
     * The cost of a rate between two instants, whole seconds; nothing if the span is empty or reversed.
     *
     * @param rate dollars per hour
     * @param from the start
     * @param to the end
     * @return the cost, rounded half-even to the micro-dollar
     */
    static Money cost(Money rate, Instant from, Instant to) {
        long seconds = Duration.between(from, to).toSeconds();
        return seconds <= 0 ? Money.ZERO : Money.forSeconds(rate, seconds);
    }

    /**
     * Assesses a request against one budget period.
     *
     * @param period the period, with its budget and the spend accrued in it
     * @param burns what burns and is not accrued yet (the team's instances and reservations)
     * @param requestRate the hourly rate the request adds from now
     * @param clock when the decision is made, and the sweep interval
     * @return the assessment
     */
    static Assessment assess(Period period, List<Burn> burns, Money requestRate, Timing clock) {
        Instant horizon = earliest(nextSweep(clock.now(), clock.sweepInterval()), period.end());
        Money committed = period.spent();
        for (Burn burn : burns) {
            Instant from = latest(burn.from(), period.start());
            Instant to = burn.until().map(until -> earliest(until, horizon)).orElse(horizon);
            committed = committed.plus(cost(burn.rate(), from, to));
        }
        return new Assessment(period, clock.now(), horizon, committed, cost(requestRate, clock.now(), horizon));
    }

    /**
     * When a remaining budget runs out at a burn rate.
     *
     * @param now the instant to count from
     * @param remaining what is left
     * @param burnRate dollars per hour
     * @return the instant, whole seconds; empty if nothing burns
     */
    static Optional<Instant> runsOutAt(Instant now, Money remaining, Money burnRate) {
        if (burnRate.micros() <= 0) {
            return Optional.empty();
        }
        long seconds = BigDecimal.valueOf(remaining.atLeastZero().micros())
                .multiply(BigDecimal.valueOf(3600))
                .divide(BigDecimal.valueOf(burnRate.micros()), 0, RoundingMode.FLOOR)
                .longValueExact();
        return Optional.of(now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * The instant of a decision and the sweep schedule it plans around.
     *
     * @param now when the decision is made (whole seconds)
     * @param sweepInterval the time between scheduled sweeps
     */
    record Timing(Instant now, Duration sweepInterval) {}

    /** The kind of budget period. */
    enum Kind {
        /** A UTC day. */
        DAY("daily budget", "today"),
        /** A UTC calendar month. */
        MONTH("monthly budget", "this month");

        private final String budgetName;
        private final String within;

        Kind(String budgetName, String within) {
            this.budgetName = budgetName;
            this.within = within;
        }
    }

    /**
     * A budget period.
     *
     * @param kind day or month
     * @param start its first instant
     * @param end the first instant after it
     * @param budget what may be spent in it
     * @param spent what has been accrued in it so far
     */
    record Period(Kind kind, Instant start, Instant end, Money budget, Money spent) {

        static Period day(LocalDate day, Money budget, Money spent) {
            return new Period(Kind.DAY, start(day), start(day.plusDays(1)), budget, spent);
        }

        static Period month(YearMonth month, Money budget, Money spent) {
            return new Period(
                    Kind.MONTH, start(month.atDay(1)), start(month.plusMonths(1).atDay(1)), budget, spent);
        }

        private static Instant start(LocalDate day) {
            return day.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
    }

    /**
     * Something that costs money until the horizon (or until an earlier instant) and is not accrued yet.
     *
     * @param rate dollars per hour
     * @param from the instant it is accrued up to
     * @param until when it stops burning at this rate, if before the horizon
     */
    record Burn(Money rate, Instant from, Optional<Instant> until) {

        static Burn untilHorizon(Money rate, Instant from) {
            return new Burn(rate, from, Optional.empty());
        }
    }

    /**
     * A request measured against one budget period.
     *
     * @param period the period
     * @param now when the decision is made
     * @param horizon how far ahead cost is counted
     * @param committed spend plus what burns unaccrued up to the horizon, without the request
     * @param requestCost what the request costs from now to the horizon
     */
    record Assessment(Period period, Instant now, Instant horizon, Money committed, Money requestCost) {

        boolean fits() {
            return committed.plus(requestCost).compareTo(period.budget()) <= 0;
        }

        boolean admits(Money rate) {
            return committed.plus(cost(rate, now, horizon)).compareTo(period.budget()) <= 0;
        }

        Money left() {
            return period.budget().minus(committed).atLeastZero();
        }

        /**
         * Says what is left and what the request would cost, for a denial.
         *
         * @param request what the request is, for example {@code offer 7 (RTX 4090 x1) at $0.40/h}
         * @return the sentence
         */
        String explain(String request) {
            return left() + " of the " + period.kind().budgetName + " of " + period.budget() + " is left "
                    + period.kind().within + " after what is already running until the next sweep at " + horizon
                    + "; " + request + " would cost " + requestCost + " until then";
        }
    }
}
