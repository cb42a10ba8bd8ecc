package dev.vastguard.instance.dynamo;

import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Reads why DynamoDB cancelled a transaction. */
final class Transactions {

    static final String CONDITION_FAILED = "ConditionalCheckFailed";
    static final String CONFLICT = "TransactionConflict";
    private static final String NONE = "None";

    private Transactions() {}

    /**
     * Whether every cancelled item failed for one of the given reasons (items that did not fail say "None").
     */
    static boolean onlyFailedWith(TransactionCanceledException e, Set<String> codes) {
        if (!e.hasCancellationReasons()) {
            return false;
        }
        List<String> failures = e.cancellationReasons().stream()
                .map(CancellationReason::code)
                .filter(code -> code != null && !NONE.equals(code))
                .toList();
        return !failures.isEmpty() && codes.containsAll(failures);
    }

    /** Whether the item at an index of the transaction failed its condition. */
    static boolean conditionFailedAt(TransactionCanceledException e, int index) {
        return e.hasCancellationReasons()
                && e.cancellationReasons().size() > index
                && CONDITION_FAILED.equals(e.cancellationReasons().get(index).code());
    }
}
