package dev.vastguard.instance.dynamo;

import dev.vastguard.config.Config;
import dev.vastguard.instance.Accrual;
import dev.vastguard.instance.Accrual.DayCost;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.ledger.dynamo.LedgerKeys;
import dev.vastguard.money.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Builds the writes of one accrual: the conditional instance update first, then a line and a day total per day,
 * then one total per month (a transaction may touch each item only once, so days and months are merged first).
 */
final class AccrualWrites {

    /** More days would come close to DynamoDB's 100 items per transaction; the caller splits long gaps. */
    static final int MAX_DAYS = 30;

    private final Config.Tables tables;

    AccrualWrites(Config.Tables tables) {
        this.tables = tables;
    }

    List<TransactWriteItem> of(Accrual accrual) {
        if (accrual.days().size() > MAX_DAYS) {
            throw new IllegalArgumentException("an accrual may span at most " + MAX_DAYS + " days; split it, got "
                    + accrual.days().size());
        }
        SortedMap<LocalDate, DayCost> days = mergeDays(accrual.days());
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(instanceUpdate(
                accrual, days.values().stream().map(DayCost::cost).reduce(Money.ZERO, Money::plus)));
        SortedMap<YearMonth, Money> months = new TreeMap<>();
        for (DayCost day : days.values()) {
            writes.add(lineUpdate(accrual, day));
            writes.add(totalUpdate(accrual, LedgerKeys.day(day.day()), day.cost()));
            months.merge(YearMonth.from(day.day()), day.cost(), Money::plus);
        }
        months.forEach((month, cost) -> writes.add(totalUpdate(accrual, LedgerKeys.month(month), cost)));
        return writes;
    }

    private static SortedMap<LocalDate, DayCost> mergeDays(List<DayCost> days) {
        SortedMap<LocalDate, DayCost> merged = new TreeMap<>();
        for (DayCost day : days) {
            if (day.gpuSeconds() == 0 && day.storageSeconds() == 0 && day.cost().micros() == 0) {
                continue;
            }
            merged.merge(
                    day.day(),
                    day,
                    (a, b) -> new DayCost(
                            a.day(),
                            a.gpuSeconds() + b.gpuSeconds(),
                            a.storageSeconds() + b.storageSeconds(),
                            a.cost().plus(b.cost())));
        }
        return merged;
    }

    private TransactWriteItem instanceUpdate(Accrual accrual, Money total) {
        Map<String, String> names =
                new HashMap<>(Map.of("#until", InstanceKeys.ACCRUED_UNTIL, "#accrued", InstanceKeys.ACCRUED_MICROS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":from", number(accrual.from().getEpochSecond()),
                ":to", number(accrual.to().getEpochSecond()),
                ":total", number(total.micros())));
        StringBuilder set = new StringBuilder("SET #until = :to");
        StringBuilder condition = new StringBuilder("#until = :from");
        accrual.newStatus().ifPresent(status -> {
            names.put("#status", InstanceKeys.STATUS);
            values.put(":status", AttributeValue.fromS(status.wireName()));
            values.put(":destroyed", AttributeValue.fromS(InstanceStatus.DESTROYED.wireName()));
            set.append(", #status = :status");
            // An accrual of no time leaves the watermark where it was, so the watermark alone cannot tell that a
            // concurrent request made this change (or destroyed the instance) first.
            condition.append(" AND #status <> :status AND #status <> :destroyed");
            if (status == InstanceStatus.DESTROYED) {
                names.put("#destroyed", InstanceKeys.DESTROYED_AT);
                names.put("#expires", InstanceKeys.EXPIRES_AT);
                values.put(":expires", number(InstanceItem.expiry(accrual.to())));
                set.append(", #destroyed = :to, #expires = :expires");
            }
        });
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(tables.instances())
                        .key(InstanceKeys.key(accrual.team(), InstanceKeys.instance(accrual.instanceId())))
                        .conditionExpression(condition.toString())
                        .updateExpression(set + " ADD #accrued :total")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .build())
                .build();
    }

    private TransactWriteItem lineUpdate(Accrual accrual, DayCost day) {
        Map<String, String> names = Map.of(
                "#cost", LedgerKeys.COST,
                "#gpuSeconds", LedgerKeys.GPU_SECONDS,
                "#storageSeconds", LedgerKeys.STORAGE_SECONDS,
                "#gpuName", LedgerKeys.GPU_NAME,
                "#numGpus", LedgerKeys.NUM_GPUS,
                "#day", LedgerKeys.DAY,
                "#id", LedgerKeys.INSTANCE_ID,
                "#accruedTo", LedgerKeys.ACCRUED_TO);
        Map<String, AttributeValue> values = Map.of(
                ":cost", number(day.cost().micros()),
                ":gpuSeconds", number(day.gpuSeconds()),
                ":storageSeconds", number(day.storageSeconds()),
                ":gpuName", AttributeValue.fromS(accrual.gpuName()),
                ":numGpus", number(accrual.numGpus()),
                ":day", AttributeValue.fromS(day.day().toString()),
                ":id", number(accrual.instanceId()),
                ":accruedTo", number(accrual.to().getEpochSecond()));
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(tables.ledger())
                        .key(LedgerKeys.key(accrual.team(), LedgerKeys.line(day.day(), accrual.instanceId())))
                        .updateExpression("SET #gpuName = :gpuName, #numGpus = :numGpus, #day = :day, #id = :id,"
                                + " #accruedTo = :accruedTo"
                                + " ADD #cost :cost, #gpuSeconds :gpuSeconds, #storageSeconds :storageSeconds")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .build())
                .build();
    }

    private TransactWriteItem totalUpdate(Accrual accrual, String sortKey, Money cost) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(tables.ledger())
                        .key(LedgerKeys.key(accrual.team(), sortKey))
                        .updateExpression("ADD #cost :cost")
                        .expressionAttributeNames(Map.of("#cost", LedgerKeys.COST))
                        .expressionAttributeValues(Map.of(":cost", number(cost.micros())))
                        .build())
                .build();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
