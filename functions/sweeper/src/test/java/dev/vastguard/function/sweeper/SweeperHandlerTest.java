package dev.vastguard.function.sweeper;

import static dev.vastguard.testing.Fixtures.aPolicy;
import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vastguard.money.Money;
import dev.vastguard.platform.Platform;
import dev.vastguard.secrets.MissingSecretException;
import dev.vastguard.secrets.VastKeyProvider;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.TestPlatform;
import dev.vastguard.vast.VastInstance;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SweeperHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestPlatform test = new TestPlatform();
    private final SweeperHandler handler = new SweeperHandler(test.platform());

    @BeforeEach
    void givenATeamWithARunningInstance() {
        test.teams.putPolicy(TeamId.of("team-a"), aPolicy().build());
        test.instances.adopt(anInstance("team-a", 1).build());
        test.vast.put(
                "test-key",
                new VastInstance(
                        1,
                        Optional.of("running"),
                        Optional.of("running"),
                        "RTX 4090",
                        1,
                        Money.ofDollars("0.30"),
                        Money.ofDollars("0.004"),
                        Optional.empty(),
                        Optional.of(Instant.parse("2026-11-10T00:00:00Z"))));
        test.clock.set(Instant.parse("2026-11-10T03:00:05Z"));
    }

    @Test
    void handleRequest_schedulerEvent_sweepsUpToTheScheduledTime() throws IOException {
        Map<String, Object> summary = handler.handleRequest(event("schedule-sweep.json"), null);

        assertThat(summary)
                .containsEntry("at", "2026-11-10T03:00:00Z")
                .containsEntry("teams", 1)
                .containsEntry("instances", 1)
                .containsEntry("accrued", new BigDecimal("0.900000"))
                .containsEntry("failures", List.of());
    }

    @Test
    void handleRequest_classicEventBridgeEvent_sweepsUpToItsTime() throws IOException {
        Map<String, Object> summary = handler.handleRequest(event("schedule-sweep-classic.json"), null);

        assertThat(summary).containsEntry("at", "2026-11-10T03:00:00Z");
    }

    @Test
    void handleRequest_withoutScheduledTime_sweepsUpToTheClock() throws IOException {
        Map<String, Object> summary = handler.handleRequest(event("manual-sweep.json"), null);

        assertThat(summary).containsEntry("at", "2026-11-10T03:00:05Z");
    }

    @Test
    void handleRequest_unparseableScheduledTime_sweepsUpToTheClock() throws IOException {
        Map<String, Object> summary = handler.handleRequest(event("schedule-sweep-bad-time.json"), null);

        assertThat(summary).containsEntry("at", "2026-11-10T03:00:05Z");
    }

    @Test
    void handleRequest_noInputAtAll_sweepsUpToTheClock() {
        Map<String, Object> summary = handler.handleRequest(null, null);

        assertThat(summary).containsEntry("at", "2026-11-10T03:00:05Z");
    }

    @Test
    void handleRequest_teamWhoseKeyIsMissing_isNamedInTheFailures() throws IOException {
        SweeperHandler withoutKeys = new SweeperHandler(withKeys(secretId -> {
            throw new MissingSecretException(secretId, null);
        }));

        Map<String, Object> summary = withoutKeys.handleRequest(event("schedule-sweep.json"), null);

        assertThat(summary.get("failures"))
                .isEqualTo(List.of(Map.of(
                        "team",
                        "team-a",
                        "reason",
                        "Vast.ai key secret 'vastguard/teams/test/vast-api-key' could not be read")));
    }

    private static Map<String, Object> event(String name) throws IOException {
        try (InputStream in = SweeperHandlerTest.class.getResourceAsStream("/events/" + name)) {
            return JSON.readValue(in, new TypeReference<>() {});
        }
    }

    private Platform withKeys(VastKeyProvider keys) {
        Platform base = test.platform();
        return new Platform(
                base.config(),
                base.clock(),
                base.teams(),
                base.principals(),
                base.instances(),
                base.ledger(),
                base.audit(),
                base.idempotency(),
                keys,
                base.vast(),
                base.notifier(),
                base.reports());
    }
}
