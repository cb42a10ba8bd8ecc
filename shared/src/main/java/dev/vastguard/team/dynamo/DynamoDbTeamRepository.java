package dev.vastguard.team.dynamo;

import dev.vastguard.team.Policy;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.TeamRepository;
import dev.vastguard.team.TeamState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Stores teams in the teams table (partition key {@code team}). */
public final class DynamoDbTeamRepository implements TeamRepository {

    private static final String STATE = "state";
    private static final String SUSPENDED_UNTIL = "suspended_until";
    private static final String SUSPENDED_SINCE = "suspended_since";
    private static final List<String> OPTIONAL_POLICY_ATTRIBUTES =
            List.of("monthly_budget_micros", "destroy_stopped_after_hours");

    private final DynamoDbClient dynamo;
    private final DynamoDbTable<TeamItem> table;
    private final String tableName;

    /**
     * Creates the repository.
     *
     * @param enhanced the Enhanced Client, for plain reads
     * @param dynamo the low-level client, for conditional updates
     * @param tableName the teams table
     */
    public DynamoDbTeamRepository(DynamoDbEnhancedClient enhanced, DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.table = enhanced.table(tableName, TeamItem.SCHEMA);
        this.tableName = tableName;
    }

    @Override
    public Optional<Team> find(TeamId id) {
        TeamItem item = table.getItem(
                r -> r.key(Key.builder().partitionValue(id.value()).build()).consistentRead(true));
        return Optional.ofNullable(item).map(TeamItem::toTeam);
    }

    @Override
    public List<Team> list() {
        return table.scan().items().stream()
                .map(TeamItem::toTeam)
                .sorted(Comparator.comparing(Team::id))
                .toList();
    }

    @Override
    public Team putPolicy(TeamId id, Policy policy) {
        Map<String, AttributeValue> policyValues =
                new HashMap<>(TeamItem.SCHEMA.itemToMap(TeamItem.ofPolicy(id, policy), true));
        policyValues.remove(TeamTable.PK);
        Expression update = policyUpdate(policyValues);
        Map<String, AttributeValue> stored = dynamo.updateItem(UpdateItemRequest.builder()
                        .tableName(tableName)
                        .key(TeamTable.key(id))
                        .updateExpression(update.text())
                        .expressionAttributeNames(update.names())
                        .expressionAttributeValues(update.values())
                        .returnValues(ReturnValue.ALL_NEW)
                        .build())
                .attributes();
        return TeamItem.SCHEMA.mapToItem(stored).toTeam();
    }

    /** Sets every policy attribute, removes absent optional ones, and only initialises the enforcement state. */
    private static Expression policyUpdate(Map<String, AttributeValue> policyValues) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        policyValues.forEach((attribute, value) -> {
            String alias = "a" + names.size();
            names.put("#" + alias, attribute);
            values.put(":" + alias, value);
            sets.add("#" + alias + " = :" + alias);
        });
        OPTIONAL_POLICY_ATTRIBUTES.stream()
                .filter(attribute -> !policyValues.containsKey(attribute))
                .forEach(attribute -> {
                    String alias = "#a" + names.size();
                    names.put(alias, attribute);
                    removes.add(alias);
                });
        // Enforcement state belongs to the sweeper and admission control: a policy change must not reset it.
        names.put("#version", TeamTable.VERSION);
        names.put("#state", STATE);
        values.put(":zero", AttributeValue.fromN("0"));
        values.put(":active", AttributeValue.fromS(TeamState.ACTIVE.wireName()));
        sets.add("#version = if_not_exists(#version, :zero)");
        sets.add("#state = if_not_exists(#state, :active)");
        String text =
                "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        return new Expression(text, names, values);
    }

    @Override
    public boolean suspend(TeamId id, Instant since, Instant until) {
        // Bumping the version makes an admission that read the team before the suspension fail its lock.
        return conditionalUpdate(
                id,
                "SET #state = :suspended, #until = :until, #since = if_not_exists(#since, :since) ADD #version :one",
                "attribute_exists(#team) AND (#state <> :suspended OR #until < :until)",
                Map.of(
                        ":suspended", AttributeValue.fromS(TeamState.SUSPENDED.wireName()),
                        ":until", AttributeValue.fromN(Long.toString(until.getEpochSecond())),
                        ":since", AttributeValue.fromN(Long.toString(since.getEpochSecond())),
                        ":one", AttributeValue.fromN("1")));
    }

    @Override
    public boolean resume(TeamId id) {
        return conditionalUpdate(
                id,
                "SET #state = :active REMOVE #until, #since",
                "attribute_exists(#team) AND #state = :suspended",
                Map.of(
                        ":suspended", AttributeValue.fromS(TeamState.SUSPENDED.wireName()),
                        ":active", AttributeValue.fromS(TeamState.ACTIVE.wireName())));
    }

    private boolean conditionalUpdate(
            TeamId id, String updateExpression, String condition, Map<String, AttributeValue> values) {
        Map<String, String> names =
                new HashMap<>(Map.of("#team", TeamTable.PK, "#state", STATE, "#until", SUSPENDED_UNTIL));
        if (updateExpression.contains("#since")) {
            names.put("#since", SUSPENDED_SINCE);
        }
        if (updateExpression.contains("#version")) {
            names.put("#version", TeamTable.VERSION);
        }
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(tableName)
                    .key(TeamTable.key(id))
                    .updateExpression(updateExpression)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private record Expression(String text, Map<String, String> names, Map<String, AttributeValue> values) {}
}
