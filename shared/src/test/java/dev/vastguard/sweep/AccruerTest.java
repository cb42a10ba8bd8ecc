package dev.vastguard.sweep;

import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.instance.AccrualCalculator;
import dev.vastguard.instance.Billing;
import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.TestPlatform;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccruerTest {

    private final TestPlatform test = new TestPlatform();
    private final RecordingInstances instances = new RecordingInstances(test.instances);
    private final Accruer accruer = new Accruer(instances);
    private final Instance instance = anInstance("team-a", 1).build();

    @Test
    void accrue_whenAConcurrentAccrualWins_carriesOnFromWhereItLeftOff() {
        test.instances.adopt(instance);
        instances.beforeNextAccrual(() -> test.instances.applyAccrual(
                AccrualCalculator.accrue(instance, Billing.GPU, at("2026-11-10T01:00:00Z"), Optional.empty())));

        Accruer.Result result = accruer.accrue(instance, Billing.GPU, at("2026-11-10T03:00:00Z"), Optional.empty());

        assertThat(result.added()).isEqualTo(Money.ofDollars("0.60"));
        assertThat(result.instance().accruedCost()).isEqualTo(Money.ofDollars("0.90"));
        assertThat(test.instances.daySpend(TeamId.of("team-a"), LocalDate.parse("2026-11-10")))
                .isEqualTo(Money.ofDollars("0.90"));
    }

    @Test
    void accrue_whenDestroyedMeanwhile_leavesItDestroyed() {
        test.instances.adopt(instance);
        instances.beforeNextAccrual(() -> test.instances.applyAccrual(AccrualCalculator.accrue(
                instance, Billing.GPU, at("2026-11-10T01:00:00Z"), Optional.of(InstanceStatus.DESTROYED))));

        Accruer.Result result =
                accruer.accrue(instance, Billing.GPU, at("2026-11-10T03:00:00Z"), Optional.of(InstanceStatus.STOPPED));

        assertThat(result.statusChanged()).isFalse();
        assertThat(result.instance().status()).isEqualTo(InstanceStatus.DESTROYED);
        assertThat(result.instance().accruedUntil()).isEqualTo(at("2026-11-10T01:00:00Z"));
    }

    @Test
    void accrue_nothingToAdd_writesNothing() {
        test.instances.adopt(instance);

        Accruer.Result result =
                accruer.accrue(instance, Billing.GPU, instance.accruedUntil(), Optional.of(InstanceStatus.RUNNING));

        assertThat(instances.writes()).isZero();
        assertThat(result.added()).isEqualTo(Money.ZERO);
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
