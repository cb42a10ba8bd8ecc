package dev.vastguard.ledger.dynamo;

import dev.vastguard.ledger.Ledger;
import dev.vastguard.ledger.LedgerLine;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** Reads the ledger table (partition key {@code team}, sort key {@code sk}). */
public final class DynamoDbLedger implements Ledger {

    private final DynamoDbTable<LedgerItem> table;

    /**
     * Creates the reader.
     *
     * @param enhanced the Enhanced Client
     * @param tableName the ledger table
     */
    public DynamoDbLedger(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = enhanced.table(tableName, LedgerItem.SCHEMA);
    }

    @Override
    public Money daySpend(TeamId team, LocalDate day) {
        return total(team, LedgerKeys.day(day));
    }

    @Override
    public Money monthSpend(TeamId team, YearMonth month) {
        return total(team, LedgerKeys.month(month));
    }

    @Override
    public List<LedgerLine> lines(TeamId team, YearMonth month) {
        QueryConditional prefix = QueryConditional.sortBeginsWith(Key.builder()
                .partitionValue(team.value())
                .sortValue(LedgerKeys.linePrefix(month))
                .build());
        return table.query(r -> r.queryConditional(prefix).consistentRead(true)).items().stream()
                .map(LedgerItem::toLine)
                .sorted(Comparator.comparing(LedgerLine::day).thenComparingLong(LedgerLine::instanceId))
                .toList();
    }

    private Money total(TeamId team, String sortKey) {
        // Consistent reads: admission control compares what it read here with the stored value.
        LedgerItem item = table.getItem(r -> r.key(Key.builder()
                        .partitionValue(team.value())
                        .sortValue(sortKey)
                        .build())
                .consistentRead(true));
        return item == null ? Money.ZERO : item.cost();
    }
}
