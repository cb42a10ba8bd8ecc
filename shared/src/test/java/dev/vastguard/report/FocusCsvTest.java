package dev.vastguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FOCUS export row by row, judged by {@link FocusChecker}; and the checker itself, shown to catch data that
 * breaks the spec, so a clean result means something.
 */
public class FocusCsvTest {

    /**
     * The conditional columns whose conditions hold for GPU rentals governed per team: billing per provisioned
     * resource (ResourceId, ResourceName, ResourceType), teams as sub accounts, tags, measured usage, and more than
     * one pricing category (Vast.ai rents on demand and interruptible).
     */
    public static final Set<String> CONDITIONAL = Set.of(
            "ConsumedQuantity",
            "ConsumedUnit",
            "PricingCategory",
            "ResourceId",
            "ResourceName",
            "ResourceType",
            "SubAccountId",
            "SubAccountName",
            "Tags");

    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final TeamId ML = new TeamId("ml-research");
    private static final TeamId VISION = new TeamId("vision");

    private static final List<ChargebackRow> ROWS = List.of(
            // a whole day running, reconciled: Vast.ai charged a little more
            row(ML, 101, "RTX 4090", 2, 1, 86_400, 0, "19.200000", Optional.of("19.210000"), false, false, false),
            // part running, part stopped, on the last day of the month
            row(ML, 102, "A100 SXM4 80GB", 1, 30, 3_601, 7_200, "1.300361", Optional.empty(), false, false, false),
            // adopted and closed out, stopped all day
            row(VISION, 7, "H100 SXM", 8, 15, 0, 86_400, "0.480000", Optional.of("0.480000"), true, true, false),
            // charged by Vast.ai, never seen by vastguard
            row(VISION, 9, "", 0, 15, 0, 0, "0", Optional.of("3.000000"), false, false, true));

    @Test
    void everyRowFollowsTheFocusRules() {
        String csv = focus(ROWS);

        assertThat(FocusChecker.requiring(CONDITIONAL).check(csv)).isEmpty();
    }

    @Test
    void columns_areEveryMandatoryOneAndTheConditionalOnesThatApply_thenCustomColumnsPrefixed() {
        List<String> header = records(focus(List.of())).header();

        assertThat(header).containsAll(FocusChecker.MANDATORY).containsAll(CONDITIONAL);
        assertThat(header)
                .filteredOn(column -> !FocusChecker.DEFINED.contains(column))
                .isNotEmpty()
                .allMatch(column -> column.startsWith("x_"));
        assertThat(header).isEqualTo(FocusCsv.COLUMNS);
    }

    @Test
    void aRow_isOneUsageChargeOfOneInstanceOverOneUtcDay_onTheTeamsSubAccount() {
        CSVRecord first = records(focus(ROWS)).rows().getFirst();

        assertThat(first.get("ChargeCategory")).isEqualTo("Usage");
        assertThat(first.get("ChargeClass")).isEmpty();
        assertThat(first.get("ChargePeriodStart")).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(first.get("ChargePeriodEnd")).isEqualTo("2026-11-02T00:00:00Z");
        assertThat(first.get("BillingPeriodStart")).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(first.get("BillingPeriodEnd")).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(first.get("SubAccountId")).isEqualTo("ml-research");
        assertThat(first.get("Tags")).isEqualTo("{\"vastguard/team\":\"ml-research\"}");
        assertThat(first.get("ResourceId")).isEqualTo("vast.ai/instances/101");
        assertThat(first.get("ResourceName")).isEqualTo("RTX 4090 x2 #101");
        assertThat(first.get("PricingQuantity")).isEqualTo("24.000000");
        assertThat(first.get("PricingUnit")).isEqualTo("Hours");
        assertThat(first.get("x_VastCharged")).isEqualTo("19.210000");
    }

    @Test
    void theLastDayOfTheMonth_endsAtTheNextMonthsFirstMidnight() {
        CSVRecord last = records(focus(ROWS)).rows().get(1);

        assertThat(last.get("ChargePeriodStart")).isEqualTo("2026-11-30T00:00:00Z");
        assertThat(last.get("ChargePeriodEnd")).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(last.get("x_RunningHours")).isEqualTo("1.000278");
        assertThat(last.get("x_StorageHours")).isEqualTo("2.000000");
        assertThat(last.get("ChargeDescription"))
                .isEqualTo("A100 SXM4 80GB x1 on Vast.ai: 1.000278 h running, 2 h stopped (storage only)");
    }

    @Test
    void everyCostColumn_addsUpToTheChargebackToTheMicroDollar() {
        Money chargeback = ROWS.stream().map(ChargebackRow::cost).reduce(Money.ZERO, Money::plus);
        List<CSVRecord> rows = records(focus(ROWS)).rows();

        for (String column : List.of("BilledCost", "EffectiveCost", "ListCost", "ContractedCost")) {
            BigDecimal sum =
                    rows.stream().map(r -> new BigDecimal(r.get(column))).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as(column).isEqualByComparingTo(chargeback.toDollars());
        }
    }

    @Test
    void anUntrackedCharge_namesTheInstanceButNoModel_andCarriesWhatVastCharged() {
        CSVRecord untracked = records(focus(ROWS)).rows().get(3);

        assertThat(untracked.get("ResourceId")).isEqualTo("vast.ai/instances/9");
        assertThat(untracked.get("ResourceName")).isEmpty();
        assertThat(untracked.get("BilledCost")).isEqualTo("0.000000");
        assertThat(untracked.get("ConsumedQuantity")).isEqualTo("0.000000");
        assertThat(untracked.get("x_Untracked")).isEqualTo("true");
        assertThat(untracked.get("x_VastCharged")).isEqualTo("3.000000");
    }

    @Test
    void theSameRows_giveTheSameBytes() {
        assertThat(focus(ROWS)).isEqualTo(focus(ROWS));
    }

    static Stream<Arguments> brokenData() {
        return Stream.of(
                broken("BilledCost", "1,000.50", "Numeric Format"),
                broken("BilledCost", "$19.20", "Numeric Format"),
                broken("BilledCost", "+19.20", "Numeric Format"),
                broken("BilledCost", "", "must not be null"),
                broken("EffectiveCost", "", "must not be null"),
                broken("ChargePeriodStart", "2026-11-01 00:00:00", "Date/Time Format"),
                broken("ChargePeriodStart", "2026-11-01T00:00:00+01:00", "Date/Time Format"),
                broken("ChargePeriodEnd", "2026-11-31T00:00:00Z", "real date"),
                broken("ChargePeriodEnd", "2026-11-01T00:00:00Z", "must come after ChargePeriodStart"),
                broken("BillingPeriodEnd", "2026-10-01T00:00:00Z", "must come after BillingPeriodStart"),
                broken("ChargeCategory", "usage", "allowed values"),
                broken("ChargeCategory", "", "must not be null"),
                broken("ChargeClass", "Refund", "allowed values"),
                broken("ChargeFrequency", "Hourly", "allowed values"),
                broken("PricingCategory", "Spot", "allowed values"),
                broken("PricingCategory", "", "must not be null for a Usage"),
                broken("PricingQuantity", "", "must not be null for a Usage"),
                broken("PricingUnit", "", "must not be null for a Usage"),
                broken("ConsumedQuantity", "", "must not be null for a Usage"),
                broken("ConsumedUnit", "", "must not be null for a Usage"),
                broken("BillingCurrency", "usd", "ISO 4217"),
                broken("BillingCurrency", "XYZ", "ISO 4217"),
                broken("ServiceCategory", "GPU", "allowed values"),
                broken("ServiceSubcategory", "Other (Storage)", "not a subcategory of Compute"),
                broken("ResourceType", "", "must be null exactly when ResourceId is"),
                broken("SubAccountName", "", "must be null exactly when SubAccountId is"),
                broken("Tags", "[\"ml-research\"]", "must be a JSON object"),
                broken("Tags", "{\"team\":{\"id\":1}}", "must not be an object or array"),
                broken("Tags", "{\"team\":\"a\",\"team\":\"b\"}", "unique keys"),
                broken("Tags", "team=ml-research", "unique keys"),
                broken("ProviderName", "", "must not be null"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("brokenData")
    void theChecker_catchesDataThatBreaksTheSpec(String column, String value, String rule) {
        String csv = rewrite(focus(ROWS.subList(0, 1)), row -> with(row, column, value));

        assertThat(FocusChecker.requiring(CONDITIONAL).check(csv)).anySatisfy(violation -> {
            assertThat(violation.column()).isEqualTo(column);
            assertThat(violation.rule()).contains(rule);
        });
    }

    @Test
    void theChecker_catchesATaxChargeWithAUsageQuantity_andAPurchaseBilledByUsage() {
        String csv = rewrite(
                focus(ROWS.subList(0, 1)),
                row -> with(with(row, "ChargeCategory", "Tax"), "ChargeFrequency", "Usage-Based"));
        String purchase = rewrite(focus(ROWS.subList(0, 1)), row -> with(row, "ChargeCategory", "Purchase"));

        assertThat(FocusChecker.requiring(CONDITIONAL).check(csv))
                .extracting(FocusChecker.Violation::column)
                .contains("PricingQuantity", "PricingUnit", "PricingCategory", "ConsumedQuantity", "ConsumedUnit");
        assertThat(FocusChecker.requiring(CONDITIONAL).check(purchase))
                .extracting(FocusChecker.Violation::rule)
                .contains(
                        "must not be Usage-Based for a Purchase",
                        "must be null unless the charge is usage of a used commitment");
    }

    @Test
    void theChecker_catchesAMissingColumn_anUnprefixedCustomColumn_andAResourceNameWithoutAnId() {
        String csv = "BilledCost,BillingAccountId,team,ResourceName\n1.0,vastguard,ml-research,gpu box\n";

        assertThat(FocusChecker.requiring(Set.of("Tags")).check(csv))
                .extracting(FocusChecker.Violation::toString)
                .contains(
                        "header, ChargeCategory: required column missing",
                        "header, Tags: required column missing",
                        "header, team: not a FOCUS 1.2 column and custom columns must start with x_",
                        "header, ResourceName: present without ResourceId, which it depends on");
    }

    @Test
    void theChecker_catchesAListPriceThatDoesNotGiveTheCost_andARowWithMissingCells() {
        String priced = rewrite(
                focus(ROWS.subList(0, 1))
                        .replaceFirst("\n", ",ListUnitPrice\n")
                        .replaceFirst("\n(.*)\n", "\n$1,0.79\n"),
                UnaryOperator.identity());
        String cut = focus(ROWS.subList(0, 1)).replaceFirst(",[^,]*\n$", "\n");

        assertThat(FocusChecker.requiring(CONDITIONAL).check(priced))
                .extracting(FocusChecker.Violation::toString)
                .contains("row 1, ListCost: must equal ListUnitPrice times PricingQuantity");
        assertThat(FocusChecker.requiring(CONDITIONAL).check(cut))
                .extracting(FocusChecker.Violation::column)
                .contains("(row)");
    }

    private static Arguments broken(String column, String value, String rule) {
        return Arguments.of(column, value, rule);
    }

    private static ChargebackRow row(
            TeamId team,
            long instance,
            String gpu,
            int gpus,
            int day,
            long running,
            long stopped,
            String cost,
            Optional<String> charged,
            boolean adopted,
            boolean closedOut,
            boolean untracked) {
        return new ChargebackRow(
                team,
                instance,
                gpu,
                gpus,
                MONTH.atDay(day),
                running,
                stopped,
                Money.ofDollars(cost),
                charged.map(Money::ofDollars),
                adopted,
                closedOut,
                untracked);
    }

    static String focus(List<ChargebackRow> rows) {
        StringWriter out = new StringWriter();
        FocusCsv focus = new FocusCsv(out, MONTH, "vastguard", "vastguard");
        rows.forEach(focus::write);
        focus.flush();
        return out.toString();
    }

    private record Parsed(List<String> header, List<CSVRecord> rows) {}

    private static Parsed records(String csv) {
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv))) {
            return new Parsed(parser.getHeaderNames(), parser.getRecords());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> with(Map<String, String> row, String column, String value) {
        row.put(column, value);
        return row;
    }

    /** Parses a file, changes every row and prints it again with the same header. */
    private static String rewrite(String csv, UnaryOperator<Map<String, String>> change) {
        Parsed parsed = records(csv);
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(parsed.header().toArray(String[]::new))
                        .get())) {
            for (CSVRecord record : parsed.rows()) {
                Map<String, String> row = change.apply(new java.util.LinkedHashMap<>(record.toMap()));
                List<String> cells = new ArrayList<>();
                parsed.header().forEach(column -> cells.add(row.get(column)));
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
