package dev.vastguard.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

/**
 * One budget period of a team: a UTC day or a UTC calendar month.
 *
 * @param kind daily or monthly
 * @param start the period's first day
 */
public record BudgetPeriod(Kind kind, LocalDate start) {

    /** Which budget a period belongs to. */
    public enum Kind {
        /** The daily budget's UTC day. */
        DAILY,
        /** The monthly budget's UTC calendar month. */
        MONTHLY;

        /**
         * The wire name, as notifications write it.
         *
         * @return {@code daily} or {@code monthly}
         */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A UTC day.
     *
     * @param day the day
     * @return the period
     */
    public static BudgetPeriod day(LocalDate day) {
        return new BudgetPeriod(Kind.DAILY, day);
    }

    /**
     * A UTC calendar month.
     *
     * @param month the month
     * @return the period, starting on its first day
     */
    public static BudgetPeriod month(YearMonth month) {
        return new BudgetPeriod(Kind.MONTHLY, month.atDay(1));
    }

    /**
     * The period as people name it.
     *
     * @return {@code 2026-11-10} for a day, {@code 2026-11} for a month
     */
    public String label() {
        return kind == Kind.DAILY ? start.toString() : YearMonth.from(start).toString();
    }
}
