package dev.vastguard.instance;

import static dev.vastguard.instance.InstanceTestKit.TEAM;
import static dev.vastguard.testing.Fixtures.aPolicy;
import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettlementTest {

    private final InstanceTestKit kit = new InstanceTestKit(aPolicy().build());
    private final Settlement settlement = new Settlement(kit.fakes.instances);

    @Test
    void settle_running_accruesAtTheRunningRateAndRecordsTheNewState() {
        Instance instance = kit.holding(anInstance("team-a", 1).dph("0.36").build());

        Instance settled = settlement
                .settle(instance, InstanceStatus.STOPPED, Instant.parse("2026-11-10T00:30:00Z"), Optional.empty())
                .instance();

        assertThat(settled.accruedCost()).isEqualTo(Money.ofDollars("0.18"));
        assertThat(settled.status()).isEqualTo(InstanceStatus.STOPPED);
    }

    @Test
    void settle_staleCopyAfterASweep_rereadsAndChargesOnlyTheRest() {
        Instance stale = kit.holding(anInstance("team-a", 1).dph("0.36").build());
        kit.accrued(stale, "2026-11-10T00:20:00Z");

        Instance settled = settlement
                .settle(stale, InstanceStatus.STOPPED, Instant.parse("2026-11-10T00:30:00Z"), Optional.empty())
                .instance();

        assertThat(settled.accruedCost()).isEqualTo(Money.ofDollars("0.18"));
        assertThat(kit.fakes.instances.monthSpend(TEAM, YearMonth.parse("2026-11")))
                .isEqualTo(Money.ofDollars("0.18"));
    }

    @Test
    void settle_destroyedMeanwhile_returnsItAsDestroyed() {
        Instance stale = kit.holding(anInstance("team-a", 1).build());
        kit.fakes.instances.applyAccrual(AccrualCalculator.accrue(
                stale, Billing.GPU, Instant.parse("2026-11-10T00:10:00Z"), Optional.of(InstanceStatus.DESTROYED)));

        Instance settled = settlement
                .settle(stale, InstanceStatus.STOPPED, Instant.parse("2026-11-10T00:30:00Z"), Optional.empty())
                .instance();

        assertThat(settled.status()).isEqualTo(InstanceStatus.DESTROYED);
        assertThat(settled.accruedUntil()).isEqualTo(Instant.parse("2026-11-10T00:10:00Z"));
    }

    @Test
    void settle_sameChangeMadeMeanwhile_reportsItUnchangedSoItIsAuditedOnce() {
        Instance stale = kit.holding(anInstance("team-a", 1).build());
        kit.fakes.instances.applyAccrual(AccrualCalculator.accrue(
                stale, Billing.GPU, Instant.parse("2026-11-10T00:10:00Z"), Optional.of(InstanceStatus.STOPPED)));

        Settlement.Settled settled = settlement.settle(
                stale, InstanceStatus.STOPPED, Instant.parse("2026-11-10T00:10:00Z"), Optional.empty());

        assertThat(settled.changed()).isFalse();
        assertThat(settled.instance().status()).isEqualTo(InstanceStatus.STOPPED);
    }

    @Test
    void settle_destroyedMeanwhileWithinTheSameSecond_isNotChangedAgain() {
        Instance stale = kit.holding(
                anInstance("team-a", 1).accruedUntil("2026-11-10T00:10:00Z").build());
        kit.fakes.instances.applyAccrual(AccrualCalculator.accrue(
                stale, Billing.GPU, Instant.parse("2026-11-10T00:10:00Z"), Optional.of(InstanceStatus.DESTROYED)));

        Settlement.Settled destroyedAgain = settlement.settle(
                stale, InstanceStatus.DESTROYED, Instant.parse("2026-11-10T00:10:00Z"), Optional.empty());
        Settlement.Settled stoppedAfter = settlement.settle(
                stale, InstanceStatus.STOPPED, Instant.parse("2026-11-10T00:10:00Z"), Optional.empty());

        assertThat(destroyedAgain.changed()).isFalse();
        assertThat(stoppedAfter.changed()).isFalse();
        assertThat(stoppedAfter.instance().status()).isEqualTo(InstanceStatus.DESTROYED);
    }

    @Test
    void settle_overSeveralMaximumSpans_changesTheStateOnlyAtTheEnd() {
        Instance instance = kit.holding(anInstance("team-a", 1).dph("0.01").build());

        Instance settled = settlement
                .settle(instance, InstanceStatus.DESTROYED, Instant.parse("2027-02-01T00:00:00Z"), Optional.empty())
                .instance();

        // 83 days of 24 h at $0.01
        assertThat(settled.accruedCost()).isEqualTo(Money.ofDollars("19.92"));
        assertThat(settled.destroyedAt()).contains(Instant.parse("2027-02-01T00:00:00Z"));
    }

    @Test
    void settle_accruedAheadOfNow_recordsTheStateWithoutCharging() {
        Instance ahead = kit.holding(anInstance("team-a", 1)
                .createdAt("2026-11-10T00:00:00Z")
                .accruedUntil("2026-11-10T01:00:00Z")
                .build());

        Instance settled = settlement
                .settle(ahead, InstanceStatus.STOPPED, Instant.parse("2026-11-10T00:59:00Z"), Optional.empty())
                .instance();

        assertThat(settled.status()).isEqualTo(InstanceStatus.STOPPED);
        assertThat(settled.accruedCost()).isEqualTo(Money.ZERO);
    }
}
