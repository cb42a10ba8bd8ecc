package dev.vastguard.vast;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vastguard.config.Config;
import dev.vastguard.secrets.VastApiKey;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * Makes Vast.ai clients that share one JDK {@link HttpClient} (HTTP/1.1, redirects never followed) and one
 * retry policy: exponential backoff with jitter on 429, 5xx and I/O errors, never for renting an offer.
 */
public final class HttpVastClientFactory implements VastClientFactory {

    private final VastTransport transport;
    private final ObjectMapper mapper;

    private HttpVastClientFactory(VastTransport transport, ObjectMapper mapper) {
        this.transport = transport;
        this.mapper = mapper;
    }

    /**
     * A factory configured from the environment.
     *
     * @param config the configuration: {@code vastApiUrl}, {@code vastTimeout}, {@code vastMaxAttempts} and
     *     {@code vastBackoff}
     * @return the factory
     */
    public static HttpVastClientFactory create(Config config) {
        return create(config.vastApiUrl(), config.vastTimeout(), config.vastMaxAttempts(), config.vastBackoff());
    }

    /**
     * A factory with explicit settings, for tests and the local runner.
     *
     * @param baseUrl the API root, such as {@code https://console.vast.ai}
     * @param timeout the connect timeout and the time allowed for each answer
     * @param maxAttempts how many times a retryable call is sent at most, at least 1
     * @param backoff the first wait before sending again; later waits double, with jitter
     * @return the factory
     * @throws IllegalArgumentException if a duration is not positive or {@code maxAttempts} is below 1
     */
    public static HttpVastClientFactory create(URI baseUrl, Duration timeout, int maxAttempts, Duration backoff) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        requirePositive(timeout, "timeout");
        requirePositive(backoff, "backoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
        RetryConfig retryConfig = RetryConfig.<VastResponse>custom()
                .maxAttempts(maxAttempts)
                .retryOnResult(response -> VastTransport.RETRYABLE_STATUSES.contains(response.status()))
                .retryOnException(VastTransport::isTransient)
                .intervalBiFunction(new RetryDelay(backoff))
                .build();
        VastTransport transport =
                new VastTransport(http, withoutTrailingSlash(baseUrl), timeout, Retry.of("vast", retryConfig));
        return new HttpVastClientFactory(transport, mapper());
    }

    @Override
    public VastClient forKey(VastApiKey key) {
        return new VastHttpClient(transport, Objects.requireNonNull(key, "key"), mapper);
    }

    /** Floats as {@link java.math.BigDecimal}, so prices are read exactly as Vast.ai wrote them. */
    private static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    private static URI withoutTrailingSlash(URI baseUrl) {
        String text = baseUrl.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : baseUrl;
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration: " + duration);
        }
    }
}
