package dev.vastguard.report;

import static dev.vastguard.testing.Fixtures.aPolicy;
import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
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
import dev.vastguard.testing.TestPlatform;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChargebackReportsTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final String CHARGEBACK = "reports/2026/11/chargeback.csv";
    private static final String TOTALS = "reports/2026/11/totals.csv";
    private static final String FOCUS = "reports/2026/11/focus.csv";
    private static final String SUMMARY = "reports/2026/11/summary.json";
    private static final String PAGE = "reports/2026/11/summary.html";
    private static final String MANIFEST = "reports/2026/11/manifest.json";
    private static final List<String> ALL = List.of(CHARGEBACK, TOTALS, FOCUS, SUMMARY, PAGE, MANIFEST);

    private final TestPlatform test = new TestPlatform();
    private final ChargebackReports reports = new ChargebackReports(test.platform());

    @BeforeEach
    void givenThreeTeams() {
        for (String team : List.of("team-c", "team-a", "team-b")) {
            test.teams.putPolicy(TeamId.of(team), aPolicy().build());
        }
    }

    @Test
    void write_month_returnsTheBucketAndEveryKeyManifestLast() {
        ReportResult result = reports.write(NOVEMBER);

        assertThat(result.bucket()).isEqualTo("test-reports");
        assertThat(result.keys()).containsExactlyElementsOf(ALL);
        assertThat(test.reports.objects()).containsOnlyKeys(ALL);
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

        assertThat(lines(CHARGEBACK).get(0))
                .isEqualTo("team,instance_id,gpu_name,num_gpus,day,hours,storage_hours,cost,vast_charged,adopted,"
                        + "closed_out,untracked");
        assertThat(text(CHARGEBACK).substring(text(CHARGEBACK).indexOf('\n') + 1))
                .isEqualTo("""
                team-a,3,RTX 4090,1,2026-11-10,0.000000,10.000000,0.040000,,false,false,false
                team-a,9,RTX 4090,1,2026-11-10,1.000000,0.000000,0.300000,,false,false,false
                team-a,9,RTX 4090,1,2026-11-11,0.500000,0.000000,0.150000,,false,false,false
                team-b,5,RTX 4090,1,2026-11-10,1.500000,0.000000,0.450000,,false,false,false
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
                        "team-a,1,RTX 4090,1,2026-11-10,1.000000,0.000000,0.300000,,true,false,false",
                        "team-a,2,RTX 4090,1,2026-11-10,1.000000,0.000000,0.300000,,false,true,false");
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
    void write_aMonthThatHasNotBegunOrBefore2000_isRefusedAndWritesNothing() {
        assertThatThrownBy(() -> reports.write(YearMonth.of(2026, 12)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("month 2026-12 has not begun");
        assertThatThrownBy(() -> reports.write(YearMonth.of(1999, 12)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before 2000-01");
        assertThat(test.reports.objects()).isEmpty();
    }

    @Test
    void write_aReRunThatChangesOneTeamsLines_addsVersionsOfTheChangedFilesOnly() {
        spend(anInstance("team-a", 1).build(), Billing.GPU, "2026-11-10T01:00:00Z");
        reports.write(NOVEMBER);
        test.teams.putPolicy(TeamId.of("team-a"), aPolicy().dailyBudget("99.00").build());

        reports.write(NOVEMBER);

        assertThat(test.reports.versions(CHARGEBACK)).as("same ledger lines").hasSize(1);
        assertThat(test.reports.versions(FOCUS)).as("same ledger lines").hasSize(1);
        assertThat(test.reports.versions(TOTALS)).as("same costs").hasSize(1);
        assertThat(test.reports.versions(SUMMARY)).as("the budget moved").hasSize(2);
        assertThat(test.reports.versions(PAGE)).as("the budget moved").hasSize(2);
        assertThat(test.reports.versions(MANIFEST)).hasSize(2);
    }

    @Test
    void write_afterAFailedBuildLeftANewerVersionBehindTheManifest_storesTheBuiltBytesAgain() throws Exception {
        spend(anInstance("team-a", 1).build(), Billing.GPU, "2026-11-10T01:00:00Z");
        reports.write(NOVEMBER);
        byte[] built = test.reports.objects().get(CHARGEBACK);
        // what a build that stopped after storing a file, before its manifest, leaves behind
        test.reports.put(CHARGEBACK, "text/csv", "team,half a build\n".getBytes(StandardCharsets.UTF_8));

        reports.write(NOVEMBER);

        assertThat(test.reports.objects().get(CHARGEBACK)).isEqualTo(built);
        assertThat(test.reports.versions(CHARGEBACK)).hasSize(3);
        assertThat(test.reports.versions(FOCUS)).hasSize(1);
        JsonNode manifest = new ObjectMapper().readTree(test.reports.objects().get(MANIFEST));
        for (JsonNode file : manifest.get("files")) {
            assertThat(file.get("version_id").asText())
                    .as(file.get("key").asText())
                    .isEqualTo(test.reports
                            .currentVersion(file.get("key").asText())
                            .orElseThrow());
        }
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
        for (String key : ALL) {
            assertThat(test.reports.versions(key))
                    .as("%s: identical bytes keep the current version instead of adding an identical one", key)
                    .hasSize(1);
        }
    }

    @Test
    void write_reconciledDays_putWhatVastChargedOnEachRowAndAddUntrackedRowsForChargesWithoutALine() {
        spend(anInstance("team-a", 1).build(), Billing.GPU, "2026-11-10T01:00:00Z");
        spend(anInstance("team-a", 3).build(), Billing.GPU, "2026-11-10T01:00:00Z");
        spend(anInstance("team-a", 4).build(), Billing.GPU, "2026-11-10T01:00:00Z");
        check("team-a", "2026-11-10", 1, "0.300000", "0.301");
        check("team-a", "2026-11-10", 2, "0", "0.125");
        check("team-a", "2026-11-10", 3, "0.300000", "0.300");
        check("team-a", "2026-11-10", 5, "0", "0");

        reports.write(NOVEMBER);

        assertThat(lines(CHARGEBACK))
                .containsSubsequence(
                        "team-a,1,RTX 4090,1,2026-11-10,1.000000,0.000000,0.300000,0.301000,false,false,false",
                        "team-a,2,,0,2026-11-10,0.000000,0.000000,0.000000,0.125000,false,false,true",
                        "team-a,3,RTX 4090,1,2026-11-10,1.000000,0.000000,0.300000,0.300000,false,false,false",
                        "team-a,4,RTX 4090,1,2026-11-10,1.000000,0.000000,0.300000,0.000000,false,false,false")
                .noneMatch(row -> row.startsWith("team-a,5,"));
        assertThat(lines(TOTALS)).contains("team-a,0.900000,0.726000,-0.174000,1");
    }

    @Test
    void write_focus_holdsEveryChargebackRowAsAFocusRowThatFollowsTheSpec_withTheSameTotal() {
        spend(anInstance("team-a", 1).adopted().build(), Billing.GPU, "2026-11-10T01:00:00Z");
        spend(anInstance("team-a", 3).dph("0.333333").build(), Billing.GPU, "2026-11-10T00:00:07Z");
        spend(anInstance("team-b", 4).build(), Billing.STORAGE, "2026-11-30T23:59:59Z");
        check("team-a", "2026-11-10", 1, "0.300000", "0.301");
        check("team-a", "2026-11-10", 2, "0", "0.125");

        reports.write(NOVEMBER);

        assertThat(FocusChecker.requiring(FocusCsvTest.CONDITIONAL).check(text(FOCUS)))
                .isEmpty();
        assertThat(rowCount(FOCUS)).isEqualTo(rowCount(CHARGEBACK)).isEqualTo(24);
        assertThat(column(FOCUS, "BilledCost"))
                .isEqualByComparingTo(column(CHARGEBACK, "cost"))
                .isPositive();
        assertThat(column(FOCUS, "x_VastCharged")).isEqualByComparingTo(column(CHARGEBACK, "vast_charged"));
    }

    @Test
    void write_summary_totalsPerTeamGpuAndDayAreTheExactSumsOfTheRows() throws Exception {
        spend(anInstance("team-a", 1).dph("0.333333").build(), Billing.GPU, "2026-11-10T00:00:07Z");
        spend(anInstance("team-a", 2).gpuName("H100 SXM").dph("2.777777").build(), Billing.GPU, "2026-11-12T13:13:13Z");
        spend(anInstance("team-b", 3).dph("0.123457").build(), Billing.GPU, "2026-11-10T00:00:01Z");

        reports.write(NOVEMBER);

        JsonNode summary = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(test.reports.objects().get(SUMMARY));
        BigDecimal rowSum = BigDecimal.ZERO;
        for (String row : lines(CHARGEBACK).subList(1, lines(CHARGEBACK).size())) {
            rowSum = rowSum.add(new BigDecimal(row.split(",")[7]));
        }
        assertThat(summary.get("cost").decimalValue()).isEqualByComparingTo(rowSum);
        BigDecimal teams = BigDecimal.ZERO;
        for (JsonNode team : summary.get("teams")) {
            teams = teams.add(team.get("cost").decimalValue());
        }
        BigDecimal gpus = BigDecimal.ZERO;
        for (JsonNode gpu : summary.get("gpus")) {
            gpus = gpus.add(gpu.get("cost").decimalValue());
        }
        BigDecimal days = BigDecimal.ZERO;
        for (JsonNode day : summary.get("days")) {
            days = days.add(day.get("cost").decimalValue());
        }
        assertThat(teams).isEqualByComparingTo(rowSum);
        assertThat(gpus).isEqualByComparingTo(rowSum);
        assertThat(days).isEqualByComparingTo(rowSum);
        assertThat(summary.get("days")).hasSize(30);
        assertThat(summary.get("gpus").findValuesAsText("gpu_name")).containsExactly("H100 SXM", "RTX 4090");
        assertThat(summary.get("teams").findValuesAsText("team")).containsExactly("team-a", "team-b", "team-c");
        assertThat(summary.at("/ledger_watermark/ledger_lines").asLong()).isEqualTo(rowCount(CHARGEBACK));
        assertThat(summary.at("/ledger_watermark/accrued_through").asText()).isEqualTo("2026-11-12T13:13:13Z");
    }

    @Test
    void write_manifest_listsEveryOtherFileWithItsSha256AndSize() throws Exception {
        spend(anInstance("team-a", 1).build(), Billing.GPU, "2026-11-10T01:00:00Z");

        reports.write(NOVEMBER);

        JsonNode manifest = new ObjectMapper().readTree(test.reports.objects().get(MANIFEST));
        assertThat(manifest.get("files").findValuesAsText("key")).containsExactlyElementsOf(ALL.subList(0, 5));
        for (JsonNode file : manifest.get("files")) {
            byte[] stored = test.reports.objects().get(file.get("key").asText());
            assertThat(file.get("sha256").asText())
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(stored)));
            assertThat(file.get("bytes").asLong()).isEqualTo(stored.length);
        }
        assertThat(manifest.at("/ledger_watermark/ledger_lines").asLong()).isEqualTo(1);
        assertThat(manifest.at("/changes/files").findValuesAsText("change")).containsOnly("added");
    }

    @Test
    void write_reRunAfterACorrection_writesNewVersionsAndTheManifestSaysWhatChanged() throws Exception {
        spend(anInstance("team-a", 1).build(), Billing.GPU, "2026-11-10T01:00:00Z");
        spend(anInstance("team-b", 2).build(), Billing.GPU, "2026-11-10T01:00:00Z");
        reports.write(NOVEMBER);
        byte[] firstManifest = test.reports.objects().get(MANIFEST);

        spend(
                anInstance("team-b", 2).accruedUntil("2026-11-10T01:00:00Z").build(),
                Billing.GPU,
                "2026-11-10T02:00:00Z");
        reports.write(NOVEMBER);

        for (String key : ALL) {
            assertThat(test.reports.versions(key)).as(key).hasSize(2);
        }
        JsonNode manifest = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(test.reports.objects().get(MANIFEST));
        JsonNode first = new ObjectMapper().readTree(firstManifest);
        assertThat(manifest.at("/changes/previous_ledger_watermark")).isEqualTo(first.get("ledger_watermark"));
        assertThat(manifest.at("/changes/files").findValuesAsText("change"))
                .containsExactly("changed", "changed", "changed", "changed", "changed");

        assertThat(manifest.at("/changes/files/0/previous_sha256").asText())
                .isEqualTo(first.at("/files/0/sha256").asText());
        JsonNode teams = manifest.at("/changes/teams");
        assertThat(teams).hasSize(1);
        assertThat(teams.get(0).get("team").asText()).isEqualTo("team-b");
        assertThat(teams.get(0).get("previous_cost").decimalValue()).isEqualByComparingTo("0.30");
        assertThat(teams.get(0).get("cost").decimalValue()).isEqualByComparingTo("0.60");
    }

    @Test
    void write_reRunOnAnUnchangedLedger_keepsEveryFileAndTheManifestByteForByte() {
        spend(anInstance("team-a", 1).build(), Billing.GPU, "2026-11-10T01:00:00Z");
        reports.write(NOVEMBER);
        spend(
                anInstance("team-a", 1).accruedUntil("2026-11-10T01:00:00Z").build(),
                Billing.GPU,
                "2026-11-10T03:00:00Z");
        reports.write(NOVEMBER);
        Map<String, byte[]> before = test.reports.objects();

        reports.write(NOVEMBER);

        Map<String, byte[]> after = test.reports.objects();
        for (String key : ALL) {
            assertThat(after.get(key)).as(key).isEqualTo(before.get(key));
            assertThat(test.reports.versions(key)).as(key).hasSize(2);
        }
        assertThat(new String(after.get(MANIFEST), StandardCharsets.UTF_8))
                .as("the changes still describe the build that changed something")
                .contains("\"change\" : \"changed\"");
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

    private int rowCount(String key) {
        return lines(key).size() - 1;
    }

    /** The sum of one column of a CSV file, empty cells left out. */
    private BigDecimal column(String key, String name) {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(text(key)))) {
            BigDecimal sum = BigDecimal.ZERO;
            for (CSVRecord record : parser) {
                String cell = record.get(name);
                sum = cell.isEmpty() ? sum : sum.add(new BigDecimal(cell));
            }
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines(String key) {
        return Arrays.asList(text(key).split("\n"));
    }
}
