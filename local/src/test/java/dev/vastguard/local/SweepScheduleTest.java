package dev.vastguard.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SweepScheduleTest {

    @Test
    void nextSweepAfter_hourly_isTheNextTopOfTheHour() {
        assertThat(SweepSchedule.nextSweepAfter(Instant.parse("2026-11-10T03:20:00Z"), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-11-10T04:00:00Z"));
    }

    @Test
    void nextSweepAfter_exactlyOnASweepTime_isTheFollowingOne() {
        assertThat(SweepSchedule.nextSweepAfter(Instant.parse("2026-11-10T04:00:00Z"), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-11-10T05:00:00Z"));
    }

    @Test
    void nextSweepAfter_intervalNotDividingADay_restartsAtMidnight() {
        assertThat(SweepSchedule.nextSweepAfter(Instant.parse("2026-11-10T22:00:00Z"), Duration.ofHours(7)))
                .isEqualTo(Instant.parse("2026-11-11T00:00:00Z"));
    }

    @Test
    void nextSweepAfter_fifteenMinutes_countsFromMidnight() {
        assertThat(SweepSchedule.nextSweepAfter(Instant.parse("2026-11-10T00:16:00Z"), Duration.ofMinutes(15)))
                .isEqualTo(Instant.parse("2026-11-10T00:30:00Z"));
    }

    @Test
    void nextReportAfter_beforeTwoOnTheFirst_isThatMorning() {
        assertThat(SweepSchedule.nextReportAfter(Instant.parse("2026-12-01T01:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T02:00:00Z"));
    }

    @Test
    void nextReportAfter_midMonth_isTheFirstOfNextMonth() {
        assertThat(SweepSchedule.nextReportAfter(Instant.parse("2026-11-10T03:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T02:00:00Z"));
    }

    @Test
    void nextReconcileAfter_beforeHalfPastMidnight_isThatNight() {
        assertThat(SweepSchedule.nextReconcileAfter(Instant.parse("2026-11-10T00:29:59Z")))
                .isEqualTo(Instant.parse("2026-11-10T00:30:00Z"));
    }

    @Test
    void nextReconcileAfter_atHalfPastMidnight_isTheNextNight() {
        assertThat(SweepSchedule.nextReconcileAfter(Instant.parse("2026-11-10T00:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-11T00:30:00Z"));
    }
}
