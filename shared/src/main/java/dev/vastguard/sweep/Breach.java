package dev.vastguard.sweep;

import dev.vastguard.money.Money;
import dev.vastguard.team.Policy;
import java.time.Instant;
import java.util.Optional;

/**
 * A budget that has run out.
 *
 * @param period {@code daily} or {@code monthly}
 * @param spent what was spent in the period
 * @param budget the period's budget
 * @param until the start of the next period, when the suspension ends
 */
record Breach(String period, Money spent, Money budget, Instant until) {

    /** The breach, if the spend reached the budget (a zero budget is breached by any spend, not by none). */
    static Optional<Breach> of(String period, Money spent, Money budget, Instant until) {
        return Policy.reached(spent, budget) ? Optional.of(new Breach(period, spent, budget, until)) : Optional.empty();
    }

    String describe() {
        return period + " budget of " + budget + " reached (spent " + spent + "); suspended until " + until;
    }
}
