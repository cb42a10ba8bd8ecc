package dev.vastguard.audit.dynamo;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.audit.AuditEvent;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchemaParams;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** An audit event as stored in the audit table; never leaves this package. */
@DynamoDbBean
final class AuditItem {

    static final String BY_TEAM = "by-team";
    static final String MONTH = "month";
    static final String SK = "sk";
    static final String TEAM_MONTH = "team_month";

    static final TableSchema<AuditItem> SCHEMA = TableSchema.fromBean(BeanTableSchemaParams.builder(AuditItem.class)
            .lookup(MethodHandles.lookup())
            .build());

    // Fixed nine fraction digits, so the ISO text of the sort key orders exactly like the instants.
    private static final DateTimeFormatter SORTABLE_INSTANT =
            new DateTimeFormatterBuilder().appendInstant(9).toFormatter(Locale.ROOT);

    private String month;
    private String sk;
    private String team;
    private String teamMonth;
    private String principal;
    private String action;
    private Long instanceId;
    private Long amountMicros;
    private String detail;

    /** Creates an empty item; the Enhanced Client fills it in. */
    public AuditItem() {}

    static AuditItem of(AuditEvent event) {
        YearMonth eventMonth = YearMonth.from(event.time().atOffset(ZoneOffset.UTC));
        AuditItem item = new AuditItem();
        item.month = eventMonth.toString();
        item.sk = SORTABLE_INSTANT.format(event.time()) + "#" + UUID.randomUUID();
        item.team = event.team().map(TeamId::value).orElse(null);
        item.teamMonth = event.team().map(team -> teamMonth(team, eventMonth)).orElse(null);
        item.principal = event.principal();
        item.action = event.action().wireName();
        item.instanceId = event.instanceId().orElse(null);
        item.amountMicros = event.amount().map(Money::micros).orElse(null);
        item.detail = event.detail();
        return item;
    }

    static String teamMonth(TeamId team, YearMonth month) {
        return team.value() + "#" + month;
    }

    AuditEvent toEvent() {
        return new AuditEvent(
                Instant.parse(sk.substring(0, sk.indexOf('#'))),
                Optional.ofNullable(team).map(TeamId::of),
                principal,
                AuditAction.valueOf(action.toUpperCase(Locale.ROOT)),
                Optional.ofNullable(instanceId),
                Optional.ofNullable(amountMicros).map(Money::ofMicros),
                detail == null ? "" : detail);
    }

    @DynamoDbPartitionKey
    @DynamoDbAttribute(MONTH)
    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    @DynamoDbSortKey
    @DynamoDbSecondarySortKey(indexNames = BY_TEAM)
    @DynamoDbAttribute(SK)
    public String getSk() {
        return sk;
    }

    public void setSk(String sk) {
        this.sk = sk;
    }

    @DynamoDbAttribute("team")
    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_TEAM)
    @DynamoDbAttribute(TEAM_MONTH)
    public String getTeamMonth() {
        return teamMonth;
    }

    public void setTeamMonth(String teamMonth) {
        this.teamMonth = teamMonth;
    }

    @DynamoDbAttribute("principal")
    public String getPrincipal() {
        return principal;
    }

    public void setPrincipal(String principal) {
        this.principal = principal;
    }

    @DynamoDbAttribute("action")
    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    @DynamoDbAttribute("instance_id")
    public Long getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(Long instanceId) {
        this.instanceId = instanceId;
    }

    @DynamoDbAttribute("amount_micros")
    public Long getAmountMicros() {
        return amountMicros;
    }

    public void setAmountMicros(Long amountMicros) {
        this.amountMicros = amountMicros;
    }

    @DynamoDbAttribute("detail")
    public String getDetail() {
        return detail;
    }

    public void setDetail(String detail) {
        this.detail = detail;
    }
}
