package dev.vastguard.instance;

import static dev.vastguard.testing.Fixtures.aPolicy;
import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.instance.Admission.Burn;
import dev.vastguard.money.Money;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageTest {

    private static final Team TEAM =
            new Team(InstanceTestKit.TEAM, aPolicy().build(), TeamState.ACTIVE, Optional.empty(), 0);
    private static final Instant NOW = Instant.parse("2026-11-10T10:00:00Z");

    private static Reservation reservation(String tag, String dph) {
        return new Reservation(
                InstanceTestKit.TEAM,
                tag,
                "RTX 4090",
                1,
                Money.ofDollars(dph),
                Money.ofDollars("0.004"),
                Optional.empty(),
                NOW);
    }

    private static Usage usage(List<Instance> instances, List<Reservation> reservations) {
        return new Usage(TEAM, NOW, Money.ZERO, Optional.empty(), instances, reservations);
    }

    @Test
    void slotsTaken_startReservation_doesNotTakeASecondSlot() {
        Usage usage = usage(
                List.of(anInstance("team-a", 7).status(InstanceStatus.STOPPED).build()),
                List.of(reservation(Usage.startTag(7), "0.30"), reservation("vastguard:team-a:ab", "0.20")));

        assertThat(usage.slotsTaken()).isEqualTo(2);
    }

    @Test
    void burnRate_mixedStates_addsCurrentRatesAndPendingRentals() {
        Usage usage = usage(
                List.of(
                        anInstance("team-a", 1).dph("0.30").build(),
                        anInstance("team-a", 2)
                                .status(InstanceStatus.PROVISIONING)
                                .storageDph("0.004")
                                .build(),
                        anInstance("team-a", 3).status(InstanceStatus.UNKNOWN).build()),
                List.of(reservation("vastguard:team-a:ab", "0.20"), reservation(Usage.startTag(3), "0.30")));

        assertThat(usage.burnRate()).isEqualTo(Money.ofDollars("0.504"));
    }

    @Test
    void admissionRate_provisioning_countsTheFullRateItIsAboutToRunAt() {
        Instance provisioning = anInstance("team-a", 1)
                .status(InstanceStatus.PROVISIONING)
                .dph("0.30")
                .build();

        assertThat(Usage.admissionRate(provisioning)).isEqualTo(Money.ofDollars("0.30"));
    }

    @Test
    void admissionRate_stopped_countsStorage() {
        Instance stopped = anInstance("team-a", 1)
                .status(InstanceStatus.STOPPED)
                .storageDph("0.004")
                .build();

        assertThat(Usage.admissionRate(stopped)).isEqualTo(Money.ofDollars("0.004"));
    }

    @Test
    void burnsExcept_instanceBeingStarted_leavesItOut() {
        Usage usage = usage(
                List.of(anInstance("team-a", 1).build(), anInstance("team-a", 2).build()),
                List.of(reservation("vastguard:team-a:ab", "0.20")));

        List<Burn> burns = usage.burnsExcept(1);

        assertThat(burns).hasSize(2);
        assertThat(usage.burns()).hasSize(3);
    }
}
