package dev.vastguard.instance;

import static dev.vastguard.testing.Fixtures.aPolicy;
import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.instance.Admission.Burn;
import dev.vastguard.money.Money;
import dev.vastguard.platform.Platform;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.TeamState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageTest {

    private static final Team TEAM =
            new Team(InstanceTestKit.TEAM, aPolicy().build(), TeamState.ACTIVE, Optional.empty(), 0, Optional.empty());
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

    @Test
    void read_rentalConfirmedBetweenTheReads_countsItOnce() {
        InstanceTestKit kit = new InstanceTestKit(aPolicy().build());
        Team team = kit.fakes.teams.find(InstanceTestKit.TEAM).orElseThrow();
        Instance rented = anInstance("team-a", 42).dph("0.40").build();
        Reservation pending = InstanceTestKit.reservationFor(rented);
        assertThat(kit.fakes.instances.reserve(pending, team.version(), Money.ZERO))
                .isTrue();
        Platform base = kit.fakes.platform();
        InstanceRepository racing =
                new ConfirmingAfterFirstRead(base.instances(), () -> kit.fakes.instances.confirm(pending, rented));

        Usage usage = Usage.read(withInstances(base, racing), team, NOW);

        assertThat(usage.slotsTaken()).isEqualTo(1);
        assertThat(usage.burnRate()).isEqualTo(Money.ofDollars("0.40"));
    }

    private static Platform withInstances(Platform base, InstanceRepository instances) {
        return new Platform(
                base.config(),
                base.clock(),
                base.teams(),
                base.principals(),
                instances,
                base.ledger(),
                base.audit(),
                base.idempotency(),
                base.keys(),
                base.vast(),
                base.notifier(),
                base.reports());
    }

    /** Lets another request's confirmation land right after the first read, whichever read comes first. */
    private static final class ConfirmingAfterFirstRead implements InstanceRepository {
        private final InstanceRepository delegate;
        private Runnable confirmation;

        ConfirmingAfterFirstRead(InstanceRepository delegate, Runnable confirmation) {
            this.delegate = delegate;
            this.confirmation = confirmation;
        }

        private <T> T thenConfirm(T read) {
            confirmation.run();
            confirmation = () -> {};
            return read;
        }

        @Override
        public Optional<Instance> find(TeamId team, long id) {
            return delegate.find(team, id);
        }

        @Override
        public List<Instance> list(TeamId team) {
            return thenConfirm(delegate.list(team));
        }

        @Override
        public List<Reservation> reservations(TeamId team) {
            return thenConfirm(delegate.reservations(team));
        }

        @Override
        public boolean reserve(Reservation reservation, long expectedTeamVersion, Money expectedDaySpend) {
            return delegate.reserve(reservation, expectedTeamVersion, expectedDaySpend);
        }

        @Override
        public void confirm(Reservation reservation, Instance instance) {
            delegate.confirm(reservation, instance);
        }

        @Override
        public void release(Reservation reservation) {
            delegate.release(reservation);
        }

        @Override
        public boolean adopt(Instance instance) {
            return delegate.adopt(instance);
        }

        @Override
        public Instant failingSince(TeamId team, long instanceId, Instant seenAt) {
            return delegate.failingSince(team, instanceId, seenAt);
        }

        @Override
        public Optional<Instance> applyAccrual(Accrual accrual) {
            return delegate.applyAccrual(accrual);
        }
    }
}
