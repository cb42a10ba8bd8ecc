package dev.vastguard.sweep;

/** Some of a suspended team's instances could not be stopped or destroyed; the others were. */
final class EnforcementException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EnforcementException(String message) {
        super(message);
    }
}
