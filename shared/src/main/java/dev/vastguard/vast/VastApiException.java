package dev.vastguard.vast;

import java.util.Optional;

/** Vast.ai answered with an error status. The message names the operation, never the key or headers. */
public class VastApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String errorCode;

    /**
     * Creates the exception.
     *
     * @param message which operation failed, with Vast.ai's {@code msg} if it gave one
     * @param statusCode the HTTP status
     * @param errorCode Vast.ai's {@code error} field, or null
     */
    public VastApiException(String message, int statusCode, String errorCode) {
        super(message);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
    }

    /**
     * The HTTP status Vast.ai answered with.
     *
     * @return for example 404 or 429
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * Vast.ai's {@code error} code, such as {@code no_such_ask}.
     *
     * @return the code, or empty if the body had none
     */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /**
     * Whether sending the same request later may succeed: rate limiting (429) and server errors (5xx).
     *
     * @return true if retryable
     */
    public boolean isRetryable() {
        return statusCode == 429 || statusCode >= 500;
    }

    /**
     * Whether Vast.ai was rate limiting the key.
     *
     * @return true for 429
     */
    public boolean isThrottling() {
        return statusCode == 429;
    }
}
