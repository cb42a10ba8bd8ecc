package dev.vastguard.admin;

/** An admin request that cannot be carried out as asked; the message tells the caller what to change. */
public final class AdminRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to fix it; shown to the caller
     */
    public AdminRequestException(String message) {
        super(message);
    }
}
