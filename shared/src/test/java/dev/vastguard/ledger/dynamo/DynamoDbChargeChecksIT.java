package dev.vastguard.ledger.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.config.Config;
import dev.vastguard.ledger.ChargeCheck;
import dev.vastguard.money.Money;
import dev.vastguard.platform.AwsClients;
import dev.vastguard.platform.AwsFixture;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.MotoServer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The comparisons with Vast.ai's charges, stored beside the accruals in the ledger table. */
@ExtendWith(MotoServer.class)
class DynamoDbChargeChecksIT {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final LocalDate DAY = LocalDate.parse("2026-11-10");
    private static final Instant FIRST_RUN = Instant.parse("2026-11-11T00:30:00Z");

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
    void putChargeCheck_thenRead_returnsTheCheckExactly() {
        TeamId team = newTeam();
        ChargeCheck check = check(team, DAY, FIRST_RUN, entry(1, "4.321987", "4.322"), entry(20, "0", "0.125"));

        ledger.putChargeCheck(check);

        assertThat(ledger.chargeChecks(team, NOVEMBER)).containsExactly(check);
        assertThat(item(team, DAY))
                .containsEntry("ledger_micros", AttributeValue.fromN("4321987"))
                .containsEntry("charged_micros", AttributeValue.fromN("4447000"))
                .containsEntry("difference_micros", AttributeValue.fromN("125013"))
                .containsEntry("day", AttributeValue.fromS("2026-11-10"));
    }

    @Test
    void putChargeCheck_sameDayTwice_keepsOnlyTheLatestAndCountsNothingTwice() {
        TeamId team = newTeam();
        ledger.putChargeCheck(check(team, DAY, FIRST_RUN, entry(1, "3.00", "3.00"), entry(2, "1.00", "0")));
        ChargeCheck rerun = check(team, DAY, FIRST_RUN.plusSeconds(3600), entry(1, "3.50", "3.50"));

        ledger.putChargeCheck(rerun);
        ledger.putChargeCheck(rerun);

        assertThat(ledger.chargeChecks(team, NOVEMBER)).containsExactly(rerun);
        assertThat(item(team, DAY).get("instances").m()).containsOnlyKeys("1");
        assertThat(item(team, DAY)).containsEntry("ledger_micros", AttributeValue.fromN("3500000"));
    }

    @Test
    void chargeChecks_severalMonths_returnsOnlyTheMonthOrderedByDayAndNeitherLinesNorTotals() {
        TeamId team = newTeam();
        LocalDate third = LocalDate.parse("2026-11-03");
        ledger.putChargeCheck(check(team, DAY, FIRST_RUN, entry(1, "1.00", "1.00")));
        ledger.putChargeCheck(check(team, third, FIRST_RUN, entry(1, "2.00", "2.00")));
        ledger.putChargeCheck(check(team, LocalDate.parse("2026-10-31"), FIRST_RUN, entry(1, "3.00", "3.00")));
        ledger.putChargeCheck(check(team, LocalDate.parse("2026-12-01"), FIRST_RUN, entry(1, "4.00", "4.00")));
        putDayTotal(team, DAY, 5_000_000);

        List<ChargeCheck> checks = ledger.chargeChecks(team, NOVEMBER);

        assertThat(checks).extracting(ChargeCheck::day).containsExactly(third, DAY);
        assertThat(ledger.lines(team, NOVEMBER)).isEmpty();
        assertThat(ledger.daySpend(team, DAY)).isEqualTo(Money.ofDollars("5.00"));
        assertThat(ledger.chargeChecks(newTeam(), NOVEMBER)).isEmpty();
    }

    @Test
    void claimChargeAlert_sameDayTwice_isClaimedOnceAndSurvivesARerun() {
        TeamId team = newTeam();
        ledger.putChargeCheck(check(team, DAY, FIRST_RUN, entry(1, "1.00", "9.00")));

        boolean first = ledger.claimChargeAlert(team, DAY);
        ledger.putChargeCheck(check(team, DAY, FIRST_RUN.plusSeconds(60), entry(1, "1.00", "9.50")));
        boolean again = ledger.claimChargeAlert(team, DAY);
        boolean nextDay = ledger.claimChargeAlert(team, DAY.plusDays(1));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(nextDay).isTrue();
        assertThat(ledger.chargeChecks(team, NOVEMBER))
                .singleElement()
                .satisfies(check -> assertThat(check.charged()).isEqualTo(Money.ofDollars("9.50")));
    }

    private static TeamId newTeam() {
        return TeamId.of("t-" + UUID.randomUUID());
    }

    private static ChargeCheck check(TeamId team, LocalDate day, Instant at, ChargeCheck.PerInstance... entries) {
        return new ChargeCheck(team, day, List.of(entries), at);
    }

    private static ChargeCheck.PerInstance entry(long id, String ledger, String charged) {
        return new ChargeCheck.PerInstance(id, Money.ofDollars(ledger), Money.ofDollars(charged));
    }

    private static Map<String, AttributeValue> item(TeamId team, LocalDate day) {
        return clients.dynamoDb()
                .getItem(r -> r.tableName(tables.ledger())
                        .key(LedgerKeys.key(team, LedgerKeys.chargeCheck(day)))
                        .consistentRead(true))
                .item();
    }

    private static void putDayTotal(TeamId team, LocalDate day, long micros) {
        Map<String, AttributeValue> item = new HashMap<>(LedgerKeys.key(team, LedgerKeys.day(day)));
        item.put(LedgerKeys.COST, AttributeValue.fromN(Long.toString(micros)));
        clients.dynamoDb().putItem(r -> r.tableName(tables.ledger()).item(item));
    }
}
