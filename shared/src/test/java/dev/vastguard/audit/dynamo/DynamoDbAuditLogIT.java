package dev.vastguard.audit.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.audit.AuditEvent;
import dev.vastguard.audit.AuditPage;
import dev.vastguard.money.Money;
import dev.vastguard.platform.AwsFixture;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.MotoServer;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoServer.class)
class DynamoDbAuditLogIT {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    private static final TeamId RED = TeamId.of("red");
    private static final TeamId BLUE = TeamId.of("blue");
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private static DynamoDbAuditLog log;
    private static List<AuditEvent> november;

    @BeforeAll
    static void recordEvents() {
        log = new DynamoDbAuditLog(
                AwsFixture.clients().enhanced(), AwsFixture.freshTables().audit());
        november = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            // Alternating sub-second and whole-second times check that the sort key orders like the instants.
            Instant time = START.plusSeconds(i).plusMillis(i % 2 == 0 ? 0 : 500);
            AuditEvent event = new AuditEvent(
                    time,
                    Optional.of(i % 5 == 0 ? BLUE : RED),
                    "arn:aws:iam::123456789012:role/caller",
                    AuditAction.PROVISION,
                    Optional.of((long) i),
                    Optional.of(Money.ofMicros(i)),
                    "event " + i);
            november.add(event);
            log.record(event);
        }
        log.record(new AuditEvent(
                Instant.parse("2026-12-01T00:00:00Z"),
                Optional.empty(),
                AuditEvent.SWEEPER,
                AuditAction.CLOSE_OUT,
                Optional.empty(),
                Optional.empty(),
                "month closed"));
    }

    @Test
    void read_allTeams_pagesThroughEveryEventOldestFirst() {
        List<AuditEvent> read = readAll(NOVEMBER, Optional.empty());

        assertThat(read).containsExactlyElementsOf(november);
    }

    @Test
    void read_allTeams_firstPageHoldsOneHundredAndAToken() {
        AuditPage page = log.read(NOVEMBER, Optional.empty(), Optional.empty());

        assertThat(page.events()).hasSize(100);
        assertThat(page.nextToken()).isPresent();
        assertThat(page.nextToken().orElseThrow()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void read_oneTeam_returnsOnlyItsEventsInOrder() {
        List<AuditEvent> read = readAll(NOVEMBER, Optional.of(RED));

        assertThat(read)
                .containsExactlyElementsOf(november.stream()
                        .filter(e -> e.team().equals(Optional.of(RED)))
                        .toList());
    }

    @Test
    void read_eventWithoutTeamOrAmounts_roundTrips() {
        AuditPage page = log.read(DECEMBER, Optional.empty(), Optional.empty());

        assertThat(page.events()).singleElement().satisfies(event -> {
            assertThat(event.team()).isEmpty();
            assertThat(event.instanceId()).isEmpty();
            assertThat(event.amount()).isEmpty();
            assertThat(event.action()).isEqualTo(AuditAction.CLOSE_OUT);
        });
        assertThat(page.nextToken()).isEmpty();
    }

    @Test
    void read_emptyMonth_returnsEmptyPageWithoutToken() {
        AuditPage page = log.read(YearMonth.of(2025, 1), Optional.of(RED), Optional.empty());

        assertThat(page.events()).isEmpty();
        assertThat(page.nextToken()).isEmpty();
    }

    @Test
    void read_garbageToken_throwsIllegalArgument() {
        assertThatThrownBy(() -> log.read(NOVEMBER, Optional.empty(), Optional.of("not a token!")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void read_tokenOfAnotherQuery_throwsIllegalArgument() {
        String teamToken = log.read(NOVEMBER, Optional.of(RED), Optional.empty())
                .nextToken()
                .orElseThrow();

        assertThatThrownBy(() -> log.read(NOVEMBER, Optional.empty(), Optional.of(teamToken)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.read(NOVEMBER, Optional.of(BLUE), Optional.of(teamToken)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<AuditEvent> readAll(YearMonth month, Optional<TeamId> team) {
        List<AuditEvent> events = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            AuditPage page = log.read(month, team, token);
            assertThat(page.events()).hasSizeLessThanOrEqualTo(100);
            events.addAll(page.events());
            token = page.nextToken();
        } while (token.isPresent());
        return events;
    }
}
