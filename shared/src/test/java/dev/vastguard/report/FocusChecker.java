package dev.vastguard.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks a CSV file against the column rules of FOCUS 1.2 (the FinOps Open Cost and Usage Specification): which
 * columns must be there, each column's type and format, the allowed values, and when a value must or must not be
 * null. It was written from the spec's column pages and its attribute pages (Date/Time Format, Numeric Format,
 * Key-Value Format, Currency Code Format, Column Naming, Null Handling), and it knows nothing about vastguard, so it
 * judges the export the way a FinOps tool that loads FOCUS data would.
 *
 * <p>Only MUST and MUST NOT rules are checked; a SHOULD is left to the reader. An empty CSV cell is a null. Rules
 * that need knowledge the file does not hold (whether the sum of BilledCost matches the invoices, whether a display
 * name exists) cannot be checked from the file and are not. Conditional columns that a provider must include only
 * when it supports a feature are named by the caller with {@link #requiring}.
 *
 * <p>The checker keeps nothing per row, so it can read a month of a million rows.
 */
public final class FocusChecker {

    /** Columns every FOCUS 1.2 dataset holds. */
    public static final Set<String> MANDATORY = Set.of(
            "BilledCost",
            "BillingAccountId",
            "BillingAccountName",
            "BillingCurrency",
            "BillingPeriodEnd",
            "BillingPeriodStart",
            "ChargeCategory",
            "ChargeClass",
            "ChargeDescription",
            "ChargePeriodEnd",
            "ChargePeriodStart",
            "ContractedCost",
            "EffectiveCost",
            "InvoiceIssuerName",
            "ListCost",
            "PricingQuantity",
            "PricingUnit",
            "ProviderName",
            "PublisherName",
            "ServiceCategory",
            "ServiceName");

    /** Every column FOCUS 1.2 defines; any other column must be a custom one. */
    public static final Set<String> DEFINED = union(
            MANDATORY,
            Set.of(
                    "AvailabilityZone",
                    "BillingAccountType",
                    "CapacityReservationId",
                    "CapacityReservationStatus",
                    "ChargeFrequency",
                    "CommitmentDiscountCategory",
                    "CommitmentDiscountId",
                    "CommitmentDiscountName",
                    "CommitmentDiscountQuantity",
                    "CommitmentDiscountStatus",
                    "CommitmentDiscountType",
                    "CommitmentDiscountUnit",
                    "ConsumedQuantity",
                    "ConsumedUnit",
                    "ContractedUnitPrice",
                    "InvoiceId",
                    "ListUnitPrice",
                    "PricingCategory",
                    "PricingCurrency",
                    "PricingCurrencyContractedUnitPrice",
                    "PricingCurrencyEffectiveCost",
                    "PricingCurrencyListUnitPrice",
                    "RegionId",
                    "RegionName",
                    "ResourceId",
                    "ResourceName",
                    "ResourceType",
                    "ServiceSubcategory",
                    "SkuId",
                    "SkuMeter",
                    "SkuPriceDetails",
                    "SkuPriceId",
                    "SubAccountId",
                    "SubAccountName",
                    "SubAccountType",
                    "Tags"));

    private static final Set<String> DECIMALS = Set.of(
            "BilledCost",
            "CommitmentDiscountQuantity",
            "ConsumedQuantity",
            "ContractedCost",
            "ContractedUnitPrice",
            "EffectiveCost",
            "ListCost",
            "ListUnitPrice",
            "PricingCurrencyContractedUnitPrice",
            "PricingCurrencyEffectiveCost",
            "PricingCurrencyListUnitPrice",
            "PricingQuantity");
    private static final Set<String> UNIT_PRICES = Set.of(
            "ContractedUnitPrice",
            "ListUnitPrice",
            "PricingCurrencyContractedUnitPrice",
            "PricingCurrencyListUnitPrice");
    private static final Set<String> DATE_TIMES =
            Set.of("BillingPeriodEnd", "BillingPeriodStart", "ChargePeriodEnd", "ChargePeriodStart");
    private static final Set<String> KEY_VALUES = Set.of("SkuPriceDetails", "Tags");
    private static final Set<String> NEVER_NULL = Set.of(
            "BilledCost",
            "BillingAccountId",
            "BillingCurrency",
            "BillingPeriodEnd",
            "BillingPeriodStart",
            "ChargeCategory",
            "ChargeFrequency",
            "ChargePeriodEnd",
            "ChargePeriodStart",
            "ContractedCost",
            "EffectiveCost",
            "InvoiceIssuerName",
            "ListCost",
            "PricingCurrencyEffectiveCost",
            "ProviderName",
            "PublisherName",
            "ServiceCategory",
            "ServiceName",
            "ServiceSubcategory");

    /** Null for a Tax charge, never null for a Usage or Purchase charge that is not a correction. */
    private static final Set<String> PRICED = Set.of(
            "ContractedUnitPrice",
            "ListUnitPrice",
            "PricingCategory",
            "PricingQuantity",
            "PricingUnit",
            "SkuId",
            "SkuPriceId");

    /** Null unless the charge is usage that did not leave a commitment unused; then never null unless a correction. */
    private static final Set<String> CONSUMED = Set.of("ConsumedQuantity", "ConsumedUnit");

    /** A column that must be null exactly when another one is (the second must be non-null when the first is). */
    private static final Map<String, String> NULL_WITH = Map.of(
            "ResourceType", "ResourceId",
            "RegionName", "RegionId",
            "SubAccountName", "SubAccountId",
            "CommitmentDiscountCategory", "CommitmentDiscountId",
            "CommitmentDiscountType", "CommitmentDiscountId",
            "CapacityReservationStatus", "CapacityReservationId");

    /** A column that must be null when another one is, but may be null when it is not. */
    private static final Map<String, String> NULL_IF_NULL = Map.of(
            "ResourceName", "ResourceId",
            "CommitmentDiscountName", "CommitmentDiscountId",
            "CommitmentDiscountStatus", "CommitmentDiscountId",
            "SkuMeter", "SkuId",
            "SkuPriceDetails", "SkuPriceId");

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "ChargeCategory", Set.of("Adjustment", "Credit", "Purchase", "Tax", "Usage"),
            "ChargeClass", Set.of("Correction"),
            "ChargeFrequency", Set.of("One-Time", "Recurring", "Usage-Based"),
            "PricingCategory", Set.of("Committed", "Dynamic", "Other", "Standard"),
            "CommitmentDiscountCategory", Set.of("Spend", "Usage"),
            "CommitmentDiscountStatus", Set.of("Unused", "Used"),
            "CapacityReservationStatus", Set.of("Unused", "Used"),
            "ServiceCategory",
                    Set.of(
                            "AI and Machine Learning",
                            "Analytics",
                            "Business Applications",
                            "Compute",
                            "Databases",
                            "Developer Tools",
                            "Identity",
                            "Integration",
                            "Internet of Things",
                            "Management and Governance",
                            "Media",
                            "Migration",
                            "Mobile",
                            "Multicloud",
                            "Networking",
                            "Other",
                            "Security",
                            "Storage",
                            "Web"));

    /**
     * The subcategories of Compute, the category of GPU rentals. Every category also has {@code Other (<category>)};
     * the subcategories of other categories are not listed here, so a row of another category is only checked for
     * its {@code Other} subcategory's parent.
     */
    private static final Set<String> COMPUTE_SUBCATEGORIES = Set.of(
            "Containers",
            "End User Computing",
            "Quantum Compute",
            "Serverless Compute",
            "Virtual Machines",
            "Other (Compute)");

    private static final Pattern NUMERIC = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Pattern DATE_TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** One broken rule: the data row (1 for the first row after the header, 0 for the header), column and rule. */
    public record Violation(long row, String column, String rule) {
        @Override
        public String toString() {
            return (row == 0 ? "header" : "row " + row) + ", " + column + ": " + rule;
        }
    }

    private final Set<String> required;

    private FocusChecker(Set<String> required) {
        this.required = required;
    }

    /**
     * A checker that also requires the given conditional columns, those whose condition (for example "the provider
     * supports billing based on provisioned resources") holds for the provider whose data is checked.
     *
     * @param conditional the conditional columns that apply
     * @return the checker
     */
    public static FocusChecker requiring(Set<String> conditional) {
        return new FocusChecker(Set.copyOf(conditional));
    }

    /**
     * Checks a whole CSV file.
     *
     * @param csv the file, with its header
     * @return every broken rule, first to last; empty if the file follows the rules checked
     */
    public List<Violation> check(String csv) {
        return check(new StringReader(csv));
    }

    /**
     * Checks a whole CSV file read from a reader, row by row.
     *
     * @param csv the file, with its header
     * @return every broken rule, first to last; empty if the file follows the rules checked
     */
    public List<Violation> check(Reader csv) {
        List<Violation> found = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setAllowDuplicateHeaderNames(true)
                .get()
                .parse(csv)) {
            List<String> columns = parser.getHeaderNames();
            checkHeader(columns, found);
            for (CSVRecord record : parser) {
                Row row = new Row(record, columns);
                if (record.size() != columns.size()) {
                    found.add(row.violation(
                            "(row)", "has " + record.size() + " cells where the header has " + columns.size()));
                }
                checkRow(row, found);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            found.add(new Violation(0, "(file)", "not readable as CSV: " + e.getMessage()));
        }
        return found;
    }

    private void checkHeader(List<String> columns, List<Violation> found) {
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (!seen.add(column)) {
                found.add(new Violation(0, column, "column appears twice"));
            }
            if (!DEFINED.contains(column) && !column.startsWith("x_")) {
                found.add(new Violation(0, column, "not a FOCUS 1.2 column and custom columns must start with x_"));
            }
        }
        for (String column : union(MANDATORY, required)) {
            if (!seen.contains(column)) {
                found.add(new Violation(0, column, "required column missing"));
            }
        }
        NULL_WITH.forEach((column, parent) -> requireParent(seen, column, parent, found));
        NULL_IF_NULL.forEach((column, parent) -> requireParent(seen, column, parent, found));
    }

    private static void requireParent(Set<String> seen, String column, String parent, List<Violation> found) {
        if (seen.contains(column) && !seen.contains(parent)) {
            found.add(new Violation(0, column, "present without " + parent + ", which it depends on"));
        }
    }

    private static void checkRow(Row row, List<Violation> found) {
        for (String column : row.columns()) {
            String value = row.get(column);
            if (value == null) {
                if (NEVER_NULL.contains(column)) {
                    found.add(row.violation(column, "must not be null"));
                }
                continue;
            }
            if (DECIMALS.contains(column)) {
                checkDecimal(row, column, value, found);
            } else if (DATE_TIMES.contains(column)) {
                checkDateTime(row, column, value, found);
            } else if (KEY_VALUES.contains(column)) {
                checkKeyValue(row, column, value, found);
            }
            Set<String> allowed = ALLOWED.get(column);
            if (allowed != null && !allowed.contains(value)) {
                found.add(row.violation(column, "'" + value + "' is not one of the allowed values"));
            }
        }
        checkCurrency(row, "BillingCurrency", found);
        checkCurrency(row, "PricingCurrency", found);
        checkCharge(row, found);
        checkPeriod(row, "BillingPeriodStart", "BillingPeriodEnd", found);
        checkPeriod(row, "ChargePeriodStart", "ChargePeriodEnd", found);
        checkSubcategory(row, found);
        NULL_WITH.forEach((column, parent) -> {
            if (row.has(column) && row.has(parent) && (row.get(column) == null) != (row.get(parent) == null)) {
                found.add(row.violation(column, "must be null exactly when " + parent + " is"));
            }
        });
        NULL_IF_NULL.forEach((column, parent) -> {
            if (row.has(column) && row.has(parent) && row.get(parent) == null && row.get(column) != null) {
                found.add(row.violation(column, "must be null when " + parent + " is"));
            }
        });
        checkProduct(row, "ListUnitPrice", "ListCost", found);
        checkProduct(row, "ContractedUnitPrice", "ContractedCost", found);
    }

    private static void checkCharge(Row row, List<Violation> found) {
        String category = row.get("ChargeCategory");
        boolean correction = "Correction".equals(row.get("ChargeClass"));
        boolean tax = "Tax".equals(category);
        boolean priced = ("Usage".equals(category) || "Purchase".equals(category)) && !correction;
        for (String column : PRICED) {
            if (!row.has(column)) {
                continue;
            }
            if (tax && row.get(column) != null) {
                found.add(row.violation(column, "must be null for a Tax charge"));
            } else if (priced && row.get(column) == null) {
                found.add(row.violation(column, "must not be null for a Usage or Purchase charge"));
            }
        }
        boolean unused = "Unused".equals(row.get("CommitmentDiscountStatus"));
        boolean usage = "Usage".equals(category) && !unused;
        for (String column : CONSUMED) {
            if (!row.has(column)) {
                continue;
            }
            if (!usage && row.get(column) != null) {
                found.add(row.violation(column, "must be null unless the charge is usage of a used commitment"));
            } else if (usage && !correction && row.get(column) == null) {
                found.add(row.violation(column, "must not be null for a Usage charge"));
            }
        }
        if ("Purchase".equals(category) && "Usage-Based".equals(row.get("ChargeFrequency"))) {
            found.add(row.violation("ChargeFrequency", "must not be Usage-Based for a Purchase"));
        }
    }

    private static void checkDecimal(Row row, String column, String value, List<Violation> found) {
        if (!NUMERIC.matcher(value).matches()) {
            found.add(row.violation(column, "'" + value + "' is not in Numeric Format"));
        } else if (UNIT_PRICES.contains(column) && new BigDecimal(value).signum() < 0) {
            found.add(row.violation(column, "a unit price must not be negative"));
        }
    }

    private static void checkDateTime(Row row, String column, String value, List<Violation> found) {
        if (!DATE_TIME.matcher(value).matches()) {
            found.add(row.violation(column, "'" + value + "' is not in Date/Time Format (YYYY-MM-DDTHH:mm:ssZ)"));
            return;
        }
        try {
            Instant.parse(value);
        } catch (DateTimeParseException e) {
            found.add(row.violation(column, "'" + value + "' is not a real date and time"));
        }
    }

    private static void checkKeyValue(Row row, String column, String value, List<Violation> found) {
        JsonNode json;
        try (JsonParser parser = JSON.createParser(value)) {
            json = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                found.add(row.violation(column, "holds more than one JSON value"));
                return;
            }
        } catch (IOException e) {
            found.add(row.violation(column, "not a JSON object with unique keys"));
            return;
        }
        if (json == null || !json.isObject()) {
            found.add(row.violation(column, "not in Key-Value Format: must be a JSON object"));
            return;
        }
        json.properties().forEach(entry -> {
            if (entry.getValue().isContainerNode()) {
                found.add(
                        row.violation(column, "the value of '" + entry.getKey() + "' must not be an object or array"));
            }
        });
    }

    private static void checkCurrency(Row row, String column, List<Violation> found) {
        String value = row.get(column);
        if (value == null) {
            return;
        }
        boolean known;
        try {
            known = CURRENCY.matcher(value).matches() && Currency.getInstance(value) != null;
        } catch (IllegalArgumentException e) {
            known = false;
        }
        if (!known) {
            found.add(row.violation(column, "'" + value + "' is not an ISO 4217 currency code"));
        }
    }

    private static void checkPeriod(Row row, String startColumn, String endColumn, List<Violation> found) {
        Instant start = row.instant(startColumn);
        Instant end = row.instant(endColumn);
        if (start != null && end != null && !start.isBefore(end)) {
            found.add(row.violation(endColumn, "the exclusive end must come after " + startColumn));
        }
    }

    private static void checkSubcategory(Row row, List<Violation> found) {
        String category = row.get("ServiceCategory");
        String subcategory = row.get("ServiceSubcategory");
        if (category == null || subcategory == null) {
            return;
        }
        boolean fits = COMPUTE_SUBCATEGORIES.contains(subcategory)
                ? category.equals("Compute")
                : !subcategory.startsWith("Other (") || subcategory.equals("Other (" + category + ")");
        if (!fits) {
            found.add(row.violation("ServiceSubcategory", "'" + subcategory + "' is not a subcategory of " + category));
        }
    }

    private static void checkProduct(Row row, String unitPriceColumn, String costColumn, List<Violation> found) {
        BigDecimal price = row.decimal(unitPriceColumn);
        BigDecimal quantity = row.decimal("PricingQuantity");
        BigDecimal cost = row.decimal(costColumn);
        if (price == null || quantity == null || cost == null || "Correction".equals(row.get("ChargeClass"))) {
            return;
        }
        if (price.multiply(quantity).compareTo(cost) != 0) {
            found.add(row.violation(costColumn, "must equal " + unitPriceColumn + " times PricingQuantity"));
        }
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        return Set.copyOf(all);
    }

    /** One data row; an absent column and an empty cell both read as null. */
    private record Row(CSVRecord record, List<String> columns) {

        boolean has(String column) {
            return record.isMapped(column);
        }

        String get(String column) {
            if (!record.isSet(column)) {
                return null;
            }
            String value = record.get(column);
            return value.isEmpty() ? null : value;
        }

        BigDecimal decimal(String column) {
            String value = get(column);
            return value != null && NUMERIC.matcher(value).matches() ? new BigDecimal(value) : null;
        }

        Instant instant(String column) {
            String value = get(column);
            if (value == null || !DATE_TIME.matcher(value).matches()) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        Violation violation(String column, String rule) {
            return new Violation(record.getRecordNumber(), Objects.requireNonNull(column), rule);
        }
    }
}
