package dev.vastguard.sweep;

import static dev.vastguard.sweep.Listed.listed;
import static dev.vastguard.testing.Fixtures.aPolicy;
import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.audit.AuditEvent;
import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.instance.Reservation;
import dev.vastguard.money.Money;
import dev.vastguard.platform.Platform;
import dev.vastguard.team.BreachAction;
import dev.vastguard.team.Policy;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.TeamState;
import dev.vastguard.testing.FakeVast;
import dev.vastguard.testing.TestPlatform;
import dev.vastguard.vast.VastApiException;
import dev.vastguard.vast.VastClient;
import dev.vastguard.vast.VastClientException;
import dev.vastguard.vast.VastClientFactory;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SweeperTest {

    private static final String KEY = "test-key";
    private static final TeamId TEAM = TeamId.of("team-a");
    private static final TeamId OTHER = TeamId.of("team-b");
    private static final String TAG = "vastguard:team-a:0123456789abcdef0123456789abcdef";

    private final TestPlatform test = new TestPlatform();
    private final RecordingInstances instances = new RecordingInstances(test.instances);
    private Sweeper sweeper = new Sweeper(platform(test.vast));

    @BeforeEach
    void givenATeam() {
        test.teams.putPolicy(TEAM, aPolicy().build());
    }

    @Test
    void sweep_twiceAtTheSameInstant_addsNothingAndWritesNothingTheSecondTime() {
        track(anInstance("team-a", 1).build(), listed(1));
        sweeper.sweep(at("2026-11-10T02:00:00Z"));
        Instance afterFirst = record(1);
        int writes = instances.writes();
        int events = test.audit.all().size();

        SweepSummary second = sweeper.sweep(at("2026-11-10T02:00:00Z"));

        assertThat(second.accrued()).isEqualTo(Money.ZERO);
        assertThat(instances.writes()).isEqualTo(writes);
        assertThat(test.audit.all()).hasSize(events);
        assertThat(record(1)).isEqualTo(afterFirst);
        assertThat(afterFirst.accruedCost()).isEqualTo(Money.ofDollars("0.60"));
    }

    @Test
    void sweep_spendCrossesThresholds_notifiesEachOnceAndAuditsIt() throws Exception {
        track(anInstance("team-a", 1).dph("1.00").build(), listed(1));

        sweeper.sweep(at("2026-11-10T05:00:00Z"));
        sweeper.sweep(at("2026-11-10T05:00:00Z"));
        sweeper.sweep(at("2026-11-10T06:00:00Z"));
        sweeper.sweep(at("2026-11-10T08:00:00Z"));

        assertThat(test.notifications.all()).hasSize(2);
        assertThat(test.notifications.all().get(0).subject()).contains("team-a", "50%", "daily");
        com.fasterxml.jackson.databind.JsonNode message = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(test.notifications.all().get(1).message());
        assertThat(message.path("team").asText()).isEqualTo("team-a");
        assertThat(message.path("period").asText()).isEqualTo("daily");
        assertThat(message.path("threshold").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(message.path("spent").decimalValue()).isEqualByComparingTo("8.00");
        assertThat(message.path("budget").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(test.audit.all())
                .filteredOn(e -> e.action() == AuditAction.THRESHOLD)
                .extracting(e -> e.amount().orElseThrow())
                .containsExactly(Money.ofDollars("5.00"), Money.ofDollars("8.00"));
    }

    @Test
    void sweep_nextDay_notifiesTheThresholdsAgainForTheNewPeriod() {
        track(
                anInstance("team-a", 1)
                        .dph("1.00")
                        .accruedUntil("2026-11-10T18:00:00Z")
                        .build(),
                listed(1));

        sweeper.sweep(at("2026-11-10T23:00:00Z"));
        sweeper.sweep(at("2026-11-11T05:00:00Z"));

        assertThat(test.notifications.all())
                .extracting(n -> n.subject())
                .containsExactly(
                        "vastguard: team team-a reached 50% of its daily budget",
                        "vastguard: team team-a reached 50% of its daily budget");
    }

    @Test
    void sweep_runningInstance_accruesItsHourlyRateAndReportsTheTotal() {
        track(anInstance("team-a", 1).build(), listed(1));

        SweepSummary summary = sweeper.sweep(at("2026-11-10T03:00:00Z"));

        assertThat(summary.accrued()).isEqualTo(Money.ofDollars("0.90"));
        assertThat(summary.instances()).isEqualTo(1);
        assertThat(record(1).accruedUntil()).isEqualTo(at("2026-11-10T03:00:00Z"));
    }

    @Test
    void sweep_acrossMidnight_splitsTheCostBetweenTheTwoDays() {
        track(anInstance("team-a", 1).accruedUntil("2026-11-10T23:30:00Z").build(), listed(1));

        sweeper.sweep(at("2026-11-11T00:30:00Z"));

        assertThat(test.instances.daySpend(TEAM, LocalDate.parse("2026-11-10"))).isEqualTo(Money.ofDollars("0.15"));
        assertThat(test.instances.daySpend(TEAM, LocalDate.parse("2026-11-11"))).isEqualTo(Money.ofDollars("0.15"));
    }

    @Test
    void sweep_stoppedAtVast_accruesStorageOnlyAndRecordsTheStop() {
        track(anInstance("team-a", 1).build(), listed(1).status("stopped"));

        sweeper.sweep(at("2026-11-10T10:00:00Z"));

        assertThat(record(1).accruedCost()).isEqualTo(Money.ofDollars("0.04"));
        assertThat(record(1).status()).isEqualTo(InstanceStatus.STOPPED);
    }

    @Test
    void sweep_hostOffline_accruesNothingButMovesTheWatermark() {
        track(anInstance("team-a", 1).build(), listed(1).status("offline"));

        SweepSummary summary = sweeper.sweep(at("2026-11-10T05:00:00Z"));

        assertThat(summary.accrued()).isEqualTo(Money.ZERO);
        assertThat(record(1).status()).isEqualTo(InstanceStatus.UNKNOWN);
        assertThat(record(1).accruedUntil()).isEqualTo(at("2026-11-10T05:00:00Z"));
    }

    @Test
    void sweep_gapLongerThanThirtyDays_accruesAllOfIt() {
        test.teams.putPolicy(TEAM, aPolicy().dailyBudget("1000.00").build());
        track(anInstance("team-a", 1).createdAt("2026-10-01T00:00:00Z").build(), listed(1));

        SweepSummary summary = sweeper.sweep(at("2026-11-10T00:00:00Z"));

        assertThat(summary.accrued()).isEqualTo(Money.ofDollars("288.00"));
        assertThat(record(1).accruedUntil()).isEqualTo(at("2026-11-10T00:00:00Z"));
    }

    @Test
    void sweep_overDailyBudget_suspendsTheTeamAndStopsItsRunningInstances() {
        test.teams.putPolicy(TEAM, aPolicy().dailyBudget("1.00").build());
        track(anInstance("team-a", 1).build(), listed(1));

        SweepSummary summary = sweeper.sweep(at("2026-11-10T04:00:00Z"));

        assertThat(summary.suspended()).containsExactly(TEAM);
        assertThat(summary.stopped()).containsExactly(1L);
        assertThat(team().state()).isEqualTo(TeamState.SUSPENDED);
        assertThat(team().suspendedUntil()).contains(at("2026-11-11T00:00:00Z"));
        assertThat(test.vast.instances(KEY))
                .singleElement()
                .satisfies(i -> assertThat(i.actualStatus()).contains("stopped"));
        assertThat(record(1).status()).isEqualTo(InstanceStatus.STOPPED);
        assertThat(events(AuditAction.SUSPEND))
                .singleElement()
                .satisfies(e -> assertThat(e.amount()).contains(Money.ofDollars("1.20")));
        assertThat(events(AuditAction.STOP)).singleElement().satisfies(e -> {
            assertThat(e.principal()).isEqualTo(AuditEvent.SWEEPER);
            assertThat(e.amount()).contains(Money.ofDollars("1.20"));
        });
    }

    @Test
    void sweep_stillOverBudgetLaterThatDay_auditsTheSuspensionOnlyOnce() {
        test.teams.putPolicy(TEAM, aPolicy().dailyBudget("1.00").build());
        track(anInstance("team-a", 1).build(), listed(1));
        sweeper.sweep(at("2026-11-10T04:00:00Z"));

        SweepSummary later = sweeper.sweep(at("2026-11-10T05:00:00Z"));

        assertThat(later.suspended()).isEmpty();
        assertThat(later.stopped()).isEmpty();
        assertThat(events(AuditAction.SUSPEND)).hasSize(1);
        assertThat(record(1).accruedCost()).isEqualTo(Money.ofDollars("1.204"));
    }

    @Test
    void sweep_firstSweepOfTheNextDay_resumesTheSuspendedTeam() {
        test.teams.putPolicy(TEAM, aPolicy().dailyBudget("1.00").build());
        track(anInstance("team-a", 1).build(), listed(1));
        sweeper.sweep(at("2026-11-10T04:00:00Z"));

        SweepSummary nextDay = sweeper.sweep(at("2026-11-11T00:00:00Z"));

        assertThat(nextDay.resumed()).containsExactly(TEAM);
        assertThat(team().state()).isEqualTo(TeamState.ACTIVE);
        assertThat(events(AuditAction.RESUME))
                .singleElement()
                .satisfies(e -> assertThat(e.principal()).isEqualTo(AuditEvent.SWEEPER));
    }

    @Test
    void sweep_suspendedTeamsInstanceRunningAgain_stopsItAgain() {
        test.teams.putPolicy(TEAM, aPolicy().dailyBudget("1.00").build());
        track(anInstance("team-a", 1).build(), listed(1));
        sweeper.sweep(at("2026-11-10T04:00:00Z"));
        test.vast.put(KEY, listed(1).build());

        SweepSummary summary = sweeper.sweep(at("2026-11-10T05:00:00Z"));

        assertThat(summary.stopped()).containsExactly(1L);
        assertThat(test.vast.instances(KEY).getFirst().actualStatus()).contains("stopped");
        assertThat(events(AuditAction.STOP)).hasSize(2);
    }

    @Test
    void sweep_overBudgetWithDestroyPolicy_destroysRunningInstances() {
        test.teams.putPolicy(
                TEAM,
                aPolicy().dailyBudget("1.00").onBreach(BreachAction.DESTROY).build());
        track(anInstance("team-a", 1).build(), listed(1));

        SweepSummary summary = sweeper.sweep(at("2026-11-10T04:00:00Z"));

        assertThat(summary.destroyed()).containsExactly(1L);
        assertThat(test.vast.instances(KEY)).isEmpty();
        assertThat(record(1).status()).isEqualTo(InstanceStatus.DESTROYED);
        assertThat(record(1).destroyedAt()).contains(at("2026-11-10T04:00:00Z"));
        assertThat(events(AuditAction.DESTROY))
                .singleElement()
                .satisfies(e -> assertThat(e.amount()).contains(Money.ofDollars("1.20")));
    }

    @Test
    void sweep_instanceNotRunningWithinMaxLoadingMinutes_isDestroyed() {
        test.teams.putPolicy(TEAM, aPolicy().maxLoadingMinutes(30).build());
        track(
                anInstance("team-a", 1)
                        .status(InstanceStatus.PROVISIONING)
                        .createdAt("2026-11-10T00:00:00Z")
                        .build(),
                listed(1).status("loading"));

        SweepSummary early = sweeper.sweep(at("2026-11-10T00:29:59Z"));
        SweepSummary due = sweeper.sweep(at("2026-11-10T00:30:00Z"));

        assertThat(early.destroyed()).isEmpty();
        assertThat(due.destroyed()).containsExactly(1L);
        assertThat(test.vast.instances(KEY)).isEmpty();
        assertThat(record(1).status()).isEqualTo(InstanceStatus.DESTROYED);
        assertThat(events(AuditAction.DESTROY))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("max_loading_minutes"));
    }

    @Test
    void sweep_instanceExitedAfterAHostFailure_isDestroyedOnceTheFailureLastedMaxLoadingMinutes() {
        test.teams.putPolicy(TEAM, aPolicy().maxLoadingMinutes(30).build());
        track(anInstance("team-a", 1).build(), listed(1));
        sweeper.sweep(at("2026-11-10T01:00:00Z"));
        test.vast.put(KEY, listed(1).status("exited").intended("running").build());

        SweepSummary firstSeen = sweeper.sweep(at("2026-11-10T01:10:00Z"));
        SweepSummary stillFailed = sweeper.sweep(at("2026-11-10T01:39:59Z"));
        SweepSummary due = sweeper.sweep(at("2026-11-10T01:40:00Z"));

        assertThat(firstSeen.destroyed()).isEmpty();
        assertThat(stillFailed.destroyed()).isEmpty();
        assertThat(due.destroyed()).containsExactly(1L);
        assertThat(test.vast.instances(KEY)).isEmpty();
        assertThat(events(AuditAction.DESTROY))
                .singleElement()
                .satisfies(e -> assertThat(e.detail())
                        .contains("host or container failure first seen at 2026-11-10T01:10:00Z"));
    }

    @Test
    void sweep_instanceStoppedOnRequest_isNotTakenForAFailure() {
        test.teams.putPolicy(TEAM, aPolicy().maxLoadingMinutes(30).build());
        track(anInstance("team-a", 1).build(), listed(1).status("exited").intended("stopped"));

        sweeper.sweep(at("2026-11-10T01:00:00Z"));
        SweepSummary later = sweeper.sweep(at("2026-11-10T05:00:00Z"));

        assertThat(later.destroyed()).isEmpty();
        assertThat(record(1).status()).isEqualTo(InstanceStatus.STOPPED);
    }

    @Test
    void sweep_suspendedTeamsInstanceStillStoppedAfterTheGracePeriod_isDestroyed() {
        test.teams.putPolicy(
                TEAM,
                aPolicy().dailyBudget("1.00").destroyStoppedAfterHours("2").build());
        track(anInstance("team-a", 1).build(), listed(1));
        sweeper.sweep(at("2026-11-10T04:00:00Z"));

        SweepSummary inGrace = sweeper.sweep(at("2026-11-10T05:59:59Z"));
        SweepSummary graceOver = sweeper.sweep(at("2026-11-10T06:00:00Z"));

        assertThat(inGrace.destroyed()).isEmpty();
        assertThat(graceOver.destroyed()).containsExactly(1L);
        assertThat(test.vast.instances(KEY)).isEmpty();
        assertThat(record(1).status()).isEqualTo(InstanceStatus.DESTROYED);
        assertThat(events(AuditAction.DESTROY)).singleElement().satisfies(e -> {
            assertThat(e.detail()).contains("grace period").contains("2026-11-10T06:00:00Z");
            // $1.20 of GPU time, then two hours of storage at $0.004/h while stopped.
            assertThat(e.amount()).contains(Money.ofDollars("1.208"));
        });
    }

    @Test
    void sweep_suspendedTeamWithoutGracePolicy_keepsStoppedInstances() {
        test.teams.putPolicy(TEAM, aPolicy().dailyBudget("1.00").build());
        track(anInstance("team-a", 1).build(), listed(1));
        sweeper.sweep(at("2026-11-10T04:00:00Z"));

        SweepSummary later = sweeper.sweep(at("2026-11-10T23:00:00Z"));

        assertThat(later.destroyed()).isEmpty();
        assertThat(record(1).status()).isEqualTo(InstanceStatus.STOPPED);
    }

    @Test
    void sweep_overMonthlyBudget_suspendsUntilTheNextMonth() {
        test.teams.putPolicy(TEAM, aPolicy().monthlyBudget("1.00").build());
        track(anInstance("team-a", 1).build(), listed(1));

        sweeper.sweep(at("2026-11-10T04:00:00Z"));

        assertThat(team().suspendedUntil()).contains(at("2026-12-01T00:00:00Z"));
        assertThat(events(AuditAction.SUSPEND))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("monthly"));
    }

    @Test
    void sweep_zeroBudgetAndNoSpend_leavesTheTeamActive() {
        test.teams.putPolicy(TEAM, aPolicy().dailyBudget("0").build());

        SweepSummary summary = sweeper.sweep(at("2026-11-10T04:00:00Z"));

        assertThat(summary.suspended()).isEmpty();
        assertThat(team().state()).isEqualTo(TeamState.ACTIVE);
    }

    @Test
    void sweep_unlabelledInstance_isAdoptedAndAccruedFromFirstSight() {
        test.vast.put(
                KEY,
                listed(7).startedAt("2026-11-09T00:00:00Z").label("my-notebook").build());

        SweepSummary first = sweeper.sweep(at("2026-11-10T01:00:00Z"));
        SweepSummary second = sweeper.sweep(at("2026-11-10T02:00:00Z"));

        assertThat(first.adopted()).containsExactly(7L);
        assertThat(first.accrued()).isEqualTo(Money.ZERO);
        assertThat(second.adopted()).isEmpty();
        assertThat(second.accrued()).isEqualTo(Money.ofDollars("0.30"));
        assertThat(record(7).adopted()).isTrue();
        assertThat(record(7).createdAt()).isEqualTo(at("2026-11-09T00:00:00Z"));
        assertThat(record(7).label()).contains("my-notebook");
        assertThat(events(AuditAction.ADOPT))
                .singleElement()
                .satisfies(e -> assertThat(e.instanceId()).contains(7L));
    }

    @Test
    void sweep_instanceGoneFromVast_isClosedOutWhereItWasLastSeen() {
        test.instances.adopt(
                anInstance("team-a", 1).accruedUntil("2026-11-10T01:00:00Z").build());

        SweepSummary summary = sweeper.sweep(at("2026-11-10T03:00:00Z"));

        assertThat(summary.closedOut()).containsExactly(1L);
        assertThat(record(1).status()).isEqualTo(InstanceStatus.DESTROYED);
        assertThat(record(1).destroyedAt()).contains(at("2026-11-10T01:00:00Z"));
        assertThat(record(1).accruedUntil()).isEqualTo(at("2026-11-10T01:00:00Z"));
        assertThat(events(AuditAction.CLOSE_OUT)).hasSize(1);
    }

    @Test
    void sweep_instanceCarryingAnAbandonedReservationsTag_confirmsTheReservation() {
        reserve(at("2026-11-10T00:00:00Z"));
        test.vast.put(
                KEY, listed(42).label(TAG).startedAt("2026-11-10T00:00:10Z").build());

        SweepSummary summary = sweeper.sweep(at("2026-11-10T01:00:00Z"));

        Instance confirmed = record(42);
        assertThat(confirmed.tag()).isEqualTo(TAG);
        assertThat(confirmed.label()).contains("my-job");
        assertThat(confirmed.adopted()).isFalse();
        assertThat(confirmed.accruedCost()).isEqualTo(Money.ofDollars("0.299167"));
        assertThat(test.instances.reservations(TEAM)).isEmpty();
        assertThat(summary.adopted()).isEmpty();
    }

    @Test
    void sweep_instanceOfAProvisionStillInFlight_isLeftToThatProvision() {
        reserve(at("2026-11-10T00:00:00Z"));
        test.vast.put(KEY, listed(42).label(TAG).build());

        sweeper.sweep(at("2026-11-10T00:01:00Z"));

        assertThat(test.instances.find(TEAM, 42)).isEmpty();
        assertThat(test.instances.reservations(TEAM)).hasSize(1);
    }

    @Test
    void sweep_reservationWithoutInstanceAfterFifteenMinutes_isReleased() {
        reserve(at("2026-11-10T00:00:00Z"));

        sweeper.sweep(at("2026-11-10T00:10:00Z"));
        int kept = test.instances.reservations(TEAM).size();
        sweeper.sweep(at("2026-11-10T00:16:00Z"));

        assertThat(kept).isEqualTo(1);
        assertThat(test.instances.reservations(TEAM)).isEmpty();
    }

    @Test
    void sweep_teamTaggedInstanceWithoutRecord_recreatesTheRecordWithoutAdopting() {
        test.vast.put(KEY, listed(9).label(TAG).build());

        SweepSummary summary = sweeper.sweep(at("2026-11-10T01:00:00Z"));

        assertThat(record(9).adopted()).isFalse();
        assertThat(record(9).tag()).isEqualTo(TAG);
        assertThat(summary.adopted()).isEmpty();
        assertThat(events(AuditAction.ADOPT)).isEmpty();
    }

    @Test
    void sweep_instanceTaggedForAnotherTeam_isLeftAlone() {
        test.vast.put(
                KEY,
                listed(9)
                        .label("vastguard:team-b:0123456789abcdef0123456789abcdef")
                        .build());

        sweeper.sweep(at("2026-11-10T01:00:00Z"));

        assertThat(test.instances.find(TEAM, 9)).isEmpty();
    }

    @Test
    void sweep_oneTeamsKeyIsMissing_sweepsTheOtherTeamAndNamesTheFailure() {
        test.teams.putPolicy(OTHER, withSecret(aPolicy().build(), "vastguard/teams/b/vast-api-key"));
        track(anInstance("team-a", 1).build(), listed(1));

        SweepSummary summary = sweeper.sweep(at("2026-11-10T01:00:00Z"));

        assertThat(summary.teams()).isEqualTo(2);
        assertThat(summary.accrued()).isEqualTo(Money.ofDollars("0.30"));
        assertThat(summary.failures()).singleElement().satisfies(f -> {
            assertThat(f.team()).isEqualTo(OTHER);
            assertThat(f.reason()).contains("vastguard/teams/b/vast-api-key");
        });
    }

    @Test
    void sweep_oneTeamsListingFails_sweepsTheOtherTeamAndNeverShowsTheKey() {
        test.keys.put("vastguard/teams/b/vast-api-key", "secret-key-b");
        test.teams.putPolicy(OTHER, withSecret(aPolicy().build(), "vastguard/teams/b/vast-api-key"));
        sweeper = new Sweeper(
                platform(key -> "secret-key-b".equals(key.value()) ? failingList() : test.vast.forKey(key)));
        track(anInstance("team-a", 1).build(), listed(1));

        SweepSummary summary = sweeper.sweep(at("2026-11-10T01:00:00Z"));

        assertThat(record(1).accruedCost()).isEqualTo(Money.ofDollars("0.30"));
        assertThat(summary.failures()).singleElement().satisfies(f -> {
            assertThat(f.team()).isEqualTo(OTHER);
            assertThat(f.reason()).contains("list instances: timed out").doesNotContain("secret-key-b");
        });
    }

    @Test
    void sweep_oneInstanceCannotBeStopped_stopsTheOthersAndNamesTheTeam() {
        test.teams.putPolicy(TEAM, aPolicy().dailyBudget("1.00").build());
        track(anInstance("team-a", 1).build(), listed(1));
        track(anInstance("team-a", 2).build(), listed(2));
        test.vast.failNext(FakeVast.Operation.STOP, new VastApiException("stop instance 1: server error", 503, null));

        SweepSummary summary = sweeper.sweep(at("2026-11-10T04:00:00Z"));

        assertThat(summary.stopped()).containsExactly(2L);
        assertThat(summary.suspended()).containsExactly(TEAM);
        assertThat(summary.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("1 (stop instance 1: server error)"));
    }

    @Test
    void toMap_summary_givesJsonReadyValuesUnderSnakeCaseKeys() {
        test.teams.putPolicy(TEAM, aPolicy().dailyBudget("1.00").build());
        track(anInstance("team-a", 1).build(), listed(1));
        SweepSummary summary = sweeper.sweep(at("2026-11-10T04:00:00Z"));

        Map<String, Object> map = summary.toMap();

        assertThat(map)
                .containsKeys("at", "teams", "instances", "accrued", "suspended", "resumed", "stopped")
                .containsKeys("destroyed", "adopted", "closed_out", "failures");
        assertThat(map.get("at")).isEqualTo("2026-11-10T04:00:00Z");
        assertThat(map.get("accrued")).isEqualTo(new BigDecimal("1.200000"));
        assertThat(map.get("suspended")).isEqualTo(List.of("team-a"));
        assertThat(map.get("stopped")).isEqualTo(List.of(1L));
    }

    private Platform platform(VastClientFactory vast) {
        return new Platform(
                TestPlatform.config(),
                test.clock,
                test.teams,
                test.principals,
                instances,
                test.instances,
                test.audit,
                test.idempotency,
                test.keys,
                vast,
                test.notifications,
                test.reports);
    }

    private void track(Instance instance, Listed listed) {
        test.instances.adopt(instance);
        test.vast.put(KEY, listed.build());
    }

    private void reserve(Instant createdAt) {
        Reservation reservation = new Reservation(
                TEAM,
                TAG,
                "RTX 4090",
                1,
                Money.ofDollars("0.30"),
                Money.ofDollars("0.004"),
                Optional.of("my-job"),
                createdAt);
        assertThat(test.instances.reserve(reservation, team().version(), Money.ZERO))
                .isTrue();
    }

    private Instance record(long id) {
        return test.instances.find(TEAM, id).orElseThrow();
    }

    private Team team() {
        return test.teams.find(TEAM).orElseThrow();
    }

    private List<AuditEvent> events(AuditAction action) {
        return test.audit.all().stream().filter(e -> e.action() == action).toList();
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    private static Policy withSecret(Policy policy, String secretId) {
        return new Policy(
                policy.gpuWhitelist(),
                policy.maxInstances(),
                policy.dailyBudget(),
                policy.maxDph(),
                policy.minReliability(),
                secretId,
                policy.onBudgetExceeded(),
                policy.monthlyBudget(),
                policy.alertThresholds(),
                policy.destroyStoppedAfterHours(),
                policy.maxLoadingMinutes());
    }

    /** A client whose listing always times out with a message that (wrongly) echoes the key. */
    private static VastClient failingList() {
        return (VastClient) Proxy.newProxyInstance(
                VastClient.class.getClassLoader(), new Class<?>[] {VastClient.class}, (proxy, method, args) -> {
                    throw new VastClientException(
                            "list instances: timed out (Authorization: Bearer secret-key-b)", null);
                });
    }
}
