package dev.vastguard.audit.dynamo;

import dev.vastguard.audit.AuditEvent;
import dev.vastguard.audit.AuditLog;
import dev.vastguard.audit.AuditPage;
import dev.vastguard.team.TeamId;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes the audit log to the audit table (partition key {@code month}, sort key {@code <instant>#<uuid>}) and reads
 * it by month, or by team and month through the {@code by-team} index.
 */
public final class DynamoDbAuditLog implements AuditLog {

    /** Events per page. */
    static final int PAGE_SIZE = 100;

    private final DynamoDbTable<AuditItem> table;

    /**
     * Creates the log.
     *
     * @param enhanced the Enhanced Client
     * @param tableName the audit table
     */
    public DynamoDbAuditLog(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = enhanced.table(tableName, AuditItem.SCHEMA);
    }

    @Override
    public void record(AuditEvent event) {
        table.putItem(AuditItem.of(event));
    }

    @Override
    public AuditPage read(YearMonth month, Optional<TeamId> team, Optional<String> nextToken) {
        Map<String, String> fixed = team.map(t ->
                        Map.of(AuditItem.MONTH, month.toString(), AuditItem.TEAM_MONTH, AuditItem.teamMonth(t, month)))
                .orElse(Map.of(AuditItem.MONTH, month.toString()));
        String partition = team.map(t -> AuditItem.teamMonth(t, month)).orElse(month.toString());
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(
                        Key.builder().partitionValue(partition).build()))
                .limit(PAGE_SIZE)
                .scanIndexForward(true)
                .exclusiveStartKey(nextToken
                        .map(token -> PageTokens.decode(token, fixed, AuditItem.SK))
                        .orElse(null))
                .build();
        SdkIterable<Page<AuditItem>> pages =
                team.isPresent() ? table.index(AuditItem.BY_TEAM).query(request) : table.query(request);
        Page<AuditItem> page = pages.iterator().next();
        Map<String, AttributeValue> last = page.lastEvaluatedKey();
        return new AuditPage(
                page.items().stream().map(AuditItem::toEvent).toList(),
                last == null || last.isEmpty() ? Optional.empty() : Optional.of(PageTokens.encode(last)));
    }
}
