package dev.vastguard.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vastguard.instance.AdmissionContentionException;
import dev.vastguard.outcome.DenialCode;
import dev.vastguard.secrets.MissingSecretException;
import dev.vastguard.vast.VastApiException;
import dev.vastguard.vast.VastAuthException;
import dev.vastguard.vast.VastClientException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every way a request can fail into an {@code application/problem+json} answer: one mapping for both API
 * functions, so the same failure always looks the same to a caller.
 */
final class Problems {

    /** Seconds a caller should wait before retrying when Vast.ai is rate limiting or unreachable. */
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private static final String TYPE_BASE = "https://vastguard.dev/problems/";

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("invalid_request", "Invalid request"),
            Map.entry("payload_too_large", "Payload too large"),
            Map.entry("unknown_principal", "Unknown principal"),
            Map.entry("forbidden", "Forbidden"),
            Map.entry("gpu_not_allowed", "GPU not allowed"),
            Map.entry("price_cap_exceeded", "Price cap exceeded"),
            Map.entry("instance_limit_reached", "Instance limit reached"),
            Map.entry("budget_exhausted", "Budget exhausted"),
            Map.entry("team_suspended", "Team suspended"),
            Map.entry("not_found", "Not found"),
            Map.entry("idempotency_conflict", "Idempotency conflict"),
            Map.entry("no_matching_offer", "No matching offer"),
            Map.entry("invalid_state", "Invalid state"),
            Map.entry("vast_error", "Vast.ai error"),
            Map.entry("vast_unavailable", "Vast.ai unavailable"),
            Map.entry("internal_error", "Internal error"));

    private Problems() {}

    /**
     * A problem answer.
     *
     * @param status the HTTP status
     * @param code the problem code
     * @param detail what the caller should change
     * @return the response
     */
    static ApiResponse of(int status, String code, String detail) {
        ObjectNode problem = Json.newObject();
        problem.put("type", TYPE_BASE + code);
        problem.put("title", TITLES.getOrDefault(code, code));
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        return new ApiResponse(status, Map.of("Content-Type", ApiResponse.PROBLEM_JSON), Json.write(problem));
    }

    /**
     * The answer to a business denial.
     *
     * @param code the denial
     * @param detail the use case's explanation
     * @return the response
     */
    static ApiResponse denial(DenialCode code, String detail) {
        return of(statusOf(code), code.wireName(), detail);
    }

    /**
     * The HTTP status of a denial, as the contract lists it.
     *
     * @param code the denial
     * @return 403, 404 or 409
     */
    static int statusOf(DenialCode code) {
        return switch (code) {
            case GPU_NOT_ALLOWED, TEAM_SUSPENDED, INSTANCE_LIMIT_REACHED, PRICE_CAP_EXCEEDED, BUDGET_EXHAUSTED -> 403;
            case NOT_FOUND -> 404;
            case NO_MATCHING_OFFER, INVALID_STATE -> 409;
        };
    }

    /**
     * The answer to an exception thrown while handling a request. Unexpected exceptions are logged once, here,
     * and answered 500 with a generic detail that holds nothing from the exception.
     *
     * @param failure what was thrown
     * @param requestId the AWS request id, for finding the log line
     * @param route the route being handled, for the log line
     * @return the response
     */
    static ApiResponse fromException(RuntimeException failure, String requestId, String route) {
        return switch (failure) {
            case ApiException e -> of(e.status(), e.code(), e.detail());
            case VastAuthException e ->
                of(
                        502,
                        "vast_error",
                        "Vast.ai refused the team's API key; an admin must put a valid key in the team's secret");
            case VastApiException e when e.isThrottling() -> unavailable("Vast.ai is rate limiting the team's key");
            case VastApiException e ->
                of(
                        502,
                        "vast_error",
                        "Vast.ai answered with an error (HTTP " + e.statusCode()
                                + e.errorCode().map(code -> ", " + code).orElse("") + ")");
            case VastClientException e -> unavailable("Vast.ai could not be reached");
            case MissingSecretException e ->
                of(502, "vast_error", e.getMessage() + "; an admin must store the team's Vast.ai key in it");
            case AdmissionContentionException e ->
                // The contract has one 503 code; the detail says it is the team's own traffic, not Vast.ai.
                unavailable("too many requests for this team are being admitted at once");
            default -> internalError(failure, requestId, route);
        };
    }

    private static ApiResponse unavailable(String why) {
        return of(503, "vast_unavailable", why + "; retry after " + RETRY_AFTER_SECONDS + " seconds")
                .withHeader("Retry-After", RETRY_AFTER_SECONDS);
    }

    private static ApiResponse internalError(RuntimeException failure, String requestId, String route) {
        LOG.error("unexpected failure on {} (request {})", route, requestId, failure);
        return of(
                500,
                "internal_error",
                "vastguard failed unexpectedly; quote request id " + requestId + " when reporting this");
    }
}
