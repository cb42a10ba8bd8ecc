package dev.vastguard.instance;

import static dev.vastguard.instance.InstanceTestKit.PRINCIPAL;
import static dev.vastguard.instance.InstanceTestKit.TEAM;
import static dev.vastguard.testing.Fixtures.aPolicy;
import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.audit.AuditEvent;
import dev.vastguard.money.Money;
import dev.vastguard.outcome.DenialCode;
import dev.vastguard.outcome.Outcome;
import dev.vastguard.testing.FakeVast.Operation;
import dev.vastguard.vast.VastApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StartingTest {

    private InstanceTestKit kit = new InstanceTestKit(aPolicy().build());

    private static Instance ok(Outcome<Instance> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Ok.class);
        return ((Outcome.Ok<Instance>) outcome).value();
    }

    private static Outcome.Denied<Instance> denied(Outcome<Instance> outcome, DenialCode code) {
        assertThat(outcome).isInstanceOf(Outcome.Denied.class);
        Outcome.Denied<Instance> denial = (Outcome.Denied<Instance>) outcome;
        assertThat(denial.code()).isEqualTo(code);
        return denial;
    }

    private Instance stopped(long id) {
        return kit.holding(anInstance("team-a", id)
                .status(InstanceStatus.STOPPED)
                .dph("0.30")
                .storageDph("0.004")
                .build());
    }

    @Test
    void start_stoppedWithinBudget_startsAtVastAndAccruesStorageUpToNow() {
        stopped(7);
        kit.at("2026-11-10T10:00:00Z");

        Instance started = ok(kit.service().start(TEAM, PRINCIPAL, 7));

        assertThat(started.status()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(started.accruedCost()).isEqualTo(Money.ofDollars("0.04"));
        assertThat(started.accruedUntil()).isEqualTo(Instant.parse("2026-11-10T10:00:00Z"));
        assertThat(kit.atVast(7).orElseThrow().actualStatus()).contains("running");
        assertThat(kit.fakes.instances.reservations(TEAM)).isEmpty();
    }

    @Test
    void start_destroyedOutsideVastguard_isInvalidStateAndReleasesItsReservation() {
        Instance instance = stopped(7);
        kit.fakes.vast.remove(InstanceTestKit.KEY, 7);
        kit.at("2026-11-10T10:00:00Z");

        Outcome.Denied<Instance> denial = denied(kit.service().start(TEAM, PRINCIPAL, 7), DenialCode.INVALID_STATE);

        assertThat(denial.detail()).contains("no longer exists at Vast.ai");
        assertThat(kit.stored(7)).isEqualTo(instance);
        assertThat(kit.fakes.instances.reservations(TEAM)).isEmpty();
    }

    @Test
    void start_stoppedWithinBudget_auditsTheRate() {
        stopped(7);

        kit.service().start(TEAM, PRINCIPAL, 7);

        AuditEvent event = kit.audited(AuditAction.START).get(0);
        assertThat(event.amount()).contains(Money.ofDollars("0.30"));
        assertThat(event.instanceId()).contains(7L);
    }

    @Test
    void start_afterAStop_isAdmittedAndBillsEachStateAtItsRate() {
        kit.holding(anInstance("team-a", 7).dph("0.30").storageDph("0.004").build());
        DefaultInstanceService service = kit.service();
        kit.at("2026-11-10T01:00:00Z");
        service.stop(TEAM, PRINCIPAL, 7);
        kit.at("2026-11-10T02:00:00Z");

        Instance started = ok(service.start(TEAM, PRINCIPAL, 7));

        assertThat(started.status()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(started.accruedCost()).isEqualTo(Money.ofDollars("0.304"));
    }

    @Test
    void start_teamSuspended_deniesTeamSuspendedWithoutCallingVast() {
        stopped(7);
        kit.fakes.teams.suspend(TEAM, Instant.parse("2026-11-10T00:00:00Z"), Instant.parse("2026-11-11T00:00:00Z"));
        kit.fakes.vast.failNext(Operation.START, new IllegalStateException("Vast.ai must not be called"));

        Outcome<Instance> outcome = kit.service().start(TEAM, PRINCIPAL, 7);

        denied(outcome, DenialCode.TEAM_SUSPENDED);
        AuditEvent event = kit.audited(AuditAction.PROVISION_DENIED).get(0);
        assertThat(event.instanceId()).contains(7L);
        assertThat(event.detail()).startsWith("team_suspended");
        assertThat(kit.stored(7).status()).isEqualTo(InstanceStatus.STOPPED);
    }

    @Test
    void start_rateNowAboveThePolicyCap_deniesPriceCapExceeded() {
        stopped(7);
        kit.fakes.teams.putPolicy(TEAM, aPolicy().maxDph("0.25").build());

        Outcome<Instance> outcome = kit.service().start(TEAM, PRINCIPAL, 7);

        assertThat(denied(outcome, DenialCode.PRICE_CAP_EXCEEDED).detail()).contains("$0.30", "$0.25");
    }

    @Test
    void start_notAffordableUntilTheNextSweep_deniesBudgetExhausted() {
        kit = new InstanceTestKit(aPolicy().dailyBudget("0.70").build());
        stopped(7);
        kit.holding(anInstance("team-a", 8).dph("0.30").build());
        kit.at("2026-11-10T01:30:00Z");

        Outcome<Instance> outcome = kit.service().start(TEAM, PRINCIPAL, 7);

        // instance 8 burns 0.60 until 02:00, instance 7 owes 0.006 of storage: 0.094 left, the start costs 0.15
        assertThat(denied(outcome, DenialCode.BUDGET_EXHAUSTED).detail())
                .contains("$0.094 of the daily budget of $0.70 is left today")
                .contains("would cost $0.15");
        assertThat(kit.fakes.instances.reservations(TEAM)).isEmpty();
    }

    @Test
    void start_runningInstance_changesNothing() {
        Instance running = kit.holding(anInstance("team-a", 7).build());
        kit.fakes.vast.failNext(Operation.START, new IllegalStateException("Vast.ai must not be called"));

        Outcome<Instance> outcome = kit.service().start(TEAM, PRINCIPAL, 7);

        assertThat(outcome).isEqualTo(Outcome.ok(running));
    }

    @Test
    void start_destroyedInstance_isInvalidState() {
        kit.holding(anInstance("team-a", 7).status(InstanceStatus.DESTROYED).build());

        Outcome<Instance> outcome = kit.service().start(TEAM, PRINCIPAL, 7);

        denied(outcome, DenialCode.INVALID_STATE);
    }

    @Test
    void start_anotherTeamsInstance_isNotFound() {
        kit.holding(anInstance("team-b", 7).status(InstanceStatus.STOPPED).build());

        Outcome<Instance> outcome = kit.service().start(TEAM, PRINCIPAL, 7);

        denied(outcome, DenialCode.NOT_FOUND);
    }

    @Test
    void start_vastFails_releasesTheReservationAndKeepsItStopped() {
        stopped(7);
        kit.fakes.vast.failNext(Operation.START, new VastApiException("start instance: HTTP 500", 500, null));

        assertThatThrownBy(() -> kit.service().start(TEAM, PRINCIPAL, 7)).isInstanceOf(VastApiException.class);
        assertThat(kit.fakes.instances.reservations(TEAM)).isEmpty();
        assertThat(kit.stored(7).status()).isEqualTo(InstanceStatus.STOPPED);
    }

    @Test
    void start_atTheInstanceLimit_isStillAdmittedBecauseItHoldsItsSlot() {
        kit = new InstanceTestKit(aPolicy().maxInstances(1).build());
        stopped(7);

        Outcome<Instance> outcome = kit.service().start(TEAM, PRINCIPAL, 7);

        assertThat(outcome).isInstanceOf(Outcome.Ok.class);
    }
}
