package dev.vastguard.vast;

import dev.vastguard.secrets.VastApiKey;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends calls to Vast.ai over the shared {@link HttpClient}, with the key in the {@code Authorization} header
 * only, and retries the calls that may be repeated. Nothing here logs a header, a body or the key.
 */
final class VastTransport {

    /** 429 and the server errors that usually clear: worth sending again. */
    static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 500, 502, 503, 504);

    private static final Logger LOG = LoggerFactory.getLogger(VastTransport.class);
    private static final String USER_AGENT = "vastguard/0.1";

    private final HttpClient http;
    private final URI baseUrl;
    private final Duration timeout;
    private final Retry retry;

    VastTransport(HttpClient http, URI baseUrl, Duration timeout, Retry retry) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.retry = retry;
    }

    /**
     * Sends a call and returns the last answer, whatever its status.
     *
     * @param key the account's key
     * @param call the call
     * @param retryable whether to send again after a 429, a 5xx or an I/O error; false for calls that must
     *     not be repeated, such as renting an offer
     * @return the answer of the last attempt
     * @throws VastClientException if no answer came (I/O error, timeout, interruption)
     */
    VastResponse send(VastApiKey key, VastCall call, boolean retryable) {
        HttpRequest request = toRequest(key, call);
        Attempts attempts = new Attempts();
        if (!retryable) {
            return attempt(call, request, attempts);
        }
        try {
            return retry.executeSupplier(() -> attempt(call, request, attempts));
        } catch (CancellationException e) {
            throw new VastClientException(call.operation() + ": interrupted while waiting to retry", e);
        }
    }

    /** Whether a failed attempt is worth repeating: only when no answer came, never after an interruption. */
    static boolean isTransient(Throwable failure) {
        return failure instanceof VastClientException && failure.getCause() instanceof IOException;
    }

    private VastResponse attempt(VastCall call, HttpRequest request, Attempts attempts) {
        boolean uncertainBefore = attempts.uncertain;
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if (RETRYABLE_STATUSES.contains(status)) {
                LOG.debug("Vast.ai answered {} with HTTP {}", call.operation(), status);
            }
            attempts.uncertain |= status >= 500;
            return new VastResponse(status, response.body() == null ? "" : response.body(), uncertainBefore);
        } catch (IOException e) {
            attempts.uncertain = true;
            LOG.debug(
                    "No answer from Vast.ai to {}: {}",
                    call.operation(),
                    e.getClass().getSimpleName());
            throw new VastClientException(call.operation() + ": no answer from Vast.ai (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VastClientException(call.operation() + ": interrupted while waiting for Vast.ai", e);
        }
    }

    @SuppressWarnings("UnusedException") // the JDK's message could quote the key, so it is left out
    private HttpRequest toRequest(VastApiKey key, VastCall call) {
        String target = call.path() + (call.query().isEmpty() ? "" : "?" + call.query());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + target))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        try {
            builder.header("Authorization", "Bearer " + key.value().strip());
        } catch (IllegalArgumentException e) {
            throw new VastClientException(
                    call.operation() + ": the API key has characters a header cannot carry", null);
        }
        if (call.body().isPresent()) {
            builder.header("Content-Type", "application/json")
                    .method(
                            call.method(),
                            HttpRequest.BodyPublishers.ofString(call.body().get(), StandardCharsets.UTF_8));
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** What the attempts of one call have seen so far. */
    private static final class Attempts {
        private boolean uncertain;
    }
}
