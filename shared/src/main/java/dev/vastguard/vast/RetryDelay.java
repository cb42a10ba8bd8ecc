package dev.vastguard.vast;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long to wait before the next attempt: exponential backoff from the configured first delay, doubled per
 * attempt, plus up to half as much again as jitter. Vast.ai sends no {@code Retry-After} header, but its 429
 * bodies often name the endpoint's minimum interval ({@code threshold=1.0}); the wait is then at least that.
 */
final class RetryDelay implements IntervalBiFunction<VastResponse> {

    /** The longest wait, also the cap on a {@code threshold=} hint. */
    static final Duration CAP = Duration.ofSeconds(30);

    private static final Pattern THRESHOLD = Pattern.compile("threshold\\s*=\\s*([0-9]{1,6}(?:\\.[0-9]{1,9})?)");
    private static final int MAX_DOUBLINGS = 20;

    private final long firstMillis;
    private final long capMillis;

    RetryDelay(Duration first) {
        this.firstMillis = Math.max(0, first.toMillis());
        this.capMillis = Math.max(CAP.toMillis(), firstMillis);
    }

    @Override
    public Long apply(Integer failedAttempts, Either<Throwable, VastResponse> outcome) {
        long delay = backoffMillis(failedAttempts, ThreadLocalRandom.current().nextDouble());
        if (outcome.isRight() && outcome.get().status() == 429) {
            delay = Math.max(delay, thresholdMillis(outcome.get().body()));
        }
        return delay;
    }

    /**
     * The backoff after a number of failed attempts.
     *
     * @param failedAttempts how many attempts failed so far, at least 1
     * @param jitter a number in [0, 1) that picks the extra wait
     * @return milliseconds, between the exponential delay and 1.5 times it, at most the cap
     */
    long backoffMillis(int failedAttempts, double jitter) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), MAX_DOUBLINGS);
        long base = Math.min(capMillis, firstMillis << doublings);
        long extra = (long) (base * 0.5 * jitter);
        return Math.min(capMillis, base + extra);
    }

    /**
     * The minimum interval a 429 body asks for.
     *
     * @param body the 429 body, plain text or JSON
     * @return milliseconds from {@code threshold=<seconds>}, capped at {@link #CAP}; 0 if the body names none
     */
    static long thresholdMillis(String body) {
        Matcher matcher = THRESHOLD.matcher(body == null ? "" : body);
        if (!matcher.find()) {
            return 0;
        }
        long millis = new BigDecimal(matcher.group(1))
                .movePointRight(3)
                .setScale(0, RoundingMode.CEILING)
                .longValue();
        return Math.min(millis, CAP.toMillis());
    }
}
