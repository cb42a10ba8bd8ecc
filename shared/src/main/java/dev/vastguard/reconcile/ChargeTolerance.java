package dev.vastguard.reconcile;

import dev.vastguard.money.Money;

/**
 * When a team's difference between its ledger and Vast.ai's charges for a day is worth an alert: when it passes
 * 1 % of the ledger, or passes $1.00. Either is enough; a difference exactly at a limit does not pass it.
 *
 * <p>The comparison is exact in micro-dollars. With a ledger of zero, any charge at all passes 1 %: money Vast.ai
 * billed that vastguard never accrued is what the check is for.
 */
final class ChargeTolerance {

    /** The absolute limit. */
    static final Money ABSOLUTE = Money.ofMicros(1_000_000);

    /** The relative limit, as a divisor of the ledger: 1 % is one hundredth. */
    private static final long PARTS = 100;

    private ChargeTolerance() {}

    /**
     * Whether a difference passes the tolerance.
     *
     * @param ledger what the ledger holds for the day
     * @param difference {@code charged - ledger}, either sign
     * @return true if it passes 1 % of the ledger or $1.00
     */
    static boolean isExceeded(Money ledger, Money difference) {
        long gap = Math.abs(difference.micros());
        // gap > ledger / 100, kept in whole micro-dollars: gap * 100 > ledger.
        return gap > ABSOLUTE.micros() || Math.multiplyExact(gap, PARTS) > Math.abs(ledger.micros());
    }
}
