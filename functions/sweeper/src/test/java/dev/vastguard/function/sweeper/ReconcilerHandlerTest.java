package dev.vastguard.function.sweeper;

import static dev.vastguard.testing.Fixtures.aPolicy;
import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vastguard.instance.AccrualCalculator;
import dev.vastguard.instance.Billing;
import dev.vastguard.instance.Instance;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.TestPlatform;
import dev.vastguard.vast.VastCharge;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconcilerHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TeamId TEAM = TeamId.of("team-a");

    private final TestPlatform test = new TestPlatform();
    private final ReconcilerHandler handler = new ReconcilerHandler(test.platform());

    @BeforeEach
    void givenATeamThatRanAnInstanceOnTheTenth() {
        test.teams.putPolicy(TEAM, aPolicy().build());
        Instance instance = anInstance("team-a", 1).dph("0.30").build();
        test.instances.adopt(instance);
        test.instances.applyAccrual(AccrualCalculator.accrue(
                instance, Billing.GPU, Instant.parse("2026-11-10T02:00:00Z"), Optional.empty()));
        Instant start = Instant.parse("2026-11-10T00:00:00Z");
        test.vast.charge(
                "test-key", new VastCharge(1, start, start.plusSeconds(7200), Money.ofDollars("0.601"), List.of()));
        test.clock.set(Instant.parse("2026-11-11T00:30:05Z"));
    }

    @Test
    void handleRequest_schedulerEvent_reconcilesTheDayBeforeTheScheduledTime() throws IOException {
        Map<String, Object> summary = handler.handleRequest(event("schedule-reconcile.json"), null);

        assertThat(summary).containsEntry("day", "2026-11-10").containsEntry("failures", List.of());
        assertThat(summary.get("teams"))
                .isEqualTo(List.of(Map.of(
                        "team",
                        "team-a",
                        "ledger",
                        new BigDecimal("0.600000"),
                        "charged",
                        new BigDecimal("0.601000"),
                        "difference",
                        new BigDecimal("0.001000"),
                        "over_tolerance",
                        false,
                        "notified",
                        false)));
        assertThat(test.instances.chargeChecks(TEAM, YearMonth.of(2026, 11))).hasSize(1);
    }

    @Test
    void handleRequest_classicEventBridgeEvent_reconcilesTheDayBeforeItsTime() {
        Map<String, Object> summary = handler.handleRequest(Map.of("time", "2026-11-11T00:30:00Z"), null);

        assertThat(summary).containsEntry("day", "2026-11-10");
    }

    @Test
    void handleRequest_day_reconcilesThatDay() throws IOException {
        Map<String, Object> summary = handler.handleRequest(event("reconcile-day.json"), null);

        assertThat(summary).containsEntry("day", "2026-11-09");
        assertThat(test.instances.chargeChecks(TEAM, YearMonth.of(2026, 11)))
                .singleElement()
                .satisfies(check -> assertThat(check.instances()).isEmpty());
    }

    @Test
    void handleRequest_noInputAtAll_reconcilesYesterday() {
        Map<String, Object> summary = handler.handleRequest(null, null);

        assertThat(summary).containsEntry("day", "2026-11-10");
    }

    @Test
    void handleRequest_dayThatDoesNotExist_isRefused() throws IOException {
        Map<String, Object> event = event("reconcile-bad-day.json");

        assertThatThrownBy(() -> handler.handleRequest(event, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("YYYY-MM-DD")
                .hasMessageContaining("2026-11-31");
    }

    @Test
    void handleRequest_dayNotOverYet_isRefusedWithoutReadingCharges() {
        assertThatThrownBy(() -> handler.handleRequest(Map.of("day", "2026-11-11"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("day must be over");

        assertThat(test.instances.chargeChecks(TEAM, YearMonth.of(2026, 11))).isEmpty();
    }

    @Test
    void handleRequest_unparseableScheduledTime_isRefused() {
        assertThatThrownBy(() -> handler.handleRequest(Map.of("scheduledTime", "yesterday"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO-8601");
    }

    @Test
    void handleRequest_teamWhoseKeyIsMissing_isNamedInTheFailures() {
        test.teams.putPolicy(
                TeamId.of("team-b"),
                aPolicy().vastSecretId("vastguard/teams/missing").build());

        Map<String, Object> summary = handler.handleRequest(Map.of("day", "2026-11-10"), null);

        assertThat(summary.get("failures"))
                .isEqualTo(List.of(Map.of(
                        "team", "team-b", "reason", "Vast.ai key secret 'vastguard/teams/missing' could not be read")));
        assertThat(summary.get("teams"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(1);
    }

    private static Map<String, Object> event(String name) throws IOException {
        try (InputStream in = ReconcilerHandlerTest.class.getResourceAsStream("/events/" + name)) {
            return JSON.readValue(in, new TypeReference<>() {});
        }
    }
}
