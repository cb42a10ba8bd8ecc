package dev.vastguard.ledger.dynamo;

import dev.vastguard.ledger.BudgetPeriod;
import dev.vastguard.ledger.ChargeCheck;
import dev.vastguard.ledger.Ledger;
import dev.vastguard.ledger.LedgerLine;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Reads the ledger table (partition key {@code team}, sort key {@code sk}), and keeps the alert claims and the
 * comparisons with Vast.ai's charges that live beside the accruals.
 */
public final class DynamoDbLedger implements Ledger {

    /** The string set on a period's total item that records which thresholds were notified. */
    static final String ALERTED = "alerted";

    private final DynamoDbTable<LedgerItem> table;
    private final DynamoDbClient dynamo;
    private final String tableName;

    /**
     * Creates the reader.
     *
     * @param enhanced the Enhanced Client
     * @param dynamo the low-level client, for the conditional alert claim
     * @param tableName the ledger table
     */
    public DynamoDbLedger(DynamoDbEnhancedClient enhanced, DynamoDbClient dynamo, String tableName) {
        this.table = enhanced.table(tableName, LedgerItem.SCHEMA);
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public boolean claimAlert(TeamId team, BudgetPeriod period, BigDecimal threshold) {
        String sortKey = period.kind() == BudgetPeriod.Kind.DAILY
                ? LedgerKeys.day(period.start())
                : LedgerKeys.month(YearMonth.from(period.start()));
        String mark = threshold.stripTrailingZeros().toPlainString();
        try {
            dynamo.updateItem(r -> r.tableName(tableName)
                    .key(LedgerKeys.key(team, sortKey))
                    .updateExpression("ADD #alerted :marks")
                    .conditionExpression("attribute_not_exists(#alerted) OR NOT contains(#alerted, :mark)")
                    .expressionAttributeNames(Map.of("#alerted", ALERTED))
                    .expressionAttributeValues(Map.of(
                            ":marks", AttributeValue.fromSs(List.of(mark)),
                            ":mark", AttributeValue.fromS(mark))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
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
        return streamLines(team, month).toList();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The sort key {@code line#DAY#<20-digit id>} already orders the lines by day, then instance id, so the query's
     * pages arrive in report order and nothing is sorted in memory.
     */
    @Override
    public Stream<LedgerLine> streamLines(TeamId team, YearMonth month) {
        QueryConditional prefix = QueryConditional.sortBeginsWith(Key.builder()
                .partitionValue(team.value())
                .sortValue(LedgerKeys.linePrefix(month))
                .build());
        return table.query(r -> r.queryConditional(prefix).consistentRead(true)).items().stream()
                .map(LedgerItem::toLine);
    }

    @Override
    public void putChargeCheck(ChargeCheck check) {
        // SET of every value, not a put: the alert claim on the same item must survive a re-run.
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> assignments = new ArrayList<>();
        ChargeCheckItems.values(check).forEach((name, value) -> {
            String placeholder = "a" + assignments.size();
            names.put("#" + placeholder, name);
            values.put(":" + placeholder, value);
            assignments.add("#" + placeholder + " = :" + placeholder);
        });
        dynamo.updateItem(r -> r.tableName(tableName)
                .key(LedgerKeys.key(check.team(), LedgerKeys.chargeCheck(check.day())))
                .updateExpression("SET " + String.join(", ", assignments))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    @Override
    public List<ChargeCheck> chargeChecks(TeamId team, YearMonth month) {
        return dynamo
                .queryPaginator(r -> r.tableName(tableName)
                        .keyConditionExpression("#team = :team AND begins_with(#sk, :prefix)")
                        .expressionAttributeNames(Map.of("#team", LedgerKeys.PK, "#sk", LedgerKeys.SK))
                        .expressionAttributeValues(Map.of(
                                ":team", AttributeValue.fromS(team.value()),
                                ":prefix", AttributeValue.fromS(LedgerKeys.chargeCheckPrefix(month))))
                        .consistentRead(true))
                .items()
                .stream()
                // An item holding only an alert claim has no check to report.
                .filter(item -> item.containsKey(ChargeCheckItems.CHECKED_AT))
                .map(ChargeCheckItems::fromItem)
                .sorted(Comparator.comparing(ChargeCheck::day))
                .toList();
    }

    @Override
    public boolean claimChargeAlert(TeamId team, LocalDate day) {
        try {
            dynamo.updateItem(r -> r.tableName(tableName)
                    .key(LedgerKeys.key(team, LedgerKeys.chargeCheck(day)))
                    .updateExpression("SET #alerted = :true")
                    .conditionExpression("attribute_not_exists(#alerted)")
                    .expressionAttributeNames(Map.of("#alerted", ChargeCheckItems.ALERTED))
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
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
