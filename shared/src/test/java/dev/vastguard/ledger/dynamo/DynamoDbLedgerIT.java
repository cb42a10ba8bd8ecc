package dev.vastguard.ledger.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.config.Config;
import dev.vastguard.ledger.BudgetPeriod;
import dev.vastguard.ledger.LedgerLine;
import dev.vastguard.money.Money;
import dev.vastguard.platform.AwsClients;
import dev.vastguard.platform.AwsFixture;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.MotoServer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(MotoServer.class)
class DynamoDbLedgerIT {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private static AwsClients clients;
    private static Config.Tables tables;
    private static DynamoDbLedger ledger;

    @BeforeAll
    static void createTables() {
        clients = AwsFixture.clients();
        tables = AwsFixture.freshTables();
        ledger = new DynamoDbLedger(clients.enhanced(), clients.dynamoDb(), tables.ledger());
    }

    @Test
    void claimAlert_sameThresholdAndPeriodTwice_isClaimedOnce() {
        TeamId team = newTeam();
        putTotal(team, LedgerKeys.day(LocalDate.parse("2026-11-03")), 1_234_567);
        BudgetPeriod day = BudgetPeriod.day(LocalDate.parse("2026-11-03"));

        boolean first = ledger.claimAlert(team, day, new BigDecimal("0.80"));
        boolean again = ledger.claimAlert(team, day, new BigDecimal("0.8"));
        boolean other = ledger.claimAlert(team, day, new BigDecimal("1.0"));
        boolean nextDay =
                ledger.claimAlert(team, BudgetPeriod.day(LocalDate.parse("2026-11-04")), new BigDecimal("0.8"));
        boolean month = ledger.claimAlert(team, BudgetPeriod.month(NOVEMBER), new BigDecimal("0.8"));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(other).isTrue();
        assertThat(nextDay).isTrue();
        assertThat(month).isTrue();
        assertThat(ledger.daySpend(team, LocalDate.parse("2026-11-03"))).isEqualTo(Money.ofMicros(1_234_567));
    }

    @Test
    void daySpendAndMonthSpend_nothingRecorded_areZero() {
        TeamId team = newTeam();

        Money day = ledger.daySpend(team, LocalDate.parse("2026-11-01"));
        Money month = ledger.monthSpend(team, NOVEMBER);

        assertThat(day).isEqualTo(Money.ZERO);
        assertThat(month).isEqualTo(Money.ZERO);
    }

    @Test
    void daySpendAndMonthSpend_recordedTotals_areReadBack() {
        TeamId team = newTeam();
        putTotal(team, LedgerKeys.day(LocalDate.parse("2026-11-03")), 1_234_567);
        putTotal(team, LedgerKeys.month(NOVEMBER), 9_876_543);

        Money day = ledger.daySpend(team, LocalDate.parse("2026-11-03"));
        Money month = ledger.monthSpend(team, NOVEMBER);

        assertThat(day).isEqualTo(Money.ofMicros(1_234_567));
        assertThat(month).isEqualTo(Money.ofMicros(9_876_543));
    }

    @Test
    void lines_manyLinesOfSeveralMonths_returnsOnlyTheMonthOrderedByDayThenInstance() {
        TeamId team = newTeam();
        LocalDate third = LocalDate.parse("2026-11-03");
        LocalDate first = LocalDate.parse("2026-11-01");
        putLine(team, third, 20);
        putLine(team, first, 300);
        putLine(team, third, 4);
        putLine(team, first, 5);
        putLine(team, LocalDate.parse("2026-10-31"), 1);
        putLine(team, LocalDate.parse("2026-12-01"), 1);

        List<LedgerLine> lines = ledger.lines(team, NOVEMBER);

        assertThat(lines)
                .extracting(LedgerLine::day, LedgerLine::instanceId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first, 5L),
                        org.assertj.core.groups.Tuple.tuple(first, 300L),
                        org.assertj.core.groups.Tuple.tuple(third, 4L),
                        org.assertj.core.groups.Tuple.tuple(third, 20L));
        assertThat(lines.get(0)).isEqualTo(new LedgerLine(team, first, 5, "A100 SXM4", 2, 100, 20, Money.ofMicros(5)));
    }

    @Test
    void lines_morePagesThanOneQuery_readsAllInKeyOrder() {
        TeamId team = newTeam();
        String padding = "x".repeat(30_000);
        for (int id = 60; id >= 1; id--) {
            Map<String, AttributeValue> item = line(team, LocalDate.parse("2026-11-" + (id % 2 == 0 ? 15 : 16)), id);
            item.put("padding", AttributeValue.fromS(padding));
            clients.dynamoDb().putItem(r -> r.tableName(tables.ledger()).item(item));
        }

        List<LedgerLine> lines = ledger.lines(team, NOVEMBER);
        List<LedgerLine> streamed;
        try (Stream<LedgerLine> stream = ledger.streamLines(team, NOVEMBER)) {
            streamed = stream.toList();
        }

        assertThat(lines)
                .hasSize(60)
                .isSortedAccordingTo(Comparator.comparing(LedgerLine::day).thenComparingLong(LedgerLine::instanceId));
        assertThat(streamed).isEqualTo(lines);
    }

    private static TeamId newTeam() {
        return TeamId.of("t-" + UUID.randomUUID());
    }

    private static void putTotal(TeamId team, String sortKey, long micros) {
        Map<String, AttributeValue> item = new HashMap<>(LedgerKeys.key(team, sortKey));
        item.put(LedgerKeys.COST, AttributeValue.fromN(Long.toString(micros)));
        clients.dynamoDb().putItem(r -> r.tableName(tables.ledger()).item(item));
    }

    private static void putLine(TeamId team, LocalDate day, long instanceId) {
        clients.dynamoDb().putItem(r -> r.tableName(tables.ledger()).item(line(team, day, instanceId)));
    }

    private static Map<String, AttributeValue> line(TeamId team, LocalDate day, long instanceId) {
        Map<String, AttributeValue> item = new HashMap<>(LedgerKeys.key(team, LedgerKeys.line(day, instanceId)));
        item.put(LedgerKeys.COST, AttributeValue.fromN(Long.toString(instanceId)));
        item.put(LedgerKeys.GPU_SECONDS, AttributeValue.fromN("100"));
        item.put(LedgerKeys.STORAGE_SECONDS, AttributeValue.fromN("20"));
        item.put(LedgerKeys.GPU_NAME, AttributeValue.fromS("A100 SXM4"));
        item.put(LedgerKeys.NUM_GPUS, AttributeValue.fromN("2"));
        item.put(LedgerKeys.DAY, AttributeValue.fromS(day.toString()));
        item.put(LedgerKeys.INSTANCE_ID, AttributeValue.fromN(Long.toString(instanceId)));
        return item;
    }
}
