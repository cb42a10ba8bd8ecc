package dev.vastguard.instance.dynamo;

import dev.vastguard.team.TeamId;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Keys and attribute names of the instances table, which holds instances and reservations side by side. */
final class InstanceKeys {

    static final String PK = "team";
    static final String SK = "sk";
    static final String INSTANCE_PREFIX = "i#";
    static final String RESERVATION_PREFIX = "r#";
    static final String FAILURE_PREFIX = "f#";

    static final String STATUS = "status";
    static final String ACCRUED_MICROS = "accrued_micros";
    static final String ACCRUED_UNTIL = "accrued_until";
    static final String DESTROYED_AT = "destroyed_at";
    static final String EXPIRES_AT = "expires_at";

    private InstanceKeys() {}

    static String instance(long id) {
        return INSTANCE_PREFIX + String.format(Locale.ROOT, "%020d", id);
    }

    static String failure(long id) {
        return FAILURE_PREFIX + String.format(Locale.ROOT, "%020d", id);
    }

    static String reservation(String tag) {
        return RESERVATION_PREFIX + tag;
    }

    static Map<String, AttributeValue> key(TeamId team, String sortKey) {
        return Map.of(PK, AttributeValue.fromS(team.value()), SK, AttributeValue.fromS(sortKey));
    }
}
