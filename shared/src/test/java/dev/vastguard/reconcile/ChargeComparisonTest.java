package dev.vastguard.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.ledger.ChargeCheck;
import dev.vastguard.ledger.LedgerLine;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import dev.vastguard.vast.VastCharge;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChargeComparisonTest {

    private static final TeamId TEAM = TeamId.of("ml");
    private static final LocalDate DAY = LocalDate.parse("2026-11-10");
    private static final Instant AT = Instant.parse("2026-11-11T00:30:00Z");

    @Test
    void compare_bothSides_sumsPerInstanceToTheMicroDollarAndKeepsOnlyTheDay() {
        List<LedgerLine> lines = List.of(
                line(DAY, 1, "4.321987"),
                line(DAY, 2, "0.000001"),
                line(DAY, 3, "1.25"),
                line(DAY.minusDays(1), 1, "9.99"),
                line(DAY.plusDays(1), 1, "9.99"));
        List<VastCharge> charges = List.of(
                charge("2026-11-10T00:00:00Z", 1, "4.322"),
                charge("2026-11-10T00:00:00Z", 2, "0.000"),
                charge("2026-11-10T08:00:00Z", 4, "0.125"),
                charge("2026-11-10T20:00:00Z", 4, "0.002"),
                charge("2026-11-09T00:00:00Z", 1, "7.00"),
                charge("2026-11-11T00:00:00Z", 3, "7.00"));

        ChargeCheck check = ChargeComparison.compare(TEAM, DAY, lines, charges, AT);

        assertThat(check.instances())
                .containsExactly(
                        perInstance(1, "4.321987", "4.322"),
                        perInstance(2, "0.000001", "0"),
                        perInstance(3, "1.25", "0"),
                        perInstance(4, "0", "0.127"));
        assertThat(check.ledger()).isEqualTo(Money.ofDollars("5.571988"));
        assertThat(check.charged()).isEqualTo(Money.ofDollars("4.449"));
        assertThat(check.difference()).isEqualTo(Money.ofDollars("-1.122988"));
        assertThat(check.instances().get(0).difference()).isEqualTo(Money.ofMicros(13));
        assertThat(check.team()).isEqualTo(TEAM);
        assertThat(check.day()).isEqualTo(DAY);
        assertThat(check.checkedAt()).isEqualTo(AT);
    }

    @Test
    void compare_nothingOnEitherSide_isAnEmptyCheckOfZero() {
        ChargeCheck check = ChargeComparison.compare(TEAM, DAY, List.of(), List.of(), AT);

        assertThat(check.instances()).isEmpty();
        assertThat(check.ledger()).isEqualTo(Money.ZERO);
        assertThat(check.charged()).isEqualTo(Money.ZERO);
        assertThat(check.difference()).isEqualTo(Money.ZERO);
    }

    private static LedgerLine line(LocalDate day, long instanceId, String cost) {
        return new LedgerLine(TEAM, day, instanceId, "RTX 4090", 1, 3600, 0, Money.ofDollars(cost));
    }

    private static VastCharge charge(String start, long instanceId, String amount) {
        Instant from = Instant.parse(start);
        return new VastCharge(instanceId, from, from.plusSeconds(3600), Money.ofDollars(amount), List.of());
    }

    private static ChargeCheck.PerInstance perInstance(long id, String ledger, String charged) {
        return new ChargeCheck.PerInstance(id, Money.ofDollars(ledger), Money.ofDollars(charged));
    }
}
