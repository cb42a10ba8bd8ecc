package dev.vastguard.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalClockTest {

    @Test
    void set_thenRealTimePasses_keepsTicking() {
        MutableClock real = MutableClock.at("2026-12-03T19:00:00Z");
        LocalClock clock = new LocalClock(real);

        clock.set(Instant.parse("2026-11-10T00:00:00Z"));
        real.advance(Duration.ofSeconds(5));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-10T00:00:05Z"));
    }

    @Test
    void advance_addsToTheOffset() {
        LocalClock clock = new LocalClock(MutableClock.at("2026-12-03T19:00:00Z"));

        clock.advance(Duration.ofHours(2));
        clock.advance(Duration.ofHours(1));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-03T22:00:00Z"));
    }
}
