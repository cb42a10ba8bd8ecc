package dev.vastguard.local.sandbox;

/** A failure the sandbox can inject into matching requests (see {@link SandboxFaults#failNext}). */
public enum Fault {
    /**
     * 429 with the plain-text body Vast.ai sends ({@code API requests too frequent endpoint threshold=...}) and no
     * Retry-After header; the threshold is the endpoint's documented minimum interval.
     */
    RATE_LIMITED,
    /** 500 with a JSON error body; the request is not processed. */
    SERVER_ERROR,
    /** 502 with a JSON error body; the request is not processed. */
    BAD_GATEWAY,
    /** 503 with a JSON error body; the request is not processed. */
    SERVICE_UNAVAILABLE,
    /**
     * The request is not processed; the answer (504) comes only after the timeout delay
     * ({@link SandboxFaults#setTimeoutDelay}), so a client with a shorter timeout gives up first.
     */
    TIMEOUT,
    /** The request is processed (an instance really is created), but the client gets a 504 gateway timeout. */
    CREATE_LOST_RESPONSE,
    /** The request is processed, but the connection is closed before any response is sent. */
    CONNECTION_DROPPED,
    /** The key is refused with {@code auth_error}, with the status the endpoint uses for bad keys (404 or 401). */
    AUTH_ERROR
}
