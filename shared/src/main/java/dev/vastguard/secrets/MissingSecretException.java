package dev.vastguard.secrets;

/** A team's Vast.ai key could not be read: the secret is missing or empty. The message names the secret only. */
public final class MissingSecretException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param secretId the secret that could not be read
     * @param cause what went wrong, if known
     */
    public MissingSecretException(String secretId, Throwable cause) {
        super("Vast.ai key secret '" + secretId + "' could not be read", cause);
    }
}
