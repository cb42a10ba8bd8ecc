package dev.vastguard.vast;

/**
 * Vast.ai refused the team's key ({@code "error": "auth_error"}, which it sends with 401, 403 or even 404).
 * The fix is a valid key in the team's secret.
 */
public final class VastAuthException extends VastApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param operation which operation was refused
     * @param statusCode the HTTP status
     */
    public VastAuthException(String operation, int statusCode) {
        super(
                operation + ": Vast.ai refused the team's API key (auth_error); put a valid key in the team's secret",
                statusCode,
                "auth_error");
    }
}
