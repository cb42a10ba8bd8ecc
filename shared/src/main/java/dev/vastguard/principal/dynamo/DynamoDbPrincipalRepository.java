package dev.vastguard.principal.dynamo;

import dev.vastguard.principal.Principal;
import dev.vastguard.principal.PrincipalRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Stores principals in the principals table (partition key {@code arn}). */
public final class DynamoDbPrincipalRepository implements PrincipalRepository {

    private final DynamoDbTable<PrincipalItem> table;

    /**
     * Creates the repository.
     *
     * @param enhanced the Enhanced Client
     * @param tableName the principals table
     */
    public DynamoDbPrincipalRepository(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = enhanced.table(tableName, PrincipalItem.SCHEMA);
    }

    @Override
    public Optional<Principal> find(String arn) {
        return Optional.ofNullable(table.getItem(r -> r.key(key(arn)).consistentRead(true)))
                .map(PrincipalItem::toPrincipal);
    }

    @Override
    public void put(Principal principal) {
        table.putItem(PrincipalItem.of(principal));
    }

    @Override
    public boolean delete(String arn) {
        return table.deleteItem(key(arn)) != null;
    }

    @Override
    public List<Principal> list() {
        return table.scan().items().stream()
                .map(PrincipalItem::toPrincipal)
                .sorted(Comparator.comparing(Principal::arn))
                .toList();
    }

    private static Key key(String arn) {
        return Key.builder().partitionValue(arn).build();
    }
}
