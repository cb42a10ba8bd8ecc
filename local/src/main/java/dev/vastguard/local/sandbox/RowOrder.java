package dev.vastguard.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;

/** Sorts JSON rows by columns, nulls last, with {@code id} ascending as the final tiebreaker. */
final class RowOrder {

    /** One sort column. */
    record Key(String column, boolean descending) {}

    private RowOrder() {}

    static Comparator<ObjectNode> of(List<Key> keys) {
        Comparator<ObjectNode> byId =
                Comparator.comparingLong(row -> row.path("id").asLong());
        Comparator<ObjectNode> order = null;
        for (Key key : keys) {
            Comparator<ObjectNode> byKey = (a, b) -> compare(a.path(key.column()), b.path(key.column()), key);
            order = order == null ? byKey : order.thenComparing(byKey);
        }
        return order == null ? byId : order.thenComparing(byId);
    }

    private static int compare(JsonNode a, JsonNode b, Key key) {
        boolean aNull = a.isNull() || a.isMissingNode();
        boolean bNull = b.isNull() || b.isMissingNode();
        if (aNull || bNull) {
            return Boolean.compare(aNull, bNull);
        }
        int cmp;
        if (a.isNumber() && b.isNumber()) {
            cmp = a.decimalValue().compareTo(b.decimalValue());
        } else if (a.isBoolean() && b.isBoolean()) {
            cmp = Boolean.compare(a.booleanValue(), b.booleanValue());
        } else {
            cmp = a.asText().compareTo(b.asText());
        }
        return key.descending() ? -cmp : cmp;
    }

    /** Reads a direction word; anything but {@code desc} is ascending. */
    static boolean descending(String dir) {
        return "desc".equalsIgnoreCase(dir);
    }
}
