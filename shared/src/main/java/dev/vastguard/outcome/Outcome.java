package dev.vastguard.outcome;

/**
 * The result of a use case: a value, or a denial that tells the caller what to change.
 *
 * <p>Denials are expected outcomes, not exceptions; exceptions are kept for broken infrastructure.
 *
 * @param <T> the value's type
 */
public sealed interface Outcome<T> {

    /**
     * Success.
     *
     * @param value the value
     * @param <T> the value's type
     */
    record Ok<T>(T value) implements Outcome<T> {}

    /**
     * A denial.
     *
     * @param code why
     * @param detail what the caller should change, in plain words (for a budget denial: what is left and what
     *     the request would cost)
     * @param <T> the value type the use case would have returned
     */
    record Denied<T>(DenialCode code, String detail) implements Outcome<T> {}

    /**
     * Wraps a value.
     *
     * @param value the value
     * @param <T> its type
     * @return the success
     */
    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    /**
     * Builds a denial.
     *
     * @param code why
     * @param detail what to change
     * @param <T> the value type
     * @return the denial
     */
    static <T> Outcome<T> denied(DenialCode code, String detail) {
        return new Denied<>(code, detail);
    }
}
