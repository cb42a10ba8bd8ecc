package dev.vastguard.function.reporter;

import static dev.vastguard.testing.Fixtures.aPolicy;
import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vastguard.instance.AccrualCalculator;
import dev.vastguard.instance.Billing;
import dev.vastguard.instance.Instance;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.TestPlatform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReporterHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestPlatform test = new TestPlatform();
    private final ReporterHandler handler = new ReporterHandler(test.platform());

    @BeforeEach
    void givenATeamThatSpentInNovember() {
        test.teams.putPolicy(TeamId.of("team-a"), aPolicy().build());
        Instance instance = anInstance("team-a", 1).build();
        test.instances.adopt(instance);
        test.instances.applyAccrual(AccrualCalculator.accrue(
                instance, Billing.GPU, Instant.parse("2026-11-10T02:00:00Z"), Optional.empty()));
    }

    @Test
    void handleRequest_monthEvent_writesThatMonthsReports() throws IOException {
        Map<String, Object> response = handler.handleRequest(event("report-month.json"), null);

        assertThat(response).containsEntry("bucket", "test-reports").containsEntry("keys", keys("2026/11"));
        assertThat(new String(test.reports.objects().get("reports/2026/11/totals.csv"), StandardCharsets.UTF_8))
                .isEqualTo("team,cost,vast_charged,difference,reconciled_days\nteam-a,0.600000,,,\n");
    }

    @Test
    void handleRequest_schedulerEvent_writesTheMonthBeforeTheScheduledTime() throws IOException {
        Map<String, Object> response = handler.handleRequest(event("schedule-report.json"), null);

        assertThat(response).containsEntry("keys", keys("2026/11"));
    }

    @Test
    void handleRequest_schedulerEventInJanuary_writesDecemberOfTheYearBefore() throws IOException {
        test.clock.set(Instant.parse("2027-01-01T02:00:05Z"));

        Map<String, Object> response = handler.handleRequest(event("schedule-report-january.json"), null);

        assertThat(response).containsEntry("keys", keys("2026/12"));
    }

    @Test
    void handleRequest_monthThatHasNotBegun_isRefusedAndWritesNothing() {
        assertThatThrownBy(() -> handler.handleRequest(Map.of("month", "2026-12"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has not begun");
        assertThat(test.reports.objects()).isEmpty();
    }

    @Test
    void handleRequest_noInput_writesTheMonthBeforeTheClock() {
        Map<String, Object> response = handler.handleRequest(null, null);

        assertThat(response).containsEntry("keys", keys("2026/10"));
    }

    @Test
    void handleRequest_invalidMonth_isRejectedWithAClearMessage() throws IOException {
        Map<String, Object> event = event("report-bad-month.json");

        assertThatThrownBy(() -> handler.handleRequest(event, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("month must be YYYY-MM")
                .hasMessageContaining("November");
        assertThat(test.reports.objects()).isEmpty();
    }

    private static Map<String, Object> event(String name) throws IOException {
        try (InputStream in = ReporterHandlerTest.class.getResourceAsStream("/events/" + name)) {
            return JSON.readValue(in, new TypeReference<>() {});
        }
    }

    /** Every file of a month's reports, in the order the writer lists them. */
    private static List<String> keys(String yearSlashMonth) {
        return Stream.of("chargeback.csv", "totals.csv", "focus.csv", "summary.json", "summary.html", "manifest.json")
                .map(name -> "reports/" + yearSlashMonth + "/" + name)
                .toList();
    }
}
