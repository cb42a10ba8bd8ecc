package dev.vastguard.instance.dynamo;

import dev.vastguard.config.Config;
import dev.vastguard.instance.Accrual;
import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceRepository;
import dev.vastguard.instance.Reservation;
import dev.vastguard.ledger.dynamo.LedgerKeys;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.dynamo.TeamTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Stores instances ({@code i#<20-digit id>}) and reservations ({@code r#<tag>}) in the instances table, and writes
 * admissions and accruals as DynamoDB transactions across the teams, instances and ledger tables.
 */
public final class DynamoDbInstanceRepository implements InstanceRepository {

    // A conflict means another transaction touched the team or day total at the same moment: the caller's
    // snapshot is as stale as after a failed condition, so it is answered the same way (read again, decide again).
    private static final Set<String> STALE_SNAPSHOT = Set.of(Transactions.CONDITION_FAILED, Transactions.CONFLICT);

    private final DynamoDbClient dynamo;
    private final DynamoDbTable<InstanceItem> instances;
    private final DynamoDbTable<ReservationItem> reservations;
    private final Config.Tables tables;
    private final AccrualWrites accrualWrites;

    /**
     * Creates the repository.
     *
     * @param enhanced the Enhanced Client, for reads and plain writes
     * @param dynamo the low-level client, for transactions
     * @param tables the table names (teams, instances and ledger are used)
     */
    public DynamoDbInstanceRepository(DynamoDbEnhancedClient enhanced, DynamoDbClient dynamo, Config.Tables tables) {
        this.dynamo = dynamo;
        this.instances = enhanced.table(tables.instances(), InstanceItem.SCHEMA);
        this.reservations = enhanced.table(tables.instances(), ReservationItem.SCHEMA);
        this.tables = tables;
        this.accrualWrites = new AccrualWrites(tables);
    }

    @Override
    public Optional<Instance> find(TeamId team, long id) {
        InstanceItem item = instances.getItem(
                r -> r.key(key(team, InstanceKeys.instance(id))).consistentRead(true));
        return Optional.ofNullable(item).map(InstanceItem::toInstance);
    }

    @Override
    public List<Instance> list(TeamId team) {
        return query(instances, team, InstanceKeys.INSTANCE_PREFIX)
                .map(InstanceItem::toInstance)
                .sorted(Comparator.comparingLong(Instance::id))
                .toList();
    }

    @Override
    public List<Reservation> reservations(TeamId team) {
        return query(reservations, team, InstanceKeys.RESERVATION_PREFIX)
                .map(ReservationItem::toReservation)
                .sorted(Comparator.comparing(Reservation::createdAt).thenComparing(Reservation::tag))
                .toList();
    }

    @Override
    public boolean reserve(Reservation reservation, long expectedTeamVersion, Money expectedDaySpend) {
        LocalDate day = LocalDate.ofInstant(reservation.createdAt(), ZoneOffset.UTC);
        try {
            transact(
                    bumpVersion(reservation.team(), Optional.of(expectedTeamVersion)),
                    put(tables.instances(), ReservationItem.SCHEMA.itemToMap(ReservationItem.of(reservation), true)),
                    daySpendCheck(reservation.team(), day, expectedDaySpend));
            return true;
        } catch (TransactionCanceledException e) {
            if (Transactions.onlyFailedWith(e, STALE_SNAPSHOT)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void confirm(Reservation reservation, Instance instance) {
        transact(
                TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName(tables.instances())
                                .key(InstanceKeys.key(reservation.team(), InstanceKeys.reservation(reservation.tag())))
                                .build())
                        .build(),
                TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName(tables.instances())
                                .item(InstanceItem.SCHEMA.itemToMap(InstanceItem.of(instance), true))
                                .build())
                        .build());
    }

    @Override
    public void release(Reservation reservation) {
        reservations.deleteItem(key(reservation.team(), InstanceKeys.reservation(reservation.tag())));
    }

    @Override
    public boolean adopt(Instance instance) {
        try {
            // Adopted instances count against the team's limits, so concurrent admissions must read again.
            transact(
                    put(tables.instances(), InstanceItem.SCHEMA.itemToMap(InstanceItem.of(instance), true)),
                    bumpVersion(instance.team(), Optional.empty()));
            return true;
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailedAt(e, 0)) {
                return false;
            }
            if (Transactions.conditionFailedAt(e, 1)) {
                throw new IllegalArgumentException("team " + instance.team() + " does not exist", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<Instance> applyAccrual(Accrual accrual) {
        List<TransactWriteItem> writes = accrualWrites.of(accrual);
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailedAt(e, 0)) {
                return Optional.empty();
            }
            throw e;
        }
        return find(accrual.team(), accrual.instanceId());
    }

    @Override
    public Instant failingSince(TeamId team, long instanceId, Instant seenAt) {
        Map<String, AttributeValue> stored = dynamo.updateItem(r -> r.tableName(tables.instances())
                        .key(InstanceKeys.key(team, InstanceKeys.failure(instanceId)))
                        .updateExpression("SET #since = if_not_exists(#since, :seen), #expires = :expires")
                        .expressionAttributeNames(Map.of("#since", "since", "#expires", InstanceKeys.EXPIRES_AT))
                        .expressionAttributeValues(Map.of(
                                ":seen",
                                number(seenAt.getEpochSecond()),
                                ":expires",
                                number(InstanceItem.expiry(seenAt))))
                        .returnValues(ReturnValue.ALL_NEW))
                .attributes();
        return Instant.ofEpochSecond(Long.parseLong(stored.get("since").n()));
    }

    private void transact(TransactWriteItem... writes) {
        dynamo.transactWriteItems(r -> r.transactItems(writes));
    }

    private static <T> Stream<T> query(DynamoDbTable<T> table, TeamId team, String prefix) {
        QueryConditional condition = QueryConditional.sortBeginsWith(key(team, prefix));
        return table.query(r -> r.queryConditional(condition).consistentRead(true)).items().stream();
    }

    private static Key key(TeamId team, String sortKey) {
        return Key.builder().partitionValue(team.value()).sortValue(sortKey).build();
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item)
                        .conditionExpression("attribute_not_exists(#sk)")
                        .expressionAttributeNames(Map.of("#sk", InstanceKeys.SK))
                        .build())
                .build();
    }

    /** Increments the team's version: from an expected value (admission), or from whatever it is (adoption). */
    private TransactWriteItem bumpVersion(TeamId team, Optional<Long> expected) {
        Update.Builder update = Update.builder()
                .tableName(tables.teams())
                .key(TeamTable.key(team))
                .expressionAttributeNames(Map.of("#version", TeamTable.VERSION));
        if (expected.isPresent()) {
            update.conditionExpression("#version = :expected")
                    .updateExpression("SET #version = :next")
                    .expressionAttributeValues(
                            Map.of(":expected", number(expected.get()), ":next", number(expected.get() + 1)));
        } else {
            update.conditionExpression("attribute_exists(#version)")
                    .updateExpression("ADD #version :one")
                    .expressionAttributeValues(Map.of(":one", number(1)));
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }

    private TransactWriteItem daySpendCheck(TeamId team, LocalDate day, Money expected) {
        // No item yet means nothing was spent that day, which only matches an expectation of zero.
        String condition = expected.micros() == 0 ? "attribute_not_exists(#cost) OR #cost = :spent" : "#cost = :spent";
        return TransactWriteItem.builder()
                .conditionCheck(ConditionCheck.builder()
                        .tableName(tables.ledger())
                        .key(LedgerKeys.key(team, LedgerKeys.day(day)))
                        .conditionExpression(condition)
                        .expressionAttributeNames(Map.of("#cost", LedgerKeys.COST))
                        .expressionAttributeValues(Map.of(":spent", number(expected.micros())))
                        .build())
                .build();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
