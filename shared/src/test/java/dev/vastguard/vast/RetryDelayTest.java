package dev.vastguard.vast;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.core.functions.Either;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryDelayTest {

    private final RetryDelay delay = new RetryDelay(Duration.ofSeconds(1));

    @Test
    void backoffMillis_firstFailureWithoutJitter_waitsTheConfiguredBackoff() {
        long millis = delay.backoffMillis(1, 0.0);

        assertThat(millis).isEqualTo(1_000);
    }

    @Test
    void backoffMillis_laterFailures_doubleEachTime() {
        long second = delay.backoffMillis(2, 0.0);
        long third = delay.backoffMillis(3, 0.0);

        assertThat(second).isEqualTo(2_000);
        assertThat(third).isEqualTo(4_000);
    }

    @Test
    void backoffMillis_fullJitter_addsAtMostHalf() {
        long millis = delay.backoffMillis(2, 0.999_999);

        assertThat(millis).isBetween(2_000L, 3_000L);
    }

    @Test
    void backoffMillis_manyFailures_staysAtTheCap() {
        long millis = delay.backoffMillis(60, 0.9);

        assertThat(millis).isEqualTo(RetryDelay.CAP.toMillis());
    }

    @Test
    void thresholdMillis_plainTextHint_readsSeconds() {
        long millis = RetryDelay.thresholdMillis("API requests too frequent: endpoint threshold=4.5");

        assertThat(millis).isEqualTo(4_500);
    }

    @Test
    void thresholdMillis_jsonDetail_readsSeconds() {
        long millis = RetryDelay.thresholdMillis("{\"detail\": \"API requests too frequent endpoint threshold=1.0\"}");

        assertThat(millis).isEqualTo(1_000);
    }

    @Test
    void thresholdMillis_noHint_isZero() {
        long millis = RetryDelay.thresholdMillis("API requests too frequent");

        assertThat(millis).isZero();
    }

    @Test
    void thresholdMillis_hugeHint_isCapped() {
        long millis = RetryDelay.thresholdMillis("threshold=3600");

        assertThat(millis).isEqualTo(30_000);
    }

    @Test
    void apply_rateLimitedWithLongerThreshold_waitsAtLeastTheThreshold() {
        RetryDelay tiny = new RetryDelay(Duration.ofMillis(1));
        VastResponse throttled = new VastResponse(429, "API requests too frequent endpoint threshold=2.0", false);

        long millis = tiny.apply(1, Either.right(throttled));

        assertThat(millis).isEqualTo(2_000);
    }

    @Test
    void apply_serverErrorMentioningThreshold_ignoresTheHint() {
        RetryDelay tiny = new RetryDelay(Duration.ofMillis(1));
        VastResponse failed = new VastResponse(503, "threshold=9", false);

        long millis = tiny.apply(1, Either.right(failed));

        assertThat(millis).isLessThan(2);
    }
}
