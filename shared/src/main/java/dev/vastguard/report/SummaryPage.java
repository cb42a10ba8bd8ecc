package dev.vastguard.report;

import dev.vastguard.money.Money;
import dev.vastguard.report.ReportSummary.DayTotal;
import dev.vastguard.report.ReportSummary.GpuTotal;
import dev.vastguard.report.ReportSummary.Reconciled;
import dev.vastguard.report.ReportSummary.TeamTotal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a month's {@link ReportSummary} as {@code summary.html}: one self-contained page for finance with three
 * inline SVG charts (spend per team against its month cap, spend per GPU model, daily spend) and the totals table.
 *
 * <p>The page loads nothing (no scripts, stylesheets, fonts or images) so that it opens the same from S3, a mail
 * attachment or a laptop without network. It is deterministic: the same summary always gives the same bytes, so two
 * runs of a month can be compared with a plain diff. Amounts are formatted from exact micro-dollars, rounded half-even
 * to the cent; chart geometry is derived from the same exact figures with {@link BigDecimal}.
 */
public final class SummaryPage {

    /** Width of every chart's coordinate system; the page scales charts down on narrow screens. */
    private static final int WIDTH = 960;

    /** Space on the right of the bar charts for the amount beside each bar. */
    private static final int VALUE_COLUMN = 210;

    /** Height of one bar-chart row: the name on its own line, then the bar, so long names never meet the bars. */
    private static final int ROW = 40;

    /** Room above the first bar-chart row for the dollar axis. */
    private static final int AXIS = 26;

    /**
     * Longest name drawn in a chart, in characters. Even at the widest glyphs this stays left of the value column;
     * longer names are cut with an ellipsis in the chart and appear whole in its tooltip and in the table.
     */
    private static final int MAX_LABEL = 56;

    private static final int DAY_LEFT = 72;
    private static final int DAY_TOP = 14;
    private static final int DAY_PLOT_HEIGHT = 220;
    private static final int DAY_BOTTOM = 34;

    private static final String INK = "#1f2933";
    private static final String SPEND = "#2f6fb0";
    private static final String OVER = "#c2412d";
    private static final String GPU = "#2a8a84";
    private static final String BAND = "#dde5ee";
    private static final String GRID = "#e4e7eb";

    private static final long CENT = 10_000;
    private static final long DOLLAR = 1_000_000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String NONE = "\u2014";
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String STYLE = String.join(
            "",
            "*{box-sizing:border-box}",
            "body{margin:0;background:#f4f6f8;color:#1f2933;",
            "font:14px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif}",
            "main{max-width:1040px;margin:0 auto;padding:32px 24px 40px}",
            "h1{font-size:24px;font-weight:600;margin:0}",
            ".sub{color:#52606d;margin:4px 0 0}",
            ".kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:24px 0}",
            ".kpi{background:#fff;border:1px solid #e4e7eb;border-radius:8px;padding:12px 16px}",
            ".kpi .label{font-size:12px;color:#52606d}",
            ".kpi .value{font-size:20px;font-weight:600;font-variant-numeric:tabular-nums}",
            ".kpi .value.over{color:#c2412d}",
            ".kpi .detail{font-size:12px;color:#7b8794}",
            "section{background:#fff;border:1px solid #e4e7eb;border-radius:8px;padding:20px 24px;margin:0 0 20px;",
            "break-inside:avoid}",
            "h2{font-size:16px;font-weight:600;margin:0 0 2px}",
            ".note{font-size:12px;color:#52606d;margin:0 0 12px}",
            ".legend{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:12px;color:#52606d;margin:0 0 12px}",
            ".swatch{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-2px;",
            "margin-right:6px}",
            ".swatch.cap{border-radius:0;border-right:2px solid #1f2933}",
            "svg{display:block;max-width:100%;height:auto}",
            "svg text{font-size:12px;fill:#1f2933}",
            "svg .tick{font-size:11px;fill:#7b8794}",
            "svg .value{font-variant-numeric:tabular-nums}",
            "svg .empty{font-size:13px;fill:#7b8794}",
            ".table-wrap{overflow-x:auto}",
            "table{border-collapse:collapse;width:100%;font-size:13px;font-variant-numeric:tabular-nums}",
            "th,td{padding:7px 8px;border-bottom:1px solid #e4e7eb;text-align:right;white-space:nowrap}",
            "thead th{font-size:12px;font-weight:600;color:#52606d;white-space:normal;vertical-align:bottom}",
            "th[scope=row],thead th:first-child{text-align:left;white-space:normal;overflow-wrap:anywhere;",
            "min-width:11em;font-weight:500}",
            "tbody tr:nth-child(even){background:#f9fafb}",
            "tr.total th,tr.total td{font-weight:600;border-top:2px solid #1f2933;border-bottom:none}",
            "td.over{color:#c2412d;font-weight:600}",
            "footer{font-size:12px;color:#7b8794;margin-top:8px}");

    private SummaryPage() {}

    /**
     * Renders the page.
     *
     * @param summary the month's figures
     * @return the whole HTML document; the same summary always gives the same text
     */
    public static String render(ReportSummary summary) {
        String month = monthName(summary);
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Chargeback ")
                .append(esc(month))
                .append(" \u2014 vastguard</title>\n<style>")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n");
        header(html, summary, month);
        keyFigures(html, summary);
        teamChart(html, summary);
        gpuChart(html, summary);
        dayChart(html, summary, month);
        totalsTable(html, summary);
        html.append("<footer>Amounts in US dollars, rounded half-even to the cent from exact ledger figures.")
                .append(" Month caps and budgets are each team's current policy.</footer>\n")
                .append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, ReportSummary summary, String month) {
        ReportSummary.Watermark watermark = summary.watermark();
        html.append("<header>\n<h1>GPU chargeback \u2014 ")
                .append(esc(month))
                .append("</h1>\n<p class=\"sub\">Vast.ai spend per team, from the vastguard ledger.</p>\n")
                .append("<p class=\"sub\" id=\"watermark\">Built from ")
                .append(count(watermark.lines()))
                .append(watermark.lines() == 1 ? " ledger line" : " ledger lines");
        watermark
                .accruedThrough()
                .ifPresentOrElse(
                        through -> html.append(", accrued through ")
                                .append(INSTANT.format(through))
                                .append('.'),
                        () -> html.append("; the lines do not record how far accruals reached."));
        html.append("</p>\n</header>\n");
    }

    /** The figures a reader wants first, above the charts. */
    private static void keyFigures(StringBuilder html, ReportSummary summary) {
        Money caps = sum(summary.teams().stream().map(TeamTotal::monthCap).toList());
        long over = summary.teams().stream().filter(SummaryPage::isOver).count();
        Optional<Reconciled> reconciled = summary.reconciled();
        String onDays = reconciled
                .map(r -> "on " + count(r.days()) + (r.days() == 1 ? " reconciled team-day" : " reconciled team-days"))
                .orElse("no day reconciled yet");
        html.append("<div class=\"kpis\">\n");
        kpi(html, "Total spend", dollars(summary.cost()), "", false);
        kpi(html, "Month caps", dollars(caps), "all teams together", false);
        kpi(html, "Caps used", percent(summary.cost(), caps), "", summary.cost().compareTo(caps) > 0);
        kpi(html, "Teams over cap", count(over) + " of " + count(summary.teams().size()), "", over > 0);
        kpi(html, "Vast.ai charged", reconciled.map(r -> dollars(r.charged())).orElse(NONE), onDays, false);
        kpi(
                html,
                "Difference",
                reconciled.map(r -> dollars(r.difference())).orElse(NONE),
                "charged minus ledger",
                false);
        html.append("</div>\n");
    }

    private static void kpi(StringBuilder html, String label, String value, String detail, boolean over) {
        html.append("<div class=\"kpi\"><div class=\"label\">")
                .append(esc(label))
                .append("</div><div class=\"value")
                .append(over ? " over" : "")
                .append("\">")
                .append(esc(value))
                .append("</div>");
        if (!detail.isEmpty()) {
            html.append("<div class=\"detail\">").append(esc(detail)).append("</div>");
        }
        html.append("</div>\n");
    }

    /** Chart 1: each team's spend as a bar over a band as long as its month cap, with the cap marked. */
    private static void teamChart(StringBuilder html, ReportSummary summary) {
        List<TeamTotal> teams = summary.teams();
        long max = 0;
        for (TeamTotal team : teams) {
            max = Math.max(max, Math.max(positive(team.cost()), positive(team.monthCap())));
        }
        Axis axis = Axis.of(max);
        // Without rows an axis would only frame nothing: the chart is then just its note.
        int height = teams.isEmpty() ? 40 : AXIS + teams.size() * ROW + 6;
        html.append("<section id=\"teams\">\n<h2>Spend per team against its month cap</h2>\n")
                .append("<p class=\"note\">Percentages are of the month cap: the lower of the monthly budget and")
                .append(" the daily budget times the days of the month.</p>\n")
                .append("<div class=\"legend\">")
                .append(legend(SPEND, "Spend within cap", false))
                .append(legend(OVER, "Spend over cap", false))
                .append(legend(BAND, "Month cap", true))
                .append("</div>\n");
        openSvg(html, "chart-teams", "Spend per team against its month cap", height);
        int track = WIDTH - VALUE_COLUMN;
        if (teams.isEmpty()) {
            emptyNote(html, "No teams this month.", 24);
        } else {
            barAxis(html, axis, track, height);
        }
        for (int i = 0; i < teams.size(); i++) {
            teamRow(html, teams.get(i), axis, AXIS + i * ROW);
        }
        html.append("</svg>\n</section>\n");
    }

    /** One team: its name, the band up to its cap, its spend over the band, the cap mark and the figures. */
    private static void teamRow(StringBuilder html, TeamTotal team, Axis axis, int top) {
        int track = WIDTH - VALUE_COLUMN;
        boolean over = isOver(team);
        String name = team.team().value();
        String value = dollars(team.cost()) + " \u00b7 "
                + (team.monthCap().micros() > 0 ? percent(team.cost(), team.monthCap()) + " of cap" : "no cap");
        html.append("<g>");
        html.append("<title>")
                .append(esc(name + ": " + dollars(team.cost()) + " of a " + dollars(team.monthCap()) + " cap"))
                .append("</title>");
        label(html, name, top);
        html.append("<rect class=\"cap-band\" x=\"0\" y=\"")
                .append(top + 18)
                .append("\" width=\"")
                .append(px(axis.scale(positive(team.monthCap()), track)))
                .append("\" height=\"14\" fill=\"")
                .append(BAND)
                .append("\"/>");
        html.append("<rect class=\"bar-team")
                .append(over ? " over" : "")
                .append("\" x=\"0\" y=\"")
                .append(top + 21)
                .append("\" width=\"")
                .append(px(axis.scale(positive(team.cost()), track)))
                .append("\" height=\"8\" fill=\"")
                .append(over ? OVER : SPEND)
                .append("\"/>");
        html.append("<rect class=\"cap-mark\" x=\"")
                .append(px(axis.scale(positive(team.monthCap()), track)
                        .subtract(BigDecimal.ONE)
                        .max(BigDecimal.ZERO)))
                .append("\" y=\"")
                .append(top + 15)
                .append("\" width=\"2\" height=\"20\" fill=\"")
                .append(INK)
                .append("\"/>");
        valueText(html, value, top, over);
        html.append("</g>\n");
    }

    /** Chart 2: spend per GPU model, largest first, with its share of the month. */
    private static void gpuChart(StringBuilder html, ReportSummary summary) {
        List<GpuTotal> gpus = new ArrayList<>(summary.gpus());
        // Largest first reads best; the sort is stable, so equal costs keep the summary's name order.
        gpus.sort(Comparator.comparing(GpuTotal::cost).reversed());
        long max = 0;
        Money total = Money.ZERO;
        for (GpuTotal gpu : gpus) {
            max = Math.max(max, positive(gpu.cost()));
            total = total.plus(gpu.cost());
        }
        Axis axis = Axis.of(max);
        // Without rows an axis would only frame nothing: the chart is then just its note.
        int height = gpus.isEmpty() ? 40 : AXIS + gpus.size() * ROW + 6;
        html.append("<section id=\"gpus\">\n<h2>Spend per GPU model</h2>\n")
                .append("<p class=\"note\">Every team together; percentages are shares of the month's")
                .append(" GPU spend.</p>\n");
        openSvg(html, "chart-gpus", "Spend per GPU model", height);
        int track = WIDTH - VALUE_COLUMN;
        if (gpus.isEmpty()) {
            emptyNote(html, "No GPU spend this month.", 24);
        } else {
            barAxis(html, axis, track, height);
        }
        for (int i = 0; i < gpus.size(); i++) {
            GpuTotal gpu = gpus.get(i);
            int top = AXIS + i * ROW;
            html.append("<g><title>")
                    .append(esc(gpu.gpuName() + ": " + dollars(gpu.cost())))
                    .append("</title>");
            label(html, gpu.gpuName(), top);
            html.append("<rect class=\"bar-gpu\" x=\"0\" y=\"")
                    .append(top + 18)
                    .append("\" width=\"")
                    .append(px(axis.scale(positive(gpu.cost()), track)))
                    .append("\" height=\"14\" fill=\"")
                    .append(GPU)
                    .append("\"/>");
            valueText(html, dollars(gpu.cost()) + " \u00b7 " + percent(gpu.cost(), total), top, false);
            html.append("</g>\n");
        }
        html.append("</svg>\n</section>\n");
    }

    /** Chart 3: one column per day of the month, days without spend included. */
    private static void dayChart(StringBuilder html, ReportSummary summary, String month) {
        int days = summary.month().lengthOfMonth();
        long[] spend = new long[days];
        for (DayTotal day : summary.days()) {
            // Days outside the month cannot be drawn on its axis; the summary never holds any.
            if (summary.month().equals(YearMonth.from(day.day()))) {
                spend[day.day().getDayOfMonth() - 1] += positive(day.cost());
            }
        }
        long max = 0;
        for (long value : spend) {
            max = Math.max(max, value);
        }
        Axis axis = Axis.of(max);
        int plotWidth = WIDTH - DAY_LEFT - 8;
        int bottom = DAY_TOP + DAY_PLOT_HEIGHT;
        int height = bottom + DAY_BOTTOM;
        BigDecimal slot = BigDecimal.valueOf(plotWidth).divide(BigDecimal.valueOf(days), 4, RoundingMode.HALF_EVEN);
        BigDecimal barWidth = slot.multiply(new BigDecimal("0.72"));
        BigDecimal inset = slot.subtract(barWidth).divide(BigDecimal.TWO, 4, RoundingMode.HALF_EVEN);

        html.append("<section id=\"days\">\n<h2>Daily spend</h2>\n")
                .append("<p class=\"note\">Every team together, per UTC day of ")
                .append(esc(month))
                .append(".</p>\n");
        openSvg(html, "chart-days", "Daily spend in " + month, height);
        for (int i = 0; i <= axis.intervals(); i++) {
            long tick = axis.step() * i;
            String y = px(BigDecimal.valueOf(bottom).subtract(axis.scale(tick, DAY_PLOT_HEIGHT)));
            html.append("<line x1=\"")
                    .append(DAY_LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - 8)
                    .append("\" y1=\"")
                    .append(y)
                    .append("\" y2=\"")
                    .append(y)
                    .append("\" stroke=\"")
                    .append(i == 0 ? "#9aa5b1" : GRID)
                    .append("\" stroke-width=\"1\"/>");
            html.append("<text class=\"tick\" x=\"")
                    .append(DAY_LEFT - 8)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" dy=\"4\" text-anchor=\"end\">")
                    .append(esc(axis.label(tick)))
                    .append("</text>\n");
        }
        for (int i = 0; i < days; i++) {
            BigDecimal x = BigDecimal.valueOf(DAY_LEFT).add(slot.multiply(BigDecimal.valueOf(i)));
            BigDecimal barHeight = axis.scale(spend[i], DAY_PLOT_HEIGHT);
            LocalDate date = summary.month().atDay(i + 1);
            html.append("<rect class=\"bar-day\" x=\"")
                    .append(px(x.add(inset)))
                    .append("\" y=\"")
                    .append(px(BigDecimal.valueOf(bottom).subtract(barHeight)))
                    .append("\" width=\"")
                    .append(px(barWidth))
                    .append("\" height=\"")
                    .append(px(barHeight))
                    .append("\" fill=\"")
                    .append(SPEND)
                    .append("\"><title>")
                    .append(esc(date + ": " + dollars(Money.ofMicros(spend[i]))))
                    .append("</title></rect>\n");
            int dayOfMonth = i + 1;
            if (dayOfMonth == 1 || (dayOfMonth % 5 == 0 && days - dayOfMonth >= 3) || dayOfMonth == days) {
                html.append("<text class=\"tick\" x=\"")
                        .append(px(x.add(slot.divide(BigDecimal.TWO, 4, RoundingMode.HALF_EVEN))))
                        .append("\" y=\"")
                        .append(bottom + 18)
                        .append("\" text-anchor=\"middle\">")
                        .append(dayOfMonth)
                        .append("</text>\n");
            }
        }
        if (max == 0) {
            emptyNote(html, "No spend this month.", DAY_TOP + DAY_PLOT_HEIGHT / 2);
        }
        html.append("</svg>\n</section>\n");
    }

    /** The per-team figures with a total row; every amount column adds up to its total. */
    private static void totalsTable(StringBuilder html, ReportSummary summary) {
        List<TeamTotal> teams = summary.teams();
        html.append("<section id=\"totals\">\n<h2>Totals per team</h2>\n")
                .append("<p class=\"note\">Vast.ai charges and differences cover reconciled team-days only;")
                .append(" a difference is what Vast.ai charged minus what the ledger holds.</p>\n")
                .append("<div class=\"table-wrap\">\n<table>\n<thead>\n<tr>");
        for (String column : List.of(
                "Team",
                "Cost",
                "Month cap",
                "Monthly budget",
                "Cap used",
                "Peak day",
                "Days over daily budget",
                "Vast.ai charged",
                "Difference",
                "Reconciled days")) {
            html.append("<th scope=\"col\">").append(esc(column)).append("</th>");
        }
        html.append("</tr>\n</thead>\n<tbody>\n");
        for (TeamTotal team : teams) {
            row(
                    html,
                    "",
                    team.team().value(),
                    team.cost(),
                    team.monthCap(),
                    team.monthlyBudget(),
                    team.peakDay(),
                    team.daysOverDailyBudget(),
                    team.reconciled());
        }
        html.append("</tbody>\n<tfoot>\n");
        Money cost = sum(teams.stream().map(TeamTotal::cost).toList());
        Money caps = sum(teams.stream().map(TeamTotal::monthCap).toList());
        // A total of monthly budgets only means something when every team has one.
        boolean allBudgeted = !teams.isEmpty()
                && teams.stream().allMatch(team -> team.monthlyBudget().isPresent());
        Optional<Money> budgets = allBudgeted
                ? Optional.of(sum(teams.stream()
                        .map(team -> team.monthlyBudget().orElseThrow())
                        .toList()))
                : Optional.empty();
        // The peak of the whole month is its busiest day, not the sum of each team's own peak.
        Money peak = summary.days().stream()
                .map(DayTotal::cost)
                .max(Comparator.naturalOrder())
                .orElse(Money.ZERO);
        int daysOver = teams.stream().mapToInt(TeamTotal::daysOverDailyBudget).sum();
        Optional<Reconciled> reconciled = teams.stream()
                .map(TeamTotal::reconciled)
                .flatMap(Optional::stream)
                .reduce((a, b) -> new Reconciled(
                        a.charged().plus(b.charged()), a.difference().plus(b.difference()), a.days() + b.days()));
        row(html, "total", "Total", cost, caps, budgets, peak, daysOver, reconciled);
        html.append("</tfoot>\n</table>\n</div>\n</section>\n");
    }

    private static void row(
            StringBuilder html,
            String rowClass,
            String name,
            Money cost,
            Money cap,
            Optional<Money> monthlyBudget,
            Money peak,
            int daysOver,
            Optional<Reconciled> reconciled) {
        boolean over = cost.compareTo(cap) > 0;
        html.append(rowClass.isEmpty() ? "<tr>" : "<tr class=\"" + rowClass + "\">")
                .append("<th scope=\"row\">")
                .append(esc(name))
                .append("</th>");
        cell(html, dollars(cost), false);
        cell(html, dollars(cap), false);
        cell(html, monthlyBudget.map(SummaryPage::dollars).orElse(NONE), false);
        cell(html, cap.micros() > 0 ? percent(cost, cap) : NONE, over);
        cell(html, dollars(peak), false);
        cell(html, count(daysOver), false);
        cell(html, reconciled.map(r -> dollars(r.charged())).orElse(NONE), false);
        cell(html, reconciled.map(r -> dollars(r.difference())).orElse(NONE), false);
        cell(html, count(reconciled.map(Reconciled::days).orElse(0)), false);
        html.append("</tr>\n");
    }

    private static void cell(StringBuilder html, String text, boolean over) {
        html.append(over ? "<td class=\"over\">" : "<td>").append(esc(text)).append("</td>");
    }

    private static void openSvg(StringBuilder html, String id, String title, int height) {
        html.append("<svg id=\"")
                .append(id)
                .append("\" role=\"img\" aria-label=\"")
                .append(esc(title))
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\">\n<title>")
                .append(esc(title))
                .append("</title>\n");
    }

    /** Dollar ticks along the top of a bar chart, with gridlines down through every row. */
    private static void barAxis(StringBuilder html, Axis axis, int track, int height) {
        for (int i = 0; i <= axis.intervals(); i++) {
            long tick = axis.step() * i;
            String x = px(axis.scale(tick, track));
            String anchor = i == 0 ? "start" : "middle";
            html.append("<line x1=\"")
                    .append(x)
                    .append("\" x2=\"")
                    .append(x)
                    .append("\" y1=\"")
                    .append(AXIS - 6)
                    .append("\" y2=\"")
                    .append(height)
                    .append("\" stroke=\"")
                    .append(GRID)
                    .append("\" stroke-width=\"1\"/>")
                    .append("<text class=\"tick\" x=\"")
                    .append(x)
                    .append("\" y=\"12\" text-anchor=\"")
                    .append(anchor)
                    .append("\">")
                    .append(esc(axis.label(tick)))
                    .append("</text>\n");
        }
    }

    private static void label(StringBuilder html, String name, int top) {
        html.append("<text class=\"label\" x=\"0\" y=\"")
                .append(top + 13)
                .append("\">")
                .append(esc(shorten(name)))
                .append("</text>");
    }

    private static void valueText(StringBuilder html, String value, int top, boolean over) {
        html.append("<text class=\"value\" x=\"")
                .append(WIDTH)
                .append("\" y=\"")
                .append(top + 29)
                .append("\" text-anchor=\"end\"")
                .append(over ? " fill=\"" + OVER + "\" font-weight=\"600\"" : "")
                .append('>')
                .append(esc(value))
                .append("</text>");
    }

    /** A centred note on a white patch, so that gridlines behind it do not run through the words. */
    private static void emptyNote(StringBuilder html, String text, int y) {
        html.append("<rect x=\"")
                .append(WIDTH / 2 - 130)
                .append("\" y=\"")
                .append(y - 17)
                .append("\" width=\"260\" height=\"24\" fill=\"#fff\"/>")
                .append("<text class=\"empty\" x=\"")
                .append(WIDTH / 2)
                .append("\" y=\"")
                .append(y)
                .append("\" text-anchor=\"middle\">")
                .append(esc(text))
                .append("</text>\n");
    }

    private static String legend(String colour, String text, boolean cap) {
        return "<span><span class=\"swatch" + (cap ? " cap" : "") + "\" style=\"background:" + colour + "\"></span>"
                + esc(text) + "</span>";
    }

    private static boolean isOver(TeamTotal team) {
        return team.cost().compareTo(team.monthCap()) > 0;
    }

    private static long positive(Money amount) {
        return Math.max(0, amount.micros());
    }

    private static Money sum(List<Money> amounts) {
        Money total = Money.ZERO;
        for (Money amount : amounts) {
            total = total.plus(amount);
        }
        return total;
    }

    private static String monthName(ReportSummary summary) {
        // English month names, fixed: the root locale would print "M11", and the machine's locale must not matter.
        return summary.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                + summary.month().getYear();
    }

    /**
     * Dollars with cents and thousands separators, for example {@code $1,234.57} or {@code -$0.25}, rounded
     * half-even from the exact micro-dollars.
     */
    static String dollars(Money amount) {
        BigDecimal cents = amount.toDollars().setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal magnitude = cents.abs();
        String whole = String.format(Locale.ROOT, "%,d", magnitude.toBigInteger());
        String fraction =
                magnitude.toPlainString().substring(magnitude.toPlainString().length() - 2);
        return (cents.signum() < 0 ? "-$" : "$") + whole + "." + fraction;
    }

    /** A part of a whole in percent with one decimal, rounded half-even; a dash when the whole is not positive. */
    static String percent(Money part, Money whole) {
        if (whole.micros() <= 0) {
            return NONE;
        }
        BigDecimal ratio = BigDecimal.valueOf(part.micros())
                .multiply(HUNDRED)
                .divide(BigDecimal.valueOf(whole.micros()), 1, RoundingMode.HALF_EVEN);
        return ratio.toPlainString() + "%";
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A coordinate with two fixed decimals, so output never depends on floating point or the locale. */
    private static String px(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Cuts a name to {@link #MAX_LABEL} characters, never inside a surrogate pair. */
    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LABEL) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, MAX_LABEL - 1)) + "\u2026";
    }

    /**
     * Escapes text for HTML content and quoted attributes alike. Control characters become spaces: they are not
     * allowed in HTML and a GPU name from the marketplace could carry one.
     */
    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 || c == 0x7f ? ' ' : c);
            }
        }
        return out.toString();
    }

    /**
     * A dollar axis from zero in equal steps of a round amount (1, 2 or 5 times a power of ten, at least a cent): the
     * smallest such step that reaches the largest value in at most {@link #MAX_INTERVALS} steps, so bars fill most of
     * the chart and ticks stay far enough apart for their labels.
     *
     * @param step the amount between ticks, in micro-dollars
     * @param intervals how many steps the axis has
     */
    private record Axis(long step, int intervals) {

        static final int MAX_INTERVALS = 5;

        static Axis of(long maxMicros) {
            if (maxMicros <= 0) {
                // Nothing to draw: a plain $0 to $4 axis still reads as an axis.
                return new Axis(DOLLAR, 4);
            }
            for (long power = CENT; ; power *= 10) {
                for (long factor : new long[] {1, 2, 5}) {
                    long steps = (maxMicros + power * factor - 1) / (power * factor);
                    if (steps <= MAX_INTERVALS) {
                        return new Axis(power * factor, (int) steps);
                    }
                }
            }
        }

        long max() {
            return step * intervals;
        }

        /** The length for a value on an axis drawn {@code length} pixels long. */
        BigDecimal scale(long micros, int length) {
            return BigDecimal.valueOf(Math.min(micros, max()))
                    .multiply(BigDecimal.valueOf(length))
                    .divide(BigDecimal.valueOf(max()), 4, RoundingMode.HALF_EVEN);
        }

        /** A tick label: whole dollars when the step is, cents otherwise. */
        String label(long micros) {
            String text = dollars(Money.ofMicros(micros));
            return step % DOLLAR == 0 ? text.substring(0, text.length() - 3) : text;
        }
    }
}
