package dev.vastguard.report;

import static dev.vastguard.testing.Fixtures.aPolicy;
import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.audit.AuditEvent;
import dev.vastguard.instance.AccrualCalculator;
import dev.vastguard.instance.Billing;
import dev.vastguard.instance.Instance;
import dev.vastguard.ledger.ChargeCheck;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.TestPlatform;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChargebackReportsTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final String CHARGEBACK = "reports/2026/11/chargeback.csv";
    private static final String TOTALS = "reports/2026/11/totals.csv";

    private final TestPlatform test = new TestPlatform();
    private final ChargebackReports reports = new ChargebackReports(test.platform());

    @BeforeEach
    void givenThreeTeams() {
        for (String team : List.of("team-c", "team-a", "team-b")) {
            test.teams.putPolicy(TeamId.of(team), aPolicy().build());
        }
    }

    @Test
    void write_month_returnsTheBucketAndBothKeys() {
        ReportResult result = reports.write(NOVEMBER);

        assertThat(result.bucket()).isEqualTo("test-reports");
        assertThat(result.keys()).containsExactly(CHARGEBACK, TOTALS);
        assertThat(test.reports.objects()).containsOnlyKeys(CHARGEBACK, TOTALS);
    }

    @Test
    void write_ledgerLines_writesOneRowPerTeamInstanceAndDaySortedWithAFixedHeader() {
        spend(anInstance("team-b", 5).build(), Billing.GPU, "2026-11-10T01:30:00Z");
        spend(
                anInstance("team-a", 9).accruedUntil("2026-11-10T23:00:00Z").build(),
                Billing.GPU,
                "2026-11-11T00:30:00Z");
        spend(anInstance("team-a", 3).build(), Billing.STORAGE, "2026-11-10T10:00:00Z");

        reports.write(NOVEMBER);

        assertThat(text(CHARGEBACK)).isEqualTo("""
                        team,instance_id,gpu_name,num_gpus,day,hours,storage_hours,cost,adopted,closed_out
                        team-a,3,RTX 4090,1,2026-11-10,0.000000,10.000000,0.040000,false,false
                        team-a,9,RTX 4090,1,2026-11-10,1.000000,0.000000,0.300000,false,false
                        team-a,9,RTX 4090,1,2026-11-11,0.500000,0.000000,0.150000,false,false
                        team-b,5,RTX 4090,1,2026-11-10,1.500000,0.000000,0.450000,false,false
                        """);
    }

    @Test
    void write_adoptedAndClosedOutInstances_areFlaggedOnTheirLines() {
        spend(anInstance("team-a", 1).adopted().build(), Billing.GPU, "2026-11-10T01:00:00Z");
        spend(anInstance("team-a", 2).build(), Billing.GPU, "2026-11-10T01:00:00Z");
        test.audit.record(new AuditEvent(
                Instant.parse("2026-12-01T00:00:00Z"),
                Optional.of(TeamId.of("team-a")),
                AuditEvent.SWEEPER,
                AuditAction.CLOSE_OUT,
                Optional.of(2L),
                Optional.of(Money.ofDollars("0.30")),
                "no longer listed by Vast.ai"));

        reports.write(NOVEMBER);

        assertThat(lines(CHARGEBACK))
                .contains(
                        "team-a,1,RTX 4090,1,2026-11-10,1.000000,0.000000,0.300000,true,false",
                        "team-a,2,RTX 4090,1,2026-11-10,1.000000,0.000000,0.300000,false,true");
    }

    @Test
    void write_totals_equalTheSumOfEachTeamsLinesToTheMicroDollar() {
        spend(anInstance("team-a", 1).dph("0.333333").build(), Billing.GPU, "2026-11-10T00:00:07Z");
        spend(anInstance("team-a", 2).dph("0.777777").build(), Billing.GPU, "2026-11-12T13:13:13Z");
        spend(anInstance("team-b", 3).dph("0.123457").build(), Billing.GPU, "2026-11-10T00:00:01Z");

        reports.write(NOVEMBER);

        BigDecimal lineSum = lines(CHARGEBACK).stream()
                .filter(row -> row.startsWith("team-a,"))
                .map(row -> new BigDecimal(row.split(",")[7]))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lines(TOTALS)).contains("team-a," + lineSum.setScale(6).toPlainString() + ",,,");
        assertThat(lineSum)
                .isEqualByComparingTo(
                        test.instances.monthSpend(TeamId.of("team-a"), NOVEMBER).toDollars());
    }

    @Test
    void write_teamWithoutSpend_getsAZeroRowInTheTotals() {
        spend(anInstance("team-a", 1).build(), Billing.GPU, "2026-11-10T01:00:00Z");

        reports.write(NOVEMBER);

        assertThat(text(TOTALS)).isEqualTo("""
                team,cost,vast_charged,difference,reconciled_days
                team-a,0.300000,,,
                team-b,0.000000,,,
                team-c,0.000000,,,
                """);
    }

    @Test
    void write_linesOfOtherMonths_areLeftOut() {
        spend(
                anInstance("team-a", 1).accruedUntil("2026-10-31T23:00:00Z").build(),
                Billing.GPU,
                "2026-11-01T01:00:00Z");

        reports.write(NOVEMBER);

        assertThat(lines(CHARGEBACK)).hasSize(2).last().asString().contains("2026-11-01");
        assertThat(lines(TOTALS)).contains("team-a,0.300000,,,");
    }

    @Test
    void write_reconciledDays_appendsWhatVastChargedAndTheDifferenceOnThoseDays() {
        spend(anInstance("team-a", 1).build(), Billing.GPU, "2026-11-10T01:00:00Z");
        spend(
                anInstance("team-a", 2).accruedUntil("2026-11-12T00:00:00Z").build(),
                Billing.GPU,
                "2026-11-12T02:00:00Z");
        check("team-a", "2026-11-10", 1, "0.300000", "0.301");
        check("team-a", "2026-11-12", 2, "0.600000", "0.598");
        check("team-c", "2026-11-10", 7, "0", "0");
        check("team-a", "2026-10-31", 1, "0", "5.00");

        reports.write(NOVEMBER);

        assertThat(text(TOTALS)).isEqualTo("""
                team,cost,vast_charged,difference,reconciled_days
                team-a,0.900000,0.899000,-0.001000,2
                team-b,0.000000,,,
                team-c,0.000000,0.000000,0.000000,1
                """);
    }

    @Test
    void write_twiceOnTheSameLedger_givesIdenticalBytes() {
        spend(anInstance("team-a", 1).build(), Billing.GPU, "2026-11-10T01:00:00Z");
        spend(anInstance("team-b", 2).build(), Billing.STORAGE, "2026-11-11T01:00:00Z");
        check("team-a", "2026-11-10", 1, "0.300000", "0.301");
        check("team-a", "2026-11-10", 9, "0", "0.125");
        reports.write(NOVEMBER);
        byte[] chargeback = test.reports.objects().get(CHARGEBACK);
        byte[] totals = test.reports.objects().get(TOTALS);

        reports.write(NOVEMBER);

        assertThat(test.reports.objects().get(CHARGEBACK)).isEqualTo(chargeback);
        assertThat(test.reports.objects().get(TOTALS)).isEqualTo(totals);
    }

    private void spend(Instance instance, Billing billing, String until) {
        test.instances.adopt(instance);
        test.instances.applyAccrual(
                AccrualCalculator.accrue(instance, billing, Instant.parse(until), Optional.empty()));
    }

    private void check(String team, String day, long instanceId, String ledger, String charged) {
        LocalDate date = LocalDate.parse(day);
        List<ChargeCheck.PerInstance> instances =
                new ArrayList<>(test.instances.chargeChecks(TeamId.of(team), YearMonth.from(date)).stream()
                        .filter(check -> check.day().equals(date))
                        .flatMap(check -> check.instances().stream())
                        .toList());
        instances.add(new ChargeCheck.PerInstance(instanceId, Money.ofDollars(ledger), Money.ofDollars(charged)));
        test.instances.putChargeCheck(
                new ChargeCheck(TeamId.of(team), date, instances, Instant.parse("2026-12-01T00:30:00Z")));
    }

    private String text(String key) {
        return new String(test.reports.objects().get(key), StandardCharsets.UTF_8);
    }

    private List<String> lines(String key) {
        return Arrays.asList(text(key).split("\n"));
    }
}
