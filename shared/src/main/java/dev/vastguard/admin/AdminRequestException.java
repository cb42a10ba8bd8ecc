package dev.vastguard.admin;

/**
 * An admin request that cannot be carried out as asked; the message tells the caller what to change. Either the
 * request itself is wrong (the API answers 400) or it conflicts with what is stored (409).
 */
public final class AdminRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean conflict;

    /**
     * Creates the exception for a request that is wrong in itself.
     *
     * @param message what is wrong and how to fix it; shown to the caller
     */
    public AdminRequestException(String message) {
        this(message, false);
    }

    private AdminRequestException(String message, boolean conflict) {
        super(message);
        this.conflict = conflict;
    }

    /**
     * Creates the exception for a request that would leave the stored state unusable.
     *
     * @param message what it conflicts with and how to get there instead; shown to the caller
     * @return the exception
     */
    public static AdminRequestException conflict(String message) {
        return new AdminRequestException(message, true);
    }

    /**
     * Whether the request conflicts with the stored state rather than being wrong in itself.
     *
     * @return true for a conflict
     */
    public boolean isConflict() {
        return conflict;
    }
}
