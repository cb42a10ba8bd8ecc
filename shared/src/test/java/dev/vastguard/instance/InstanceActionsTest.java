package dev.vastguard.instance;

import static dev.vastguard.instance.InstanceTestKit.OTHER_TEAM;
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
import dev.vastguard.vast.VastClientFactory;
import dev.vastguard.vast.VastInstance;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InstanceActionsTest {

    private final InstanceTestKit kit = new InstanceTestKit(aPolicy().build());

    private static Instance ok(Outcome<Instance> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Ok.class);
        return ((Outcome.Ok<Instance>) outcome).value();
    }

    private static void denied(Outcome<Instance> outcome, DenialCode code) {
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Denied.class, d -> assertThat(d.code()).isEqualTo(code));
    }

    @Test
    void destroy_runningInstance_destroysAtVastAndAccruesTheFinalCost() {
        kit.holding(anInstance("team-a", 7).dph("0.30").build());
        kit.at("2026-11-10T02:30:00Z");

        Instance destroyed = ok(kit.service().destroy(TEAM, PRINCIPAL, 7));

        assertThat(destroyed.status()).isEqualTo(InstanceStatus.DESTROYED);
        assertThat(destroyed.accruedCost()).isEqualTo(Money.ofDollars("0.75"));
        assertThat(destroyed.accruedUntil()).isEqualTo(Instant.parse("2026-11-10T02:30:00Z"));
        assertThat(destroyed.destroyedAt()).contains(Instant.parse("2026-11-10T02:30:00Z"));
        assertThat(kit.atVast(7)).isEmpty();
        assertThat(kit.fakes.instances.daySpend(TEAM, LocalDate.parse("2026-11-10")))
                .isEqualTo(Money.ofDollars("0.75"));
    }

    @Test
    void destroy_runningInstance_auditsTheFinalCost() {
        kit.holding(anInstance("team-a", 7).dph("0.30").build());
        kit.at("2026-11-10T02:30:00Z");

        kit.service().destroy(TEAM, PRINCIPAL, 7);

        AuditEvent event = kit.audited(AuditAction.DESTROY).get(0);
        assertThat(event.amount()).contains(Money.ofDollars("0.75"));
        assertThat(event.instanceId()).contains(7L);
        assertThat(event.principal()).isEqualTo(PRINCIPAL);
    }

    @Test
    void destroy_secondTime_returnsTheSameFinalInstanceWithoutCallingVast() {
        kit.holding(anInstance("team-a", 7).build());
        kit.at("2026-11-10T02:30:00Z");
        DefaultInstanceService service = kit.service();
        Instance first = ok(service.destroy(TEAM, PRINCIPAL, 7));
        kit.at("2026-11-10T05:00:00Z");
        kit.fakes.vast.failNext(Operation.DESTROY, new IllegalStateException("Vast.ai must not be called"));
        kit.fakes.vast.failNext(Operation.SHOW, new IllegalStateException("Vast.ai must not be called"));

        Instance second = ok(service.destroy(TEAM, PRINCIPAL, 7));

        assertThat(second).isEqualTo(first);
        assertThat(kit.audited(AuditAction.DESTROY)).hasSize(1);
    }

    @Test
    void destroy_goneAtVastAlready_stillRecordsTheDestroy() {
        kit.holding(anInstance("team-a", 7).build());
        kit.fakes.vast.remove(InstanceTestKit.KEY, 7);
        kit.at("2026-11-10T01:00:00Z");

        Instance destroyed = ok(kit.service().destroy(TEAM, PRINCIPAL, 7));

        assertThat(destroyed.status()).isEqualTo(InstanceStatus.DESTROYED);
        // Gone since some time after its last accrual at midnight: nothing is charged for a span it may not have run.
        assertThat(destroyed.accruedCost()).isEqualTo(Money.ZERO);
    }

    @Test
    void destroy_eightAtOnce_auditsOneDestroy() throws Exception {
        kit.holding(anInstance("team-a", 7).build());
        kit.at("2026-11-10T01:00:00Z");
        DefaultInstanceService service = kit.service();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome<Instance>>> outcomes = new ArrayList<>();

        try {
            for (int i = 0; i < 8; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return service.destroy(TEAM, PRINCIPAL, 7);
                }));
            }
            start.countDown();
            for (Future<Outcome<Instance>> outcome : outcomes) {
                assertThat(ok(outcome.get()).status()).isEqualTo(InstanceStatus.DESTROYED);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(kit.audited(AuditAction.DESTROY)).hasSize(1);
        assertThat(kit.stored(7).accruedCost()).isEqualTo(Money.ofDollars("0.30"));
    }

    @Test
    void destroy_anotherTeamsInstance_isNotFound() {
        kit.fakes.teams.putPolicy(OTHER_TEAM, aPolicy().build());
        kit.holding(anInstance("team-b", 7).build());

        Outcome<Instance> outcome = kit.service().destroy(TEAM, PRINCIPAL, 7);

        denied(outcome, DenialCode.NOT_FOUND);
        assertThat(kit.fakes.instances.find(OTHER_TEAM, 7).orElseThrow().status())
                .isEqualTo(InstanceStatus.RUNNING);
    }

    @Test
    void destroy_vastStillShowsTheInstance_throwsAndKeepsItRunning() {
        kit.holding(anInstance("team-a", 7).build());
        VastClientFactory ignoresDestroy = key -> new ForwardingVastClient(kit.fakes.vast.forKey(key)) {
            @Override
            public boolean destroyInstance(long id) {
                return true;
            }
        };

        assertThatThrownBy(() -> kit.service(ignoresDestroy).destroy(TEAM, PRINCIPAL, 7))
                .isInstanceOfSatisfying(
                        VastApiException.class, e -> assertThat(e.statusCode()).isEqualTo(502))
                .hasMessageContaining("destroy not confirmed");
        assertThat(kit.stored(7).status()).isEqualTo(InstanceStatus.RUNNING);
    }

    @Test
    void destroy_sweepAccruesMeanwhile_chargesEachSecondOnce() {
        Instance instance = kit.holding(anInstance("team-a", 7).dph("0.30").build());
        kit.at("2026-11-10T02:00:00Z");
        VastClientFactory sweepDuringDestroy = key -> new ForwardingVastClient(kit.fakes.vast.forKey(key)) {
            @Override
            public boolean destroyInstance(long id) {
                kit.accrued(instance, "2026-11-10T01:00:00Z");
                return super.destroyInstance(id);
            }
        };

        Instance destroyed = ok(kit.service(sweepDuringDestroy).destroy(TEAM, PRINCIPAL, 7));

        assertThat(destroyed.accruedCost()).isEqualTo(Money.ofDollars("0.60"));
        assertThat(kit.fakes.instances.daySpend(TEAM, LocalDate.parse("2026-11-10")))
                .isEqualTo(Money.ofDollars("0.60"));
    }

    @Test
    void destroy_notAccruedForOverThirtyDays_accruesTheWholeGapInSteps() {
        kit.holding(anInstance("team-a", 7).dph("0.10").build());
        kit.at("2026-12-25T00:00:00Z");

        Instance destroyed = ok(kit.service().destroy(TEAM, PRINCIPAL, 7));

        // 45 days of 24 h at $0.10
        assertThat(destroyed.accruedCost()).isEqualTo(Money.ofDollars("108.00"));
        assertThat(destroyed.status()).isEqualTo(InstanceStatus.DESTROYED);
        assertThat(destroyed.accruedUntil()).isEqualTo(Instant.parse("2026-12-25T00:00:00Z"));
    }

    @Test
    void destroy_recordedAsProvisioningButRunningAtVast_accruesAtTheRunningRate() {
        runningAtVastSinceLastSweep();
        kit.at("2026-11-10T02:00:00Z");

        Instance destroyed = ok(kit.service().destroy(TEAM, PRINCIPAL, 7));

        // Two hours at $0.30, not the $0.008 of storage its provisioning record alone would give.
        assertThat(destroyed.accruedCost()).isEqualTo(Money.ofDollars("0.60"));
    }

    @Test
    void stop_recordedAsProvisioningButRunningAtVast_accruesAtTheRunningRate() {
        runningAtVastSinceLastSweep();
        kit.at("2026-11-10T02:00:00Z");

        Instance stopped = ok(kit.service().stop(TEAM, PRINCIPAL, 7));

        assertThat(stopped.accruedCost()).isEqualTo(Money.ofDollars("0.60"));
    }

    @Test
    void destroy_vastCannotBeReadBeforehand_stillDestroysAtTheRecordedBilling() {
        runningAtVastSinceLastSweep();
        kit.fakes.vast.failNext(Operation.SHOW, new VastApiException("show instance 7: server error", 500, null));
        kit.at("2026-11-10T02:00:00Z");

        Instance destroyed = ok(kit.service().destroy(TEAM, PRINCIPAL, 7));

        assertThat(destroyed.status()).isEqualTo(InstanceStatus.DESTROYED);
        assertThat(destroyed.accruedCost()).isEqualTo(Money.ofDollars("0.008"));
    }

    /** An instance rented at midnight, recorded as provisioning, that Vast.ai has brought up since. */
    private void runningAtVastSinceLastSweep() {
        kit.holding(anInstance("team-a", 7)
                .status(InstanceStatus.PROVISIONING)
                .dph("0.30")
                .storageDph("0.004")
                .build());
        VastInstance loading = kit.atVast(7).orElseThrow();
        kit.fakes.vast.put(
                InstanceTestKit.KEY,
                new VastInstance(
                        7,
                        Optional.of("running"),
                        Optional.of("running"),
                        loading.gpuName(),
                        loading.numGpus(),
                        loading.dphTotal(),
                        loading.storageDph(),
                        loading.label(),
                        loading.startDate()));
    }

    @Test
    void stop_destroyedOutsideVastguard_isInvalidStateAndLeavesTheRecordToTheSweeper() {
        Instance running = kit.holding(anInstance("team-a", 7).build());
        kit.fakes.vast.remove(InstanceTestKit.KEY, 7);
        kit.at("2026-11-10T01:00:00Z");

        Outcome<Instance> outcome = kit.service().stop(TEAM, PRINCIPAL, 7);

        assertThat(outcome).isInstanceOf(Outcome.Denied.class);
        Outcome.Denied<Instance> denial = (Outcome.Denied<Instance>) outcome;
        assertThat(denial.code()).isEqualTo(DenialCode.INVALID_STATE);
        assertThat(denial.detail()).contains("no longer exists at Vast.ai");
        assertThat(kit.stored(7)).isEqualTo(running);
    }

    @Test
    void destroy_stoppedInstance_accruesStorageOnly() {
        kit.holding(anInstance("team-a", 7)
                .status(InstanceStatus.STOPPED)
                .storageDph("0.004")
                .build());
        kit.at("2026-11-10T10:00:00Z");

        Instance destroyed = ok(kit.service().destroy(TEAM, PRINCIPAL, 7));

        assertThat(destroyed.accruedCost()).isEqualTo(Money.ofDollars("0.04"));
    }

    @Test
    void stop_runningInstance_stopsAtVastAndAccruesAtTheRunningRate() {
        kit.holding(anInstance("team-a", 7).dph("0.30").build());
        kit.at("2026-11-10T01:00:00Z");

        Instance stopped = ok(kit.service().stop(TEAM, PRINCIPAL, 7));

        assertThat(stopped.status()).isEqualTo(InstanceStatus.STOPPED);
        assertThat(stopped.accruedCost()).isEqualTo(Money.ofDollars("0.30"));
        assertThat(kit.atVast(7).orElseThrow().actualStatus()).contains("stopped");
        assertThat(kit.audited(AuditAction.STOP)).singleElement().satisfies(e -> {
            assertThat(e.instanceId()).contains(7L);
            // The same amount the sweeper audits when it stops an instance: the cost accrued up to the stop.
            assertThat(e.amount()).contains(Money.ofDollars("0.30"));
        });
    }

    @Test
    void stop_stoppedInstance_changesNothing() {
        Instance instance = kit.holding(
                anInstance("team-a", 7).status(InstanceStatus.STOPPED).build());
        kit.at("2026-11-10T01:00:00Z");
        kit.fakes.vast.failNext(Operation.STOP, new IllegalStateException("Vast.ai must not be called"));

        Instance stopped = ok(kit.service().stop(TEAM, PRINCIPAL, 7));

        assertThat(stopped).isEqualTo(instance);
        assertThat(kit.audited(AuditAction.STOP)).isEmpty();
    }

    @Test
    void stop_destroyedInstance_isInvalidState() {
        kit.holding(anInstance("team-a", 7).status(InstanceStatus.DESTROYED).build());

        Outcome<Instance> outcome = kit.service().stop(TEAM, PRINCIPAL, 7);

        denied(outcome, DenialCode.INVALID_STATE);
    }

    @Test
    void stop_unknownId_isNotFound() {
        Outcome<Instance> outcome = kit.service().stop(TEAM, PRINCIPAL, 404);

        denied(outcome, DenialCode.NOT_FOUND);
    }

    @Test
    void stop_vastFails_leavesTheRecordUntouched() {
        Instance instance = kit.holding(anInstance("team-a", 7).build());
        kit.fakes.vast.failNext(Operation.STOP, new VastApiException("stop instance: HTTP 500", 500, null));

        assertThatThrownBy(() -> kit.service().stop(TEAM, PRINCIPAL, 7)).isInstanceOf(VastApiException.class);
        assertThat(kit.stored(7)).isEqualTo(instance);
    }

    @Test
    void get_destroyedInstance_isReturned() {
        Instance destroyed = kit.holding(
                anInstance("team-a", 7).status(InstanceStatus.DESTROYED).build());

        Outcome<Instance> outcome = kit.service().get(TEAM, 7);

        assertThat(outcome).isEqualTo(Outcome.ok(destroyed));
    }

    @Test
    void get_anotherTeamsInstance_isNotFound() {
        kit.holding(anInstance("team-b", 7).build());

        Outcome<Instance> outcome = kit.service().get(TEAM, 7);

        denied(outcome, DenialCode.NOT_FOUND);
    }

    @Test
    void list_mixedStates_omitsDestroyedAndOrdersById() {
        kit.holding(anInstance("team-a", 9).status(InstanceStatus.STOPPED).build());
        kit.holding(anInstance("team-a", 3).build());
        kit.holding(anInstance("team-a", 5).status(InstanceStatus.DESTROYED).build());
        kit.holding(anInstance("team-b", 4).build());

        var listed = kit.service().list(TEAM);

        assertThat(listed).extracting(Instance::id).containsExactly(3L, 9L);
    }
}
