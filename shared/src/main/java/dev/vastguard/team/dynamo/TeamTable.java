package dev.vastguard.team.dynamo;

import dev.vastguard.team.TeamId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The attributes of the teams table that other repositories write in their transactions (the optimistic lock).
 */
public final class TeamTable {

    /** The partition key: the team id. */
    public static final String PK = "team";

    /** The optimistic-lock counter, a number. */
    public static final String VERSION = "version";

    private TeamTable() {}

    /**
     * The key of a team's item.
     *
     * @param id the team
     * @return the key attributes
     */
    public static Map<String, AttributeValue> key(TeamId id) {
        return Map.of(PK, AttributeValue.fromS(id.value()));
    }
}
