package dev.vastguard.local.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-11-10T22:00:00Z");
    private static final Billing.Rates RATES = new Billing.Rates(new BigDecimal("0.36"), new BigDecimal("0.005"));

    @Test
    void phaseAt_afterCreation_goesFromNullThroughLoadingToRunning() {
        Timeline timeline = new Timeline(T0, BootTimes.DEFAULT);

        assertThat(timeline.phaseAt(T0.plusSeconds(9))).isEqualTo(Phase.PROVISIONING);
        assertThat(timeline.phaseAt(T0.plusSeconds(10))).isEqualTo(Phase.LOADING);
        assertThat(timeline.phaseAt(T0.plusSeconds(59))).isEqualTo(Phase.LOADING);
        assertThat(timeline.phaseAt(T0.plusSeconds(60))).isEqualTo(Phase.RUNNING);
    }

    @Test
    void phaseAt_stoppedDuringLoading_staysStoppedAfterBootWouldHaveEnded() {
        Timeline timeline = new Timeline(T0, BootTimes.DEFAULT);

        timeline.stop(T0.plusSeconds(30));

        assertThat(timeline.phaseAt(T0.plusSeconds(3600))).isEqualTo(Phase.STOPPED);
    }

    @Test
    void phaseAt_startedWithSchedulingDelay_schedulesThenRuns() {
        Timeline timeline = new Timeline(T0, BootTimes.DEFAULT);
        timeline.stop(T0.plusSeconds(100));

        timeline.start(T0.plusSeconds(200), Duration.ofSeconds(30));

        assertThat(timeline.phaseAt(T0.plusSeconds(229))).isEqualTo(Phase.SCHEDULING);
        assertThat(timeline.phaseAt(T0.plusSeconds(230))).isEqualTo(Phase.RUNNING);
    }

    @Test
    void cost_acrossStopStartOfflineAndThirtyHourJump_isExact() {
        Timeline timeline = scenario();

        BigDecimal cost = Billing.cost(timeline.slices(T0.plus(Duration.ofMinutes(33 * 60 + 30))), RATES);

        // 60 s storage + 3540 s running + 1 h stopped + 1 h running + 30 min offline + 30 h running
        assertThat(cost).isEqualByComparingTo("11.679");
    }

    @Test
    void byDay_scenario_splitsAtUtcMidnights() {
        Timeline timeline = scenario();

        SortedMap<LocalDate, Billing.DayUsage> days =
                Billing.byDay(timeline.slices(T0.plus(Duration.ofMinutes(33 * 60 + 30))));

        assertThat(days.keySet())
                .containsExactly(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 11), LocalDate.of(2026, 11, 12));
        assertThat(days.get(LocalDate.of(2026, 11, 10)).cost(RATES)).isEqualByComparingTo("0.364");
        assertThat(days.get(LocalDate.of(2026, 11, 11)).cost(RATES)).isEqualByComparingTo("8.5775");
        assertThat(days.get(LocalDate.of(2026, 11, 12)).cost(RATES)).isEqualByComparingTo("2.7375");
        assertThat(days.get(LocalDate.of(2026, 11, 11)).gpuSeconds()).isEqualTo(84_600);
        assertThat(days.get(LocalDate.of(2026, 11, 11)).storageSeconds()).isEqualTo(84_600);
    }

    @Test
    void slices_afterDestroy_stopAtDestruction() {
        Timeline timeline = new Timeline(T0, BootTimes.DEFAULT);
        timeline.destroy(T0.plusSeconds(600));

        BigDecimal cost = Billing.cost(timeline.slices(T0.plus(Duration.ofDays(3))), RATES);

        // 60 s at storage, 540 s at dph_total 0.365
        assertThat(cost).isEqualByComparingTo(Billing.dollars(new BigDecimal("197.4")));
    }

    @Test
    void stop_whenClockMovedBackwards_neverRewritesHistory() {
        Timeline timeline = new Timeline(T0, BootTimes.DEFAULT);
        timeline.stop(T0.plusSeconds(3600));

        timeline.start(T0.plusSeconds(10), Duration.ZERO);

        assertThat(timeline.phaseAt(T0.plusSeconds(1800))).isEqualTo(Phase.RUNNING);
        assertThat(timeline.phaseAt(T0.plusSeconds(3600))).isEqualTo(Phase.RUNNING);
    }

    private static Timeline scenario() {
        Timeline timeline = new Timeline(T0, BootTimes.DEFAULT);
        timeline.stop(T0.plus(Duration.ofHours(1)));
        timeline.start(T0.plus(Duration.ofHours(2)), Duration.ZERO);
        timeline.hostOffline(T0.plus(Duration.ofHours(3)), true);
        timeline.hostOffline(T0.plus(Duration.ofMinutes(210)), false);
        return timeline;
    }
}
