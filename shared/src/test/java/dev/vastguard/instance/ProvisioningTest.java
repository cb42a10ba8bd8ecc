package dev.vastguard.instance;

import static dev.vastguard.instance.InstanceTestKit.PRINCIPAL;
import static dev.vastguard.instance.InstanceTestKit.TEAM;
import static dev.vastguard.instance.InstanceTestKit.command;
import static dev.vastguard.testing.Fixtures.aPolicy;
import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.audit.AuditEvent;
import dev.vastguard.money.Money;
import dev.vastguard.outcome.DenialCode;
import dev.vastguard.outcome.Outcome;
import dev.vastguard.team.Policy;
import dev.vastguard.testing.FakeVast.Operation;
import dev.vastguard.vast.OfferQuery;
import dev.vastguard.vast.VastApiException;
import dev.vastguard.vast.VastAuthException;
import dev.vastguard.vast.VastClientException;
import dev.vastguard.vast.VastClientFactory;
import dev.vastguard.vast.VastOffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProvisioningTest {

    /** What the fake market adds to an offer's price for the 20 GB disk: 20 x $0.15 / 720. */
    private static final Money STORAGE_20GB = Money.ofDollars("0.004167");

    private InstanceTestKit kit = new InstanceTestKit(aPolicy().build());

    private static Money priced(String dollars) {
        return Money.ofDollars(dollars).plus(STORAGE_20GB);
    }

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

    @Test
    void provision_withinPolicy_rentsTheCheapestOfferAsProvisioning() {
        kit.fakes.vast.offer(11, "RTX 4090", 1, "0.28").offer(12, "RTX 4090", 1, "0.25");
        kit.at("2026-11-10T10:15:30.250Z");

        Instance instance = ok(kit.service().provision(command("RTX_4090")));

        assertThat(instance.status()).isEqualTo(InstanceStatus.PROVISIONING);
        assertThat(instance.dphTotal()).isEqualTo(priced("0.25"));
        assertThat(instance.storageDph()).isEqualTo(STORAGE_20GB);
        assertThat(instance.createdAt()).isEqualTo(Instant.parse("2026-11-10T10:15:30Z"));
        assertThat(instance.accruedUntil()).isEqualTo(instance.createdAt());
        assertThat(instance.accruedCost()).isEqualTo(Money.ZERO);
        assertThat(instance.tag()).matches("vastguard:team-a:[0-9a-f]{32}");
        assertThat(kit.stored(instance.id())).isEqualTo(instance);
        assertThat(kit.atVast(instance.id()).orElseThrow().label()).contains(instance.tag());
        assertThat(kit.fakes.instances.reservations(TEAM)).isEmpty();
    }

    @Test
    void provision_rented_auditsTheRateGpuCountAndOffer() {
        kit.fakes.vast.offer(12, "RTX 4090", 1, "0.25");

        Instance instance = ok(kit.service().provision(command("RTX_4090")));

        AuditEvent event = kit.audited(AuditAction.PROVISION).get(0);
        assertThat(event.principal()).isEqualTo(PRINCIPAL);
        assertThat(event.instanceId()).contains(instance.id());
        assertThat(event.amount()).contains(instance.dphTotal());
        assertThat(event.detail()).contains("RTX 4090", "x1", "offer 12");
    }

    @Test
    void provision_withinASecondOfAnotherEvent_isAuditedAtFullPrecisionSoTheLogKeepsItsOrder() {
        kit.fakes.vast.offer(12, "RTX 4090", 1, "0.25");
        kit.fakes.clock.set(java.time.Instant.parse("2026-11-10T10:00:00.750Z"));

        ok(kit.service().provision(command("RTX_4090")));

        assertThat(kit.audited(AuditAction.PROVISION).get(0).time())
                .isEqualTo(java.time.Instant.parse("2026-11-10T10:00:00.750Z"));
    }

    @Test
    void provision_gpuNotInWhitelist_deniesGpuNotAllowedAndAuditsIt() {
        kit.fakes.vast.offer(1, "H100 SXM", 1, "0.20");

        Outcome<Instance> outcome = kit.service().provision(command("H100_SXM"));

        denied(outcome, DenialCode.GPU_NOT_ALLOWED);
        AuditEvent event = kit.audited(AuditAction.PROVISION_DENIED).get(0);
        assertThat(event.detail()).startsWith("gpu_not_allowed");
        assertThat(event.principal()).isEqualTo(PRINCIPAL);
        assertThat(event.team()).contains(TEAM);
        assertThat(kit.fakes.vast.createCount()).isZero();
    }

    @Test
    void provision_suspendedAndOverTheLimit_deniesTeamSuspended() {
        kit = new InstanceTestKit(aPolicy().maxInstances(1).build());
        kit.holding(anInstance("team-a", 500).build());
        kit.fakes.teams.suspend(TEAM, Instant.parse("2026-11-10T00:00:00Z"), Instant.parse("2026-11-11T00:00:00Z"));
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25");

        Outcome<Instance> outcome = kit.service().provision(command("RTX_4090"));

        assertThat(denied(outcome, DenialCode.TEAM_SUSPENDED).detail()).contains("2026-11-11T00:00:00Z");
    }

    @Test
    void provision_suspensionOver_isAdmitted() {
        kit.fakes.teams.suspend(TEAM, Instant.parse("2026-11-10T00:00:00Z"), Instant.parse("2026-11-10T00:00:00Z"));
        kit.at("2026-11-10T00:00:01Z");
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25");

        Outcome<Instance> outcome = kit.service().provision(command("RTX_4090"));

        assertThat(outcome).isInstanceOf(Outcome.Ok.class);
    }

    @Test
    void provision_overTheLimitAndUnaffordable_deniesInstanceLimitReachedWithoutSearching() {
        kit = new InstanceTestKit(aPolicy().maxInstances(1).dailyBudget("0.00").build());
        kit.holding(anInstance("team-a", 500).status(InstanceStatus.STOPPED).build());
        kit.fakes.vast.failNext(Operation.SEARCH, new IllegalStateException("the market must not be searched"));

        Outcome<Instance> outcome = kit.service().provision(command("RTX_4090"));

        assertThat(denied(outcome, DenialCode.INSTANCE_LIMIT_REACHED).detail()).contains("1 of its 1");
    }

    @Test
    void provision_overTheLimitWithAnUnreadableKey_stillDeniesInstanceLimitReached() {
        Policy base = aPolicy().maxInstances(1).build();
        kit = new InstanceTestKit(new Policy(
                base.gpuWhitelist(),
                base.maxInstances(),
                base.dailyBudget(),
                base.maxDph(),
                base.minReliability(),
                "vastguard/teams/no-such-secret",
                base.onBudgetExceeded(),
                base.monthlyBudget(),
                base.alertThresholds(),
                base.destroyStoppedAfterHours(),
                base.maxLoadingMinutes()));
        kit.holding(anInstance("team-a", 500).status(InstanceStatus.STOPPED).build());

        Outcome<Instance> outcome = kit.service().provision(command("RTX_4090"));

        denied(outcome, DenialCode.INSTANCE_LIMIT_REACHED);
    }

    @Test
    void provision_openReservationTakesASlot_deniesInstanceLimitReached() {
        kit = new InstanceTestKit(aPolicy().maxInstances(1).build());
        kit.fakes.instances.reserve(
                InstanceTestKit.reservationFor(anInstance("team-a", 1).build()), 0, Money.ZERO);
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25");

        Outcome<Instance> outcome = kit.service().provision(command("RTX_4090"));

        denied(outcome, DenialCode.INSTANCE_LIMIT_REACHED);
    }

    @Test
    void provision_noOfferForTheGpuAtAll_deniesNoMatchingOffer() {
        kit.fakes.vast.offer(1, "RTX 3090", 1, "0.20");

        Outcome<Instance> outcome = kit.service().provision(command("RTX_4090"));

        denied(outcome, DenialCode.NO_MATCHING_OFFER);
        assertThat(kit.audited(AuditAction.PROVISION_DENIED).get(0).detail()).startsWith("no_matching_offer");
    }

    @Test
    void provision_offersOfAnotherCount_deniesNoMatchingOffer() {
        kit.fakes.vast.offer(1, "RTX 4090", 2, "0.20");

        Outcome<Instance> outcome = kit.service().provision(command("RTX_4090", 1, Optional.empty()));

        denied(outcome, DenialCode.NO_MATCHING_OFFER);
    }

    @Test
    void provision_allOffersAboveThePolicyCap_deniesPriceCapExceededNamingTheCheapest() {
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.40").offer(2, "RTX 4090", 1, "0.35");

        Outcome<Instance> outcome = kit.service().provision(command("RTX_4090"));

        assertThat(denied(outcome, DenialCode.PRICE_CAP_EXCEEDED).detail())
                .contains(priced("0.35").toString())
                .contains("$0.30");
    }

    @Test
    void provision_callerCapBelowThePolicyCap_appliesTheCallerCap() {
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.28");

        Outcome<Instance> outcome =
                kit.service().provision(command("RTX_4090", 1, Optional.of(Money.ofDollars("0.25"))));

        assertThat(denied(outcome, DenialCode.PRICE_CAP_EXCEEDED).detail())
                .contains(priced("0.28").toString())
                .contains("$0.25");
    }

    @Test
    void provision_callerCapAboveThePolicyCap_stillAppliesThePolicyCap() {
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.35");

        Outcome<Instance> outcome =
                kit.service().provision(command("RTX_4090", 1, Optional.of(Money.ofDollars("2.00"))));

        denied(outcome, DenialCode.PRICE_CAP_EXCEEDED);
    }

    @Test
    void provision_family_rentsTheCheapestModelUnderIt() {
        kit = new InstanceTestKit(aPolicy().gpus("A100").maxDph("2.00").build());
        kit.fakes
                .vast
                .offer(1, "A100 PCIE", 1, "1.20")
                .offer(2, "A100 SXM4", 1, "1.00")
                .offer(3, "A100X", 1, "0.50");

        Instance instance = ok(kit.service().provision(command("A100")));

        assertThat(instance.gpuName()).isEqualTo("A100 SXM4");
        assertThat(instance.dphTotal()).isEqualTo(priced("1.00"));
    }

    @Test
    void provision_familyWithOnlyALookalikeOnTheMarket_neverRentsTheLookalike() {
        kit = new InstanceTestKit(aPolicy().gpus("A100").maxDph("2.00").build());
        kit.fakes.vast.offer(3, "A100X", 1, "0.50").offer(4, "A800 PCIE", 1, "0.40");

        Outcome<Instance> outcome = kit.service().provision(command("A100"));

        denied(outcome, DenialCode.NO_MATCHING_OFFER);
        assertThat(kit.fakes.vast.createCount()).isZero();
    }

    @Test
    void provision_requestNarrowerThanTheWhitelistFamily_rentsOnlyTheRequestedModel() {
        kit = new InstanceTestKit(aPolicy().gpus("A100").maxDph("2.00").build());
        kit.fakes.vast.offer(1, "A100 PCIE", 1, "1.20").offer(2, "A100 SXM4", 1, "1.00");

        Instance instance = ok(kit.service().provision(command("A100_PCIE")));

        assertThat(instance.gpuName()).isEqualTo("A100 PCIE");
    }

    @Test
    void provision_runningInstancesLeaveTooLittle_deniesBudgetExhaustedWithWhatIsLeftTheCostAndAFittingOffer() {
        kit = new InstanceTestKit(aPolicy().dailyBudget("5.60").build());
        Instance running = kit.holding(anInstance("team-a", 500).dph("0.50").build());
        kit.accrued(running, "2026-11-10T09:00:00Z");
        kit.at("2026-11-10T10:30:00Z");
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25").offer(2, "RTX 3090", 1, "0.15");

        Outcome<Instance> outcome = kit.service().provision(command("RTX_4090"));

        // spent 4.50 (9 h at 0.50) + unaccrued 09:00-11:00 at 0.50 = 5.50, so 0.10 is left until 11:00
        assertThat(denied(outcome, DenialCode.BUDGET_EXHAUSTED).detail())
                .contains("$0.10 of the daily budget of $5.60 is left today")
                .contains("2026-11-10T11:00:00Z")
                .contains("would cost $0.127084")
                .contains("cheapest allowed offer that would fit is offer 2 (RTX 3090 x1)");
        assertThat(kit.audited(AuditAction.PROVISION_DENIED).get(0).detail()).startsWith("budget_exhausted");
        assertThat(kit.fakes.vast.createCount()).isZero();
        assertThat(kit.fakes.instances.reservations(TEAM)).isEmpty();
    }

    @Test
    void provision_nothingFitsTheBudget_saysNoAllowedOfferWouldFit() {
        kit = new InstanceTestKit(aPolicy().dailyBudget("0.05").build());
        kit.at("2026-11-10T10:00:00Z");
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25").offer(2, "RTX 3090", 1, "0.15");

        Outcome<Instance> outcome = kit.service().provision(command("RTX_4090"));

        assertThat(denied(outcome, DenialCode.BUDGET_EXHAUSTED).detail()).contains("no allowed offer would fit");
    }

    @Test
    void provision_searchForAHintFails_stillAnswersBudgetExhausted() {
        kit = new InstanceTestKit(aPolicy().dailyBudget("0.05").build());
        kit.at("2026-11-10T10:00:00Z");
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25");
        AtomicInteger searches = new AtomicInteger();
        VastClientFactory failsSecondSearch = key -> new ForwardingVastClient(kit.fakes.vast.forKey(key)) {
            @Override
            public List<VastOffer> searchOffers(OfferQuery query) {
                if (searches.incrementAndGet() > 1) {
                    throw new VastApiException("search offers: HTTP 429", 429, null);
                }
                return super.searchOffers(query);
            }
        };

        Outcome<Instance> outcome = kit.service(failsSecondSearch).provision(command("RTX_4090"));

        assertThat(denied(outcome, DenialCode.BUDGET_EXHAUSTED).detail())
                .contains("no cheaper offer could be looked up");
    }

    @Test
    void provision_costUntilMidnightFits_isAdmittedThoughAFullHourWouldNot() {
        kit = new InstanceTestKit(aPolicy().dailyBudget("0.10").build());
        kit.at("2026-11-10T23:45:00Z");
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25");

        Outcome<Instance> outcome = kit.service().provision(command("RTX_4090"));

        assertThat(outcome).isInstanceOf(Outcome.Ok.class);
    }

    @Test
    void provision_monthlyBudgetSpentOnEarlierDays_deniesBudgetExhaustedNamingTheMonthlyBudget() {
        kit = new InstanceTestKit(
                aPolicy().dailyBudget("10.00").monthlyBudget("20.00").build());
        Instance old = kit.holding(anInstance("team-a", 500)
                .dph("0.10")
                .createdAt("2026-11-01T00:00:00Z")
                .build());
        kit.accrued(old, "2026-11-09T08:00:00Z");
        kit.fakes.instances.applyAccrual(AccrualCalculator.accrue(
                kit.stored(500),
                Billing.NONE,
                Instant.parse("2026-11-10T00:00:00Z"),
                Optional.of(InstanceStatus.DESTROYED)));
        kit.at("2026-11-10T10:30:00Z");
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25");

        Outcome<Instance> outcome = kit.service().provision(command("RTX_4090"));

        // 200 h at 0.10 = 20.00 spent this month, nothing today
        assertThat(denied(outcome, DenialCode.BUDGET_EXHAUSTED).detail())
                .contains("$0.00 of the monthly budget of $20.00 is left this month");
    }

    @Test
    void provision_twelveConcurrentRequestsAgainstALimitOfThree_rentsExactlyThree() throws Exception {
        kit = new InstanceTestKit(
                aPolicy().maxInstances(3).dailyBudget("1000.00").build());
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25");
        DefaultInstanceService service = kit.service();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Outcome<Instance>>> futures = new ArrayList<>();

        try {
            for (int i = 0; i < 12; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return service.provision(command("RTX_4090"));
                }));
            }
            go.countDown();
            List<Outcome<Instance>> outcomes = new ArrayList<>();
            for (Future<Outcome<Instance>> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }

            assertThat(outcomes).filteredOn(o -> o instanceof Outcome.Ok).hasSize(3);
            assertThat(outcomes)
                    .filteredOn(o ->
                            o instanceof Outcome.Denied<Instance> d && d.code() == DenialCode.INSTANCE_LIMIT_REACHED)
                    .hasSize(9);
            assertThat(kit.fakes.vast.createCount()).isEqualTo(3);
            assertThat(kit.fakes.instances.list(TEAM)).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void provision_createAnswerLost_findsTheInstanceByItsTagWithOneCreate() {
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25");
        kit.fakes.vast.loseNextCreateResponse();

        Instance instance = ok(kit.service().provision(command("RTX_4090")));

        assertThat(kit.fakes.vast.createCount()).isEqualTo(1);
        assertThat(kit.fakes.vast.instances(InstanceTestKit.KEY))
                .singleElement()
                .satisfies(atVast -> assertThat(atVast.id()).isEqualTo(instance.id()));
        assertThat(kit.stored(instance.id()).status()).isEqualTo(InstanceStatus.PROVISIONING);
        assertThat(kit.fakes.instances.reservations(TEAM)).isEmpty();
    }

    @Test
    void provision_createdInstanceNotShownByVast_isNotRecordedAndTheReservationIsReleased() {
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25");
        kit.fakes.vast.phantomNextCreate();

        assertThatThrownBy(() -> kit.service().provision(command("RTX_4090")))
                .isInstanceOf(VastApiException.class)
                .hasMessageContaining("does not show it");

        assertThat(kit.service().list(TEAM)).isEmpty();
        assertThat(kit.fakes.instances.reservations(TEAM)).isEmpty();
    }

    @Test
    void provision_readBackFails_recordsTheRentalAnyway() {
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25");
        kit.fakes.vast.failNext(Operation.SHOW, new VastClientException("show instance: timed out", null));

        Instance instance = ok(kit.service().provision(command("RTX_4090")));

        assertThat(kit.stored(instance.id()).status()).isEqualTo(InstanceStatus.PROVISIONING);
    }

    @Test
    void provision_createFailsWith5xxAndNothingCarriesTheTag_releasesAndRethrows() {
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25");
        VastApiException failure = new VastApiException("create instance: HTTP 503", 503, null);
        kit.fakes.vast.failNext(Operation.CREATE, failure);

        assertThatThrownBy(() -> kit.service().provision(command("RTX_4090"))).isSameAs(failure);
        assertThat(kit.fakes.vast.createCount()).isEqualTo(1);
        assertThat(kit.fakes.instances.reservations(TEAM)).isEmpty();
        assertThat(kit.fakes.instances.list(TEAM)).isEmpty();
    }

    @Test
    void provision_createAnswerLostAndLookupFails_keepsTheReservationAndRethrowsTheCreateFailure() {
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25");
        kit.fakes.vast.loseNextCreateResponse();
        VastClientException lookup = new VastClientException("list instances: timed out", null);
        kit.fakes.vast.failNext(Operation.LIST, lookup);

        assertThatThrownBy(() -> kit.service().provision(command("RTX_4090")))
                .isInstanceOf(VastClientException.class)
                .hasMessageContaining("create instance")
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(lookup));
        assertThat(kit.fakes.vast.createCount()).isEqualTo(1);
        assertThat(kit.fakes.instances.reservations(TEAM)).hasSize(1);
    }

    @Test
    void provision_offerTakenMeanwhile_rentsTheNextOfferFromAFreshSearch() {
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.20").offer(2, "RTX 4090", 1, "0.25");
        kit.fakes.vast.failNext(Operation.CREATE, new VastApiException("no_such_ask", 404, "no_such_ask"));

        Instance instance = ok(kit.service().provision(command("RTX_4090")));

        assertThat(instance.dphTotal()).isEqualTo(priced("0.25"));
        assertThat(kit.fakes.vast.createCount()).isEqualTo(2);
        assertThat(kit.fakes.instances.reservations(TEAM)).isEmpty();
    }

    @Test
    void provision_offersTakenThreeTimes_givesUpWithTheLastFailure() {
        kit.fakes
                .vast
                .offer(1, "RTX 4090", 1, "0.20")
                .offer(2, "RTX 4090", 1, "0.21")
                .offer(3, "RTX 4090", 1, "0.22")
                .offer(4, "RTX 4090", 1, "0.23");
        for (int i = 0; i < 3; i++) {
            kit.fakes.vast.failNext(Operation.CREATE, new VastApiException("offer gone", 410, "no_such_ask"));
        }

        assertThatThrownBy(() -> kit.service().provision(command("RTX_4090")))
                .isInstanceOf(VastApiException.class)
                .hasMessageContaining("offer gone");
        assertThat(kit.fakes.vast.createCount()).isEqualTo(3);
        assertThat(kit.fakes.instances.reservations(TEAM)).isEmpty();
    }

    @Test
    void provision_keyRefused_releasesAndRethrowsWithoutLookingUp() {
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25");
        kit.fakes.vast.failNext(Operation.CREATE, new VastAuthException("create instance", 401));
        kit.fakes.vast.failNext(Operation.LIST, new IllegalStateException("must not look up"));

        assertThatThrownBy(() -> kit.service().provision(command("RTX_4090"))).isInstanceOf(VastAuthException.class);
        assertThat(kit.fakes.vast.createCount()).isEqualTo(1);
        assertThat(kit.fakes.instances.reservations(TEAM)).isEmpty();
    }

    @Test
    void provision_rateLimited_releasesAndRethrows() {
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25");
        kit.fakes.vast.failNext(Operation.CREATE, new VastApiException("create instance: HTTP 429", 429, null));

        assertThatThrownBy(() -> kit.service().provision(command("RTX_4090")))
                .isInstanceOf(VastApiException.class)
                .hasMessageContaining("429");
        assertThat(kit.fakes.instances.reservations(TEAM)).isEmpty();
    }

    @Test
    void provision_pendingRentalOfAnotherRequest_countsItsRateAgainstTheBudget() {
        kit = new InstanceTestKit(aPolicy().dailyBudget("0.30").build());
        kit.at("2026-11-10T10:00:00Z");
        Instance pending = anInstance("team-a", 1)
                .dph("0.20")
                .createdAt("2026-11-10T10:00:00Z")
                .build();
        kit.fakes.instances.reserve(InstanceTestKit.reservationFor(pending), 0, Money.ZERO);
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25");

        Outcome<Instance> outcome = kit.service().provision(command("RTX_4090"));

        denied(outcome, DenialCode.BUDGET_EXHAUSTED);
    }
}
