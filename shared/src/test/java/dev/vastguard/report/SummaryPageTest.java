package dev.vastguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.money.Money;
import dev.vastguard.report.ReportSummary.DayTotal;
import dev.vastguard.report.ReportSummary.GpuTotal;
import dev.vastguard.report.ReportSummary.Reconciled;
import dev.vastguard.report.ReportSummary.TeamTotal;
import dev.vastguard.report.ReportSummary.Watermark;
import dev.vastguard.team.TeamId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SummaryPageTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Test
    void render_sameSummaryTwice_givesIdenticalBytes() {
        byte[] first = SummaryPage.render(SampleMonth.november()).getBytes(StandardCharsets.UTF_8);
        byte[] second = SummaryPage.render(SampleMonth.november()).getBytes(StandardCharsets.UTF_8);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void render_hostileGpuNames_appearEscapedNeverRaw() {
        ReportSummary summary = summary(
                List.of(team("team-a", "10", "100")),
                List.of(gpu("<script>alert(1)</script>", "6"), gpu("A&B \"x\" 'y'", "4")));

        String html = SummaryPage.render(summary);

        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("A&B")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("A&amp;B &quot;x&quot; &#39;y&#39;");
    }

    @Test
    void render_controlCharactersInNames_becomeSpaces() {
        String html = SummaryPage.render(summary(List.of(), List.of(gpu("RTX\u00004090\n", "1"))));

        assertThat(html).contains("RTX 4090 ").doesNotContain("\u0000");
    }

    @Test
    void render_sample_isSelfContained() {
        String html = SummaryPage.render(SampleMonth.november());

        assertThat(html.toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("<script")
                .doesNotContain("src=")
                .doesNotContain("href=")
                .doesNotContain("@import")
                .doesNotContain("url(")
                .doesNotContain("<link")
                .doesNotContain("<img")
                .doesNotContain("http:")
                .doesNotContain("https:");
    }

    @Test
    void render_sample_isAnAccessibleDocument() {
        String html = SummaryPage.render(SampleMonth.november());

        assertThat(html)
                .startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                .contains("<title>Chargeback November 2026 \u2014 vastguard</title>")
                .contains("<h1>GPU chargeback \u2014 November 2026</h1>");
        assertThat(count(html, "<svg ")).isEqualTo(3);
        assertThat(count(html, "<svg [^>]*role=\"img\" aria-label=\"[^\"]+\"[^>]*>\n<title>"))
                .isEqualTo(3);
        assertThat(count(html, "<th scope=\"col\">")).isEqualTo(10);
        assertThat(count(html, "<th scope=\"row\">")).isEqualTo(7);
    }

    @Test
    void render_sample_drawsOneBarPerTeamGpuAndDayOfTheMonth() {
        String html = SummaryPage.render(SampleMonth.november());

        assertThat(count(html, "class=\"bar-team")).isEqualTo(6);
        assertThat(count(html, "class=\"bar-gpu\"")).isEqualTo(5);
        assertThat(count(html, "class=\"bar-day\"")).isEqualTo(30);
        assertThat(count(html, "class=\"bar-team over\"")).isEqualTo(1);
    }

    @Test
    void render_idleDay_stillHasAColumnOfZeroHeight() {
        String html = SummaryPage.render(SampleMonth.november());

        assertThat(html).containsPattern("height=\"0\\.00\" fill=\"#[0-9a-f]+\"><title>2026-11-26: \\$0\\.00</title>");
    }

    @Test
    void render_daysMissingFromTheSummary_areDrawnAsZero() {
        ReportSummary summary = new ReportSummary(
                YearMonth.of(2026, 2),
                dollars("5"),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(new DayTotal(YearMonth.of(2026, 2).atDay(14), dollars("5"))),
                new Watermark(1, Optional.empty()));

        String html = SummaryPage.render(summary);

        assertThat(count(html, "class=\"bar-day\"")).isEqualTo(28);
        assertThat(html).contains("2026-02-14: $5.00").contains("2026-02-28: $0.00");
    }

    @Test
    void render_totalRow_isTheSumOfTheTeams() {
        ReportSummary summary = summary(
                List.of(
                        team("team-a", "1.125", "10"),
                        team("team-b", "2.205", "10"),
                        reconciledTeam("team-c", "1000.004999", "500")),
                List.of());

        String html = SummaryPage.render(summary);

        // 1.125 + 2.205 + 1000.004999 = 1003.334999, shown to the cent; caps 10 + 10 + 500.
        assertThat(row(html, "total"))
                .startsWith("<tr class=\"total\"><th scope=\"row\">Total</th><td>$1,003.33</td><td>$520.00</td>")
                .contains("<td class=\"over\">192.9%</td>");
    }

    @Test
    void render_amounts_roundHalfEvenToTheCent() {
        ReportSummary summary = summary(
                List.of(team("team-a", "1.125", "10"), team("team-b", "1.135", "10"), team("team-c", "-0.005", "10")),
                List.of());

        String html = SummaryPage.render(summary);

        assertThat(html).contains("<td>$1.12</td>").contains("<td>$1.14</td>").contains("<td>$0.00</td>");
        assertThat(SummaryPage.dollars(dollars("-1234567.895"))).isEqualTo("-$1,234,567.90");
        assertThat(SummaryPage.dollars(dollars("1234567.885"))).isEqualTo("$1,234,567.88");
    }

    @Test
    void render_overBudgetTeam_isMarkedInChartAndTable() {
        String html = SummaryPage.render(summary(List.of(team("team-a", "150", "100")), List.of()));

        assertThat(html).contains("class=\"bar-team over\"").contains("<td class=\"over\">150.0%</td>");
    }

    @Test
    void render_teamWithZeroCap_showsNoPercentageAndNoCap() {
        String html = SummaryPage.render(summary(List.of(team("team-a", "3", "0")), List.of()));

        assertThat(html).contains("$3.00 \u00b7 no cap").contains("<td class=\"over\">\u2014</td>");
    }

    @Test
    void render_emptyMonth_rendersWithoutBarsButWithEveryDay() {
        ReportSummary empty = new ReportSummary(
                NOVEMBER,
                Money.ZERO,
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                new Watermark(0, Optional.empty()));

        String html = SummaryPage.render(empty);

        assertThat(count(html, "<svg ")).isEqualTo(3);
        assertThat(count(html, "class=\"bar-team")).isZero();
        assertThat(count(html, "class=\"bar-gpu\"")).isZero();
        assertThat(count(html, "class=\"bar-day\"")).isEqualTo(30);
        assertThat(html)
                .contains("No teams this month.")
                .contains("No GPU spend this month.")
                .contains("No spend this month.")
                .contains("Built from 0 ledger lines; the lines do not record how far accruals reached.");
        assertThat(row(html, "total")).contains("<td>$0.00</td>");
    }

    @Test
    void render_manyTeams_growsThePageInsteadOfOverlapping() {
        List<TeamTotal> teams = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            teams.add(team(String.format(java.util.Locale.ROOT, "team-%03d", i), Integer.toString(i), "100"));
        }

        String html = SummaryPage.render(summary(teams, List.of()));

        assertThat(count(html, "class=\"bar-team")).isEqualTo(200);
        Matcher svg = Pattern.compile("<svg id=\"chart-teams\"[^>]* height=\"(\\d+)\"")
                .matcher(html);
        assertThat(svg.find()).isTrue();
        assertThat(Integer.parseInt(svg.group(1))).isGreaterThanOrEqualTo(200 * 40);
        List<Integer> labelLines = new ArrayList<>();
        Matcher label =
                Pattern.compile("<text class=\"label\" x=\"0\" y=\"(\\d+)\"").matcher(html);
        while (label.find()) {
            labelLines.add(Integer.parseInt(label.group(1)));
        }
        assertThat(labelLines).hasSize(200).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void render_longGpuName_isShortenedInTheChartAndWholeInItsTooltip() {
        String name = "NVIDIA H100 NVL 94GB PCIe with an unusually long marketplace description attached";

        String html = SummaryPage.render(summary(List.of(), List.of(gpu(name, "1"))));

        assertThat(html)
                .contains("<title>" + name + ": $1.00</title>")
                .contains(name.substring(0, 55) + "\u2026</text>");
    }

    @Test
    void render_watermark_saysHowFarTheLedgerReached() {
        String html = SummaryPage.render(SampleMonth.november());

        assertThat(html).contains("Built from 18,432 ledger lines, accrued through 2026-12-01 00:00:00 UTC.");
    }

    private static ReportSummary summary(List<TeamTotal> teams, List<GpuTotal> gpus) {
        Money cost = Money.ZERO;
        for (TeamTotal team : teams) {
            cost = cost.plus(team.cost());
        }
        return new ReportSummary(
                NOVEMBER,
                cost,
                Optional.empty(),
                teams,
                gpus,
                List.of(new DayTotal(NOVEMBER.atDay(1), cost)),
                new Watermark(3, Optional.of(Instant.parse("2026-12-01T00:00:00Z"))));
    }

    private static TeamTotal team(String id, String cost, String cap) {
        return new TeamTotal(
                TeamId.of(id),
                dollars(cost),
                0,
                Optional.of(dollars(cap)),
                dollars("1000"),
                dollars(cap),
                dollars(cost),
                0,
                Optional.empty());
    }

    private static TeamTotal reconciledTeam(String id, String cost, String cap) {
        TeamTotal team = team(id, cost, cap);
        return new TeamTotal(
                team.team(),
                team.cost(),
                0,
                team.monthlyBudget(),
                team.dailyBudget(),
                team.monthCap(),
                team.peakDay(),
                3,
                Optional.of(new Reconciled(dollars("999"), dollars("-1.004999"), 4)));
    }

    private static GpuTotal gpu(String name, String cost) {
        return new GpuTotal(name, dollars(cost), 3600);
    }

    private static Money dollars(String amount) {
        return Money.ofDollars(amount);
    }

    private static int count(String text, String regex) {
        return Math.toIntExact(Pattern.compile(regex).matcher(text).results().count());
    }

    private static String row(String html, String rowClass) {
        Matcher matcher =
                Pattern.compile("<tr class=\"" + rowClass + "\">.*?</tr>").matcher(html);
        assertThat(matcher.find()).as("a row of class " + rowClass).isTrue();
        return matcher.group();
    }
}
