package dev.vastguard.instance;

import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccrualCalculatorTest {

    @Test
    void accrue_runningForAnHour_chargesTheHourlyRate() {
        Instance instance = anInstance("team-a", 1).dph("0.30").build();

        Accrual accrual = AccrualCalculator.accrue(
                instance, Billing.GPU, Instant.parse("2026-11-10T01:00:00Z"), Optional.empty());

        assertThat(accrual.days())
                .containsExactly(new Accrual.DayCost(LocalDate.parse("2026-11-10"), 3600, 0, Money.ofDollars("0.30")));
    }

    @Test
    void accrue_acrossMidnight_splitsExactlyAtTheDayBoundary() {
        Instance instance = anInstance("team-a", 1)
                .dph("0.36")
                .accruedUntil("2026-11-10T23:30:00Z")
                .build();

        Accrual accrual = AccrualCalculator.accrue(
                instance, Billing.GPU, Instant.parse("2026-11-11T00:45:00Z"), Optional.empty());

        assertThat(accrual.days())
                .containsExactly(
                        new Accrual.DayCost(LocalDate.parse("2026-11-10"), 1800, 0, Money.ofDollars("0.18")),
                        new Accrual.DayCost(LocalDate.parse("2026-11-11"), 2700, 0, Money.ofDollars("0.27")));
    }

    @Test
    void accrue_stopped_chargesStorageOnly() {
        Instance instance = anInstance("team-a", 1).storageDph("0.004").build();

        Accrual accrual = AccrualCalculator.accrue(
                instance, Billing.STORAGE, Instant.parse("2026-11-10T10:00:00Z"), Optional.empty());

        assertThat(accrual.days())
                .containsExactly(new Accrual.DayCost(LocalDate.parse("2026-11-10"), 0, 36000, Money.ofDollars("0.04")));
    }

    @Test
    void accrue_offline_chargesNothingButMovesTheWatermark() {
        Instance instance = anInstance("team-a", 1).build();

        Accrual accrual = AccrualCalculator.accrue(
                instance, Billing.NONE, Instant.parse("2026-11-10T05:00:00Z"), Optional.empty());

        assertThat(accrual.days()).isEmpty();
        assertThat(accrual.to()).isEqualTo(Instant.parse("2026-11-10T05:00:00Z"));
    }

    @Test
    void accrue_toBeforeWatermark_isEmptyAndDoesNotMoveBack() {
        Instance instance =
                anInstance("team-a", 1).accruedUntil("2026-11-10T05:00:00Z").build();

        Accrual accrual = AccrualCalculator.accrue(
                instance, Billing.GPU, Instant.parse("2026-11-10T04:00:00Z"), Optional.empty());

        assertThat(accrual.days()).isEmpty();
        assertThat(accrual.to()).isEqualTo(accrual.from());
    }

    @Test
    void accrue_fractionalSeconds_areTruncated() {
        Instance instance = anInstance("team-a", 1).build();

        Accrual accrual = AccrualCalculator.accrue(
                instance, Billing.GPU, Instant.parse("2026-11-10T00:00:10.900Z"), Optional.empty());

        assertThat(accrual.to()).isEqualTo(Instant.parse("2026-11-10T00:00:10Z"));
        assertThat(accrual.days().get(0).gpuSeconds()).isEqualTo(10);
    }

    @Test
    void accrue_gapLongerThanMaxSpan_stopsAtMaxSpan() {
        Instance instance = anInstance("team-a", 1).build();

        Accrual accrual = AccrualCalculator.accrue(
                instance, Billing.GPU, Instant.parse("2027-01-10T00:00:00Z"), Optional.empty());

        assertThat(accrual.to()).isEqualTo(Instant.parse("2026-12-10T00:00:00Z"));
        assertThat(accrual.days()).hasSize(30);
    }
}
