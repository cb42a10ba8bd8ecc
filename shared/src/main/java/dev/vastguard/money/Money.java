package dev.vastguard.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact amount of US dollars, held as a whole number of micro-dollars (one millionth of a dollar).
 *
 * <p>Every money figure in vastguard is a {@code Money}; doubles never carry money. Six decimals match the
 * precision the API contract allows, so converting to and from the wire is exact.
 *
 * @param micros the amount in micro-dollars; may be negative for differences
 */
public record Money(long micros) implements Comparable<Money> {

    /** Zero dollars. */
    public static final Money ZERO = new Money(0);

    private static final int SCALE = 6;

    /**
     * Reads a dollar amount that has at most six decimals.
     *
     * @param dollars the amount, for example {@code 12.345}
     * @return the exact amount
     * @throws ArithmeticException if the amount has more than six decimals or does not fit
     */
    public static Money ofDollars(BigDecimal dollars) {
        return new Money(dollars.movePointRight(SCALE).longValueExact());
    }

    /**
     * Reads a dollar amount written as a decimal string, for example {@code "4.00"}.
     *
     * @param dollars the decimal text
     * @return the exact amount
     * @throws NumberFormatException if the text is not a decimal number
     * @throws ArithmeticException if the amount has more than six decimals or does not fit
     */
    public static Money ofDollars(String dollars) {
        return ofDollars(new BigDecimal(dollars));
    }

    /**
     * Reads a dollar amount that may carry more than six decimals (as Vast.ai prices do), rounding half-even to
     * the micro-dollar.
     *
     * @param dollars the amount
     * @return the amount, rounded
     * @throws ArithmeticException if the amount does not fit
     */
    public static Money ofDollarsRounded(BigDecimal dollars) {
        return new Money(dollars.setScale(SCALE, RoundingMode.HALF_EVEN)
                .movePointRight(SCALE)
                .longValueExact());
    }

    /**
     * Builds an amount from micro-dollars.
     *
     * @param micros the amount in micro-dollars
     * @return the amount
     */
    public static Money ofMicros(long micros) {
        return new Money(micros);
    }

    /**
     * The cost of running at an hourly rate for a number of seconds, rounded half-even to the micro-dollar.
     *
     * @param hourlyRate the rate in dollars per hour
     * @param seconds how long, in seconds; not negative
     * @return the cost
     */
    public static Money forSeconds(Money hourlyRate, long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must not be negative: " + seconds);
        }
        BigDecimal cost = BigDecimal.valueOf(hourlyRate.micros)
                .multiply(BigDecimal.valueOf(seconds))
                .divide(BigDecimal.valueOf(3600), 0, RoundingMode.HALF_EVEN);
        return new Money(cost.longValueExact());
    }

    /**
     * The amount in dollars with exactly six decimals.
     *
     * @return the dollars
     */
    public BigDecimal toDollars() {
        return BigDecimal.valueOf(micros, SCALE);
    }

    /**
     * The amount as plain decimal text without trailing zeros beyond the cents, for CSV files and messages.
     *
     * @return for example {@code "12.50"} or {@code "0.000278"}
     */
    public String toPlainString() {
        BigDecimal stripped = toDollars().stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2).toPlainString() : stripped.toPlainString();
    }

    /**
     * Adds another amount.
     *
     * @param other the amount to add
     * @return the sum
     * @throws ArithmeticException on overflow
     */
    public Money plus(Money other) {
        return new Money(Math.addExact(micros, other.micros));
    }

    /**
     * Subtracts another amount.
     *
     * @param other the amount to subtract
     * @return the difference
     * @throws ArithmeticException on overflow
     */
    public Money minus(Money other) {
        return new Money(Math.subtractExact(micros, other.micros));
    }

    /**
     * Multiplies by a whole number.
     *
     * @param factor the factor
     * @return the product
     * @throws ArithmeticException on overflow
     */
    public Money times(long factor) {
        return new Money(Math.multiplyExact(micros, factor));
    }

    /**
     * Whether this amount is below zero.
     *
     * @return true for negative amounts
     */
    public boolean isNegative() {
        return micros < 0;
    }

    /**
     * The larger of this amount and zero.
     *
     * @return this amount, or zero if it is negative
     */
    public Money atLeastZero() {
        return micros < 0 ? ZERO : this;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(micros, other.micros);
    }

    @Override
    public String toString() {
        return "$" + toPlainString();
    }
}
