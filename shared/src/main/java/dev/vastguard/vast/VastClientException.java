package dev.vastguard.vast;

/**
 * No valid answer came from Vast.ai: the connection failed, timed out, or the body could not be read. The
 * message names the operation, never the key or headers.
 */
public class VastClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which operation failed and why
     * @param cause the underlying failure
     */
    public VastClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
