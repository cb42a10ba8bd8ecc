package dev.vastguard.principal.dynamo;

import dev.vastguard.principal.Principal;
import dev.vastguard.principal.Role;
import dev.vastguard.team.TeamId;
import java.lang.invoke.MethodHandles;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchemaParams;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** A principal as stored in the principals table; a bean for the Enhanced Client that never leaves this package. */
@DynamoDbBean
final class PrincipalItem {

    static final TableSchema<PrincipalItem> SCHEMA =
            TableSchema.fromBean(BeanTableSchemaParams.builder(PrincipalItem.class)
                    .lookup(MethodHandles.lookup())
                    .build());

    private String arn;
    private String role;
    private String team;

    /** Creates an empty item; the Enhanced Client fills it in. */
    public PrincipalItem() {}

    static PrincipalItem of(Principal principal) {
        PrincipalItem item = new PrincipalItem();
        item.arn = principal.arn();
        item.role = principal.role().wireName();
        item.team = principal.team().map(TeamId::value).orElse(null);
        return item;
    }

    Principal toPrincipal() {
        Role parsed = Role.fromWireName(role)
                .orElseThrow(() -> new IllegalStateException("principal " + arn + " has an unknown role"));
        return new Principal(arn, parsed, Optional.ofNullable(team).map(TeamId::of));
    }

    @DynamoDbPartitionKey
    @DynamoDbAttribute("arn")
    public String getArn() {
        return arn;
    }

    public void setArn(String arn) {
        this.arn = arn;
    }

    @DynamoDbAttribute("role")
    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    @DynamoDbAttribute("team")
    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }
}
