package dev.vastguard.report;

import java.io.Writer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a month's chargeback rows as a FOCUS 1.2 cost and usage dataset, one FOCUS row per chargeback row, so the
 * file's costs add up to the chargeback's to the micro-dollar.
 *
 * <p>Every row is a {@code Usage} charge of one Vast.ai instance over one UTC day: the charge period is that day,
 * with its exclusive end at the next midnight, and the billing period is the month. The team is the sub account and
 * the {@code vastguard/team} tag, so a FinOps tool allocates by either. The four cost columns carry the cost
 * vastguard accrued; Vast.ai's own charge for a reconciled day is the custom column {@code x_VastCharged}, because
 * vastguard does not issue the invoice and reconciles only some days.
 *
 * <p>Columns left out on purpose, as FOCUS allows: commitment discounts, capacity reservations, SKUs and prices
 * (Vast.ai has no SKU list and a day's cost mixes the running rate and the storage rate, which the ledger keeps as
 * one amount, so no single unit price times the quantity gives it), regions and availability zones (the ledger does
 * not record where a machine is), and invoice ids. Nulls are empty cells; every value is written by this class, so
 * none needs escaping except the description and the tags, which the CSV printer quotes.
 */
public final class FocusCsv {

    /** The FOCUS columns in the spec's alphabetical order, then the custom {@code x_} columns. */
    public static final List<String> COLUMNS = List.of(
            "BilledCost",
            "BillingAccountId",
            "BillingAccountName",
            "BillingCurrency",
            "BillingPeriodEnd",
            "BillingPeriodStart",
            "ChargeCategory",
            "ChargeClass",
            "ChargeDescription",
            "ChargeFrequency",
            "ChargePeriodEnd",
            "ChargePeriodStart",
            "ConsumedQuantity",
            "ConsumedUnit",
            "ContractedCost",
            "EffectiveCost",
            "InvoiceIssuerName",
            "ListCost",
            "PricingCategory",
            "PricingQuantity",
            "PricingUnit",
            "ProviderName",
            "PublisherName",
            "ResourceId",
            "ResourceName",
            "ResourceType",
            "ServiceCategory",
            "ServiceName",
            "ServiceSubcategory",
            "SubAccountId",
            "SubAccountName",
            "Tags",
            "x_Adopted",
            "x_ClosedOut",
            "x_GpuCount",
            "x_GpuName",
            "x_RunningHours",
            "x_StorageHours",
            "x_Untracked",
            "x_VastCharged");

    /** The tag that names the team, prefixed as FOCUS asks of tags the dataset's provider sets. */
    public static final String TEAM_TAG = "vastguard/team";

    /** The prefix of every resource id, which makes an instance id unique beyond Vast.ai. */
    public static final String RESOURCE_ID_PREFIX = "vast.ai/instances/";

    private static final String VAST = "Vast.ai";
    private static final String HOURS = "Hours";
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final CsvRows rows;
    /** The month's 32 midnights, formatted once rather than twice a row. */
    private final Map<LocalDate, String> midnights = new HashMap<>();

    private final List<String> fixed;
    private String tagsTeam;
    private String tags;

    /**
     * Starts the file: writes the header.
     *
     * @param out where to write; flushed by {@link #flush()}, never closed here
     * @param month the billing period
     * @param billingAccountId the billing account every team's charge belongs to
     * @param billingAccountName its display name
     */
    public FocusCsv(Writer out, YearMonth month, String billingAccountId, String billingAccountName) {
        this.fixed = List.of(
                billingAccountId,
                billingAccountName,
                "USD",
                midnight(month.plusMonths(1).atDay(1)),
                midnight(month.atDay(1)));
        this.rows = new CsvRows(out, COLUMNS);
    }

    /**
     * Writes the FOCUS row of one chargeback row.
     *
     * @param row the row
     */
    public void write(ChargebackRow row) {
        String cost = ReportJson.dollars(row.cost()).toPlainString();
        String billedHours = ReportJson.hoursText(row.gpuSeconds() + row.storageSeconds());
        String runningHours = ReportJson.hoursText(row.gpuSeconds());
        String storageHours = ReportJson.hoursText(row.storageSeconds());
        String team = row.team().value();
        boolean known = !row.gpuName().isEmpty();
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(cost);
        cells.addAll(fixed);
        cells.add("Usage");
        cells.add("");
        cells.add(description(row, known, runningHours, storageHours));
        cells.add("Usage-Based");
        cells.add(midnights.computeIfAbsent(row.day().plusDays(1), FocusCsv::midnight));
        cells.add(midnights.computeIfAbsent(row.day(), FocusCsv::midnight));
        cells.add(billedHours);
        cells.add(HOURS);
        cells.add(cost);
        cells.add(cost);
        cells.add(VAST);
        cells.add(cost);
        cells.add("Standard");
        cells.add(billedHours);
        cells.add(HOURS);
        cells.add(VAST);
        cells.add(VAST);
        cells.add(RESOURCE_ID_PREFIX + row.instanceId());
        cells.add(known ? row.gpuName() + " x" + row.numGpus() + " #" + row.instanceId() : "");
        cells.add("GPU Instance");
        cells.add("Compute");
        cells.add("Vast.ai GPU Cloud");
        cells.add("Virtual Machines");
        cells.add(team);
        cells.add(team);
        cells.add(tags(team));
        cells.add(Boolean.toString(row.adopted()));
        cells.add(Boolean.toString(row.closedOut()));
        cells.add(Integer.toString(row.numGpus()));
        cells.add(row.gpuName());
        cells.add(runningHours);
        cells.add(storageHours);
        cells.add(Boolean.toString(row.untracked()));
        cells.add(row.vastCharged()
                .map(charged -> ReportJson.dollars(charged).toPlainString())
                .orElse(""));
        rows.row(cells.toArray());
    }

    /** Flushes the rows written so far to the writer. */
    public void flush() {
        rows.flush();
    }

    private static String description(ChargebackRow row, boolean known, String runningHours, String storageHours) {
        if (!known) {
            return "Vast.ai instance " + row.instanceId() + ": charged by Vast.ai, never recorded by vastguard";
        }
        return row.gpuName() + " x" + row.numGpus() + " on Vast.ai: " + withoutTrailingZeros(runningHours)
                + " h running, " + withoutTrailingZeros(storageHours) + " h stopped (storage only)";
    }

    /** {@code "2.500000"} as {@code "2.5"}, {@code "2.000000"} as {@code "2"}. */
    private static String withoutTrailingZeros(String decimal) {
        int end = decimal.length();
        while (decimal.charAt(end - 1) == '0') {
            end--;
        }
        return decimal.substring(0, decimal.charAt(end - 1) == '.' ? end - 1 : end);
    }

    private String tags(String team) {
        if (!team.equals(tagsTeam)) {
            tagsTeam = team;
            tags = ReportJson.inline(Map.of(TEAM_TAG, team));
        }
        return tags;
    }

    private static String midnight(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC).format(UTC_SECONDS);
    }
}
