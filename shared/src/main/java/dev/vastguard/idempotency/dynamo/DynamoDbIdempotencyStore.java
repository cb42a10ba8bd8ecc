package dev.vastguard.idempotency.dynamo;

import dev.vastguard.idempotency.IdempotencyStore;
import dev.vastguard.team.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Keeps idempotency records in the idempotency table (partition key {@code pk} = {@code <team>#<key>}, TTL
 * attribute {@code expires_at}), claimed with a conditional put so two concurrent requests cannot both win.
 */
public final class DynamoDbIdempotencyStore implements IdempotencyStore {

    /** How long a record is kept; a retry after that is a new request. */
    static final Duration RETENTION = Duration.ofHours(24);

    /** How long a claim may stay in progress before another request may take it over (its owner died). */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbIdempotencyStore.class);

    private static final String PK = "pk";
    private static final String STATUS = "status";
    private static final String REQUEST_HASH = "request_hash";
    private static final String EXPIRES_AT = "expires_at";
    private static final String CLAIMED_AT = "claimed_at";
    private static final String RESPONSE_STATUS = "response_status";
    private static final String RESPONSE_BODY = "response_body";
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";
    private static final int CLAIM_ATTEMPTS = 3;

    private final DynamoDbClient dynamo;
    private final String tableName;

    /**
     * Creates the store.
     *
     * @param dynamo the low-level client
     * @param tableName the idempotency table
     */
    public DynamoDbIdempotencyStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public Claim claim(TeamId team, String key, String requestHash, Instant now) {
        String pk = pk(team, key);
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (tryPut(pk, requestHash, now)) {
                return new Claimed();
            }
            Optional<Map<String, AttributeValue>> existing = read(pk);
            if (existing.isPresent()) {
                return judge(pk, existing.get(), requestHash, now);
            }
            // Released between our put and our read: try to claim it again.
        }
        return new InProgress();
    }

    @Override
    public void complete(TeamId team, String key, int status, String body) {
        try {
            dynamo.updateItem(r -> r.tableName(tableName)
                    .key(key(pk(team, key)))
                    .conditionExpression("attribute_exists(#pk)")
                    .updateExpression("SET #status = :completed, #responseStatus = :status, #responseBody = :body")
                    .expressionAttributeNames(Map.of(
                            "#pk", PK,
                            "#status", STATUS,
                            "#responseStatus", RESPONSE_STATUS,
                            "#responseBody", RESPONSE_BODY))
                    .expressionAttributeValues(Map.of(
                            ":completed", AttributeValue.fromS(COMPLETED),
                            ":status", number(status),
                            ":body", AttributeValue.fromS(body))));
        } catch (ConditionalCheckFailedException e) {
            // The answer is already on its way to the caller; only a later retry loses its replay.
            LOG.warn("Idempotency record of team {} was gone before it could be completed", team);
        }
    }

    @Override
    public void release(TeamId team, String key) {
        dynamo.deleteItem(r -> r.tableName(tableName).key(key(pk(team, key))));
    }

    private boolean tryPut(String pk, String requestHash, Instant now) {
        try {
            dynamo.putItem(r -> r.tableName(tableName)
                    .item(Map.of(
                            PK, AttributeValue.fromS(pk),
                            STATUS, AttributeValue.fromS(IN_PROGRESS),
                            REQUEST_HASH, AttributeValue.fromS(requestHash),
                            CLAIMED_AT, number(now.getEpochSecond()),
                            EXPIRES_AT, number(now.plus(RETENTION).getEpochSecond())))
                    // TTL deletion lags by up to days, so an expired record counts as absent.
                    .conditionExpression("attribute_not_exists(#pk) OR #expires < :now")
                    .expressionAttributeNames(Map.of("#pk", PK, "#expires", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", number(now.getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Optional<Map<String, AttributeValue>> read(String pk) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(tableName).key(key(pk)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private Claim judge(String pk, Map<String, AttributeValue> existing, String requestHash, Instant now) {
        if (!requestHash.equals(text(existing, REQUEST_HASH))) {
            return new Mismatch();
        }
        if (COMPLETED.equals(text(existing, STATUS))) {
            return new Replay(Integer.parseInt(existing.get(RESPONSE_STATUS).n()), text(existing, RESPONSE_BODY));
        }
        AttributeValue claimedAt = existing.get(CLAIMED_AT);
        boolean abandoned = claimedAt != null
                && !Instant.ofEpochSecond(Long.parseLong(claimedAt.n()))
                        .plus(ABANDONED_AFTER)
                        .isAfter(now);
        return abandoned && takeOver(pk, claimedAt, now) ? new Claimed() : new InProgress();
    }

    private boolean takeOver(String pk, AttributeValue previousClaim, Instant now) {
        try {
            dynamo.updateItem(r -> r.tableName(tableName)
                    .key(key(pk))
                    .conditionExpression("#status = :inProgress AND #claimedAt = :previous")
                    .updateExpression("SET #claimedAt = :now, #expires = :expires")
                    .expressionAttributeNames(
                            Map.of("#status", STATUS, "#claimedAt", CLAIMED_AT, "#expires", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(
                            ":inProgress", AttributeValue.fromS(IN_PROGRESS),
                            ":previous", previousClaim,
                            ":now", number(now.getEpochSecond()),
                            ":expires", number(now.plus(RETENTION).getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static String pk(TeamId team, String key) {
        return team.value() + "#" + key;
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of(PK, AttributeValue.fromS(pk));
    }

    private static String text(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : value.s();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
