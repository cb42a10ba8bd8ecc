package dev.vastguard.api;

/**
 * A request the API refuses before or instead of running a use case; answered as a problem with the exception's
 * status, code and detail.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status, 4xx
     * @param code the problem code, for example {@code invalid_request}
     * @param detail what the caller should change; shown to the caller
     */
    public ApiException(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    /**
     * A 400 {@code invalid_request}.
     *
     * @param detail which field is wrong and what is allowed
     * @return the exception
     */
    public static ApiException invalid(String detail) {
        return new ApiException(400, "invalid_request", detail);
    }

    /**
     * A 404 {@code not_found}.
     *
     * @param detail what was not found
     * @return the exception
     */
    public static ApiException notFound(String detail) {
        return new ApiException(404, "not_found", detail);
    }

    /**
     * A 403 {@code forbidden}.
     *
     * @param detail why the caller may not do this
     * @return the exception
     */
    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", detail);
    }

    /**
     * The HTTP status.
     *
     * @return for example 400
     */
    public int status() {
        return status;
    }

    /**
     * The problem code.
     *
     * @return for example {@code invalid_request}
     */
    public String code() {
        return code;
    }

    /**
     * What the caller should change.
     *
     * @return the detail
     */
    public String detail() {
        return getMessage();
    }
}
