package dev.vastguard.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code summary.json}: a month's totals per team and per GPU model, budget use and reconciliation differences, for
 * finance tools that read JSON. Amounts are dollars with six decimals; every total is the exact sum of the
 * chargeback's rows.
 */
final class SummaryJson {

    private SummaryJson() {}

    /**
     * Writes the summary.
     *
     * @param summary the month's summary
     * @return the JSON bytes
     */
    static byte[] write(ReportSummary summary) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("month", summary.month().toString());
        root.put("currency", "USD");
        root.put("cost", ReportJson.dollars(summary.cost()));
        root.put("reconciled", summary.reconciled().map(SummaryJson::reconciled).orElse(null));
        root.put("teams", summary.teams().stream().map(SummaryJson::team).toList());
        root.put("gpus", summary.gpus().stream().map(SummaryJson::gpu).toList());
        root.put(
                "days",
                summary.days().stream()
                        .map(day -> ordered("day", day.day().toString(), "cost", ReportJson.dollars(day.cost())))
                        .toList());
        root.put("ledger_watermark", watermark(summary.watermark()));
        return ReportJson.write(root);
    }

    /**
     * The watermark as the manifest and summary show it.
     *
     * @param watermark the watermark
     * @return its JSON object
     */
    static Map<String, Object> watermark(ReportSummary.Watermark watermark) {
        return ordered(
                "ledger_lines",
                watermark.lines(),
                "accrued_through",
                watermark.accruedThrough().map(Object::toString).orElse(null));
    }

    private static Map<String, Object> team(ReportSummary.TeamTotal team) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("team", team.team().value());
        json.put("cost", ReportJson.dollars(team.cost()));
        json.put("gpu_hours", ReportJson.hours(team.gpuSeconds()));
        json.put("daily_budget", ReportJson.dollars(team.dailyBudget()));
        json.put("monthly_budget", team.monthlyBudget().map(ReportJson::dollars).orElse(null));
        json.put("month_cap", ReportJson.dollars(team.monthCap()));
        json.put("month_cap_used", used(team));
        json.put("peak_day_cost", ReportJson.dollars(team.peakDay()));
        json.put("days_over_daily_budget", team.daysOverDailyBudget());
        json.put("reconciled", team.reconciled().map(SummaryJson::reconciled).orElse(null));
        return json;
    }

    /** The share of the month's cap spent, four decimals, or null for a zero cap. */
    private static BigDecimal used(ReportSummary.TeamTotal team) {
        if (team.monthCap().micros() == 0) {
            return null;
        }
        return BigDecimal.valueOf(team.cost().micros())
                .divide(BigDecimal.valueOf(team.monthCap().micros()), 4, RoundingMode.HALF_EVEN);
    }

    private static Map<String, Object> gpu(ReportSummary.GpuTotal gpu) {
        return ordered(
                "gpu_name",
                gpu.gpuName(),
                "cost",
                ReportJson.dollars(gpu.cost()),
                "gpu_hours",
                ReportJson.hours(gpu.gpuSeconds()));
    }

    private static Map<String, Object> reconciled(ReportSummary.Reconciled reconciled) {
        return ordered(
                "vast_charged",
                ReportJson.dollars(reconciled.charged()),
                "difference",
                ReportJson.dollars(reconciled.difference()),
                "reconciled_days",
                reconciled.days());
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /**
     * Reads the per-team costs of a summary written earlier, to tell what a re-run changed.
     *
     * @param json the earlier summary
     * @return team id to cost text, empty if it cannot be read
     */
    static Map<String, BigDecimal> teamCosts(JsonNode json) {
        Map<String, BigDecimal> costs = new LinkedHashMap<>();
        for (JsonNode team : json.path("teams")) {
            if (team.path("team").isTextual() && team.path("cost").isNumber()) {
                costs.put(team.path("team").asText(), team.path("cost").decimalValue());
            }
        }
        return costs;
    }
}
