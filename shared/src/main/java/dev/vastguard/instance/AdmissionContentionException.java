package dev.vastguard.instance;

/**
 * A team's usage kept changing while a request was being admitted, so no decision could be written within the
 * allowed attempts. Nothing was rented or changed; the caller may try again shortly (the API answers 503).
 */
public final class AdmissionContentionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be decided, naming the team and never a secret
     */
    public AdmissionContentionException(String message) {
        super(message);
    }
}
