package dev.vastguard.reconcile;

import static dev.vastguard.testing.Fixtures.aPolicy;
import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vastguard.audit.AuditAction;
import dev.vastguard.audit.AuditEvent;
import dev.vastguard.instance.AccrualCalculator;
import dev.vastguard.instance.Billing;
import dev.vastguard.instance.Instance;
import dev.vastguard.ledger.ChargeCheck;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.FakeVast;
import dev.vastguard.testing.TestPlatform;
import dev.vastguard.vast.VastAuthException;
import dev.vastguard.vast.VastCharge;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChargeReconcilerTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-10");
    private static final String KEY_A = "key-team-a";
    private static final String KEY_B = "key-team-b";
    private static final TeamId TEAM_A = TeamId.of("team-a");
    private static final TeamId TEAM_B = TeamId.of("team-b");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestPlatform test = new TestPlatform();
    private final ChargeReconciler reconciler = new ChargeReconciler(test.platform());

    @BeforeEach
    void givenTwoTeamsWithTheirOwnKeys() {
        test.clock.set(Instant.parse("2026-11-11T00:30:00Z"));
        test.keys.put("vastguard/teams/a", KEY_A).put("vastguard/teams/b", KEY_B);
        test.teams.putPolicy(TEAM_A, aPolicy().vastSecretId("vastguard/teams/a").build());
        test.teams.putPolicy(TEAM_B, aPolicy().vastSecretId("vastguard/teams/b").build());
    }

    @Test
    void reconcile_chargesMatchTheLedger_storesEachTeamsCheckWithoutAlerting() {
        spend(anInstance("team-a", 1).dph("0.30").build(), "2026-11-10T10:00:00Z");
        charge(KEY_A, 1, "3.00");
        charge(KEY_B, 2, "0.000");

        ReconcileSummary summary = reconciler.reconcile(DAY);

        assertThat(summary.failures()).isEmpty();
        assertThat(summary.teams())
                .extracting(result -> result.check().team(), ReconcileSummary.TeamResult::overTolerance)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TEAM_A, false),
                        org.assertj.core.groups.Tuple.tuple(TEAM_B, false));
        assertThat(test.instances.chargeChecks(TEAM_A, YearMonth.from(DAY)))
                .containsExactly(new ChargeCheck(
                        TEAM_A,
                        DAY,
                        List.of(new ChargeCheck.PerInstance(1, Money.ofDollars("3.00"), Money.ofDollars("3.00"))),
                        Instant.parse("2026-11-11T00:30:00Z")));
        assertThat(test.instances.chargeChecks(TEAM_B, YearMonth.from(DAY)))
                .singleElement()
                .satisfies(check -> assertThat(check.charged()).isEqualTo(Money.ZERO));
        assertThat(test.notifications.all()).isEmpty();
        assertThat(test.audit.all()).isEmpty();
    }

    @Test
    void reconcile_differenceOverTolerance_notifiesAndAuditsOnceWithTheFigures() throws Exception {
        spend(anInstance("team-a", 1).dph("0.30").build(), "2026-11-10T10:00:00Z");
        charge(KEY_A, 1, "3.00");
        charge(KEY_A, 7, "1.50");

        ReconcileSummary summary = reconciler.reconcile(DAY);

        assertThat(summary.teams().get(0).overTolerance()).isTrue();
        assertThat(summary.teams().get(0).notified()).isTrue();
        assertThat(test.notifications.all())
                .singleElement()
                .satisfies(n -> assertThat(n.subject()).contains("team-a", "2026-11-10"));
        JsonNode message = JSON.readTree(test.notifications.all().get(0).message());
        assertThat(message.path("alert").asText()).isEqualTo("charge_difference");
        assertThat(message.path("team").asText()).isEqualTo("team-a");
        assertThat(message.path("day").asText()).isEqualTo("2026-11-10");
        assertThat(message.path("ledger").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(message.path("charged").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(message.path("difference").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(message.path("instances").findValuesAsText("instance_id")).containsExactly("7");
        assertThat(test.audit.all()).singleElement().satisfies(event -> {
            assertThat(event.team()).contains(TEAM_A);
            assertThat(event.action()).isEqualTo(AuditAction.THRESHOLD);
            assertThat(event.principal()).isEqualTo(AuditEvent.SWEEPER);
            assertThat(event.amount()).contains(Money.ofDollars("1.50"));
            assertThat(event.detail()).contains("Vast.ai charged $4.50", "2026-11-10", "$3.00");
        });
    }

    @Test
    void reconcile_sameDayAgain_replacesTheCheckAndDoesNotAlertTwice() {
        spend(anInstance("team-a", 1).dph("0.30").build(), "2026-11-10T10:00:00Z");
        charge(KEY_A, 1, "5.00");
        ReconcileSummary first = reconciler.reconcile(DAY);

        ReconcileSummary second = reconciler.reconcile(DAY);

        assertThat(first.teams().get(0).notified()).isTrue();
        assertThat(second.teams().get(0).overTolerance()).isTrue();
        assertThat(second.teams().get(0).notified()).isFalse();
        assertThat(test.instances.chargeChecks(TEAM_A, YearMonth.from(DAY)))
                .singleElement()
                .satisfies(check -> {
                    assertThat(check.ledger()).isEqualTo(Money.ofDollars("3.00"));
                    assertThat(check.charged()).isEqualTo(Money.ofDollars("5.00"));
                });
        assertThat(test.notifications.all()).hasSize(1);
        assertThat(test.audit.all()).hasSize(1);
    }

    @Test
    void reconcile_differenceGrowsPastToleranceOnARerun_alertsThen() {
        spend(anInstance("team-a", 1).dph("0.30").build(), "2026-11-10T10:00:00Z");
        charge(KEY_A, 1, "3.02");
        ReconcileSummary first = reconciler.reconcile(DAY);
        charge(KEY_A, 1, "0.02");

        ReconcileSummary second = reconciler.reconcile(DAY);

        assertThat(first.teams().get(0).overTolerance()).isFalse();
        assertThat(second.teams().get(0).check().difference()).isEqualTo(Money.ofDollars("0.04"));
        assertThat(second.teams().get(0).notified()).isTrue();
        assertThat(test.notifications.all()).hasSize(1);
    }

    @Test
    void reconcile_teamWhoseSecretIsMissing_isReportedAndTheOthersAreReconciled() {
        test.teams.putPolicy(
                TeamId.of("team-c"),
                aPolicy().vastSecretId("vastguard/teams/missing").build());
        charge(KEY_A, 1, "0.10");

        ReconcileSummary summary = reconciler.reconcile(DAY);

        assertThat(summary.teams()).extracting(result -> result.check().team()).containsExactly(TEAM_A, TEAM_B);
        assertThat(summary.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.team()).isEqualTo(TeamId.of("team-c"));
            assertThat(failure.reason()).contains("vastguard/teams/missing");
        });
        assertThat(test.instances.chargeChecks(TeamId.of("team-c"), YearMonth.from(DAY)))
                .isEmpty();
    }

    @Test
    void reconcile_vastRefusesTheKey_reportsTheTeamWithoutItsKey() {
        test.vast.failNext(FakeVast.Operation.CHARGES, new VastAuthException("list charges", 404));

        ReconcileSummary summary = reconciler.reconcile(DAY);

        assertThat(summary.teams()).hasSize(1);
        assertThat(summary.failures())
                .singleElement()
                .satisfies(failure -> assertThat(failure.reason())
                        .contains("refused the team's API key")
                        .doesNotContain(KEY_A, KEY_B));
    }

    @Test
    void reconcile_summary_readsAsJsonReadyValues() {
        spend(anInstance("team-a", 1).dph("0.30").build(), "2026-11-10T10:00:00Z");
        charge(KEY_A, 1, "1.999");

        Map<String, Object> map = reconciler.reconcile(DAY).toMap();

        assertThat(map).containsOnlyKeys("day", "teams", "failures");
        assertThat(map.get("day")).isEqualTo("2026-11-10");
        assertThat(map.get("teams"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .first()
                .asString()
                .contains("team=team-a", "ledger=3.000000", "charged=1.999000", "difference=-1.001000")
                .contains("over_tolerance=true", "notified=true");
    }

    private void spend(Instance instance, String until) {
        test.instances.adopt(instance);
        test.instances.applyAccrual(
                AccrualCalculator.accrue(instance, Billing.GPU, Instant.parse(until), Optional.empty()));
    }

    private void charge(String key, long instanceId, String amount) {
        Instant start = DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        test.vast.charge(
                key, new VastCharge(instanceId, start, start.plusSeconds(36_000), Money.ofDollars(amount), List.of()));
    }
}
