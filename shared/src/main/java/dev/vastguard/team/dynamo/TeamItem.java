package dev.vastguard.team.dynamo;

import dev.vastguard.money.Money;
import dev.vastguard.team.BreachAction;
import dev.vastguard.team.GpuName;
import dev.vastguard.team.Policy;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.TeamState;
import java.lang.invoke.MethodHandles;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchemaParams;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * A team as stored in the teams table: the policy attributes plus enforcement state and version. A mutable bean
 * because the Enhanced Client needs one; it never leaves this package.
 */
@DynamoDbBean
final class TeamItem {

    static final TableSchema<TeamItem> SCHEMA = TableSchema.fromBean(BeanTableSchemaParams.builder(TeamItem.class)
            .lookup(MethodHandles.lookup())
            .build());

    private String team;
    private List<String> gpuWhitelist;
    private Integer maxInstances;
    private Long dailyBudgetMicros;
    private Long maxDphMicros;
    private BigDecimal minReliability;
    private String vastSecretId;
    private String onBudgetExceeded;
    private Long monthlyBudgetMicros;
    private List<BigDecimal> alertThresholds;
    private BigDecimal destroyStoppedAfterHours;
    private Integer maxLoadingMinutes;
    private Long version;
    private String state;
    private Long suspendedUntil;
    private Long suspendedSince;

    /** Creates an empty item; the Enhanced Client fills it in. */
    public TeamItem() {}

    static TeamItem ofPolicy(TeamId id, Policy policy) {
        TeamItem item = new TeamItem();
        item.team = id.value();
        item.gpuWhitelist = policy.gpuWhitelist().stream().map(GpuName::value).toList();
        item.maxInstances = policy.maxInstances();
        item.dailyBudgetMicros = policy.dailyBudget().micros();
        item.maxDphMicros = policy.maxDph().micros();
        item.minReliability = policy.minReliability();
        item.vastSecretId = policy.vastSecretId();
        item.onBudgetExceeded = policy.onBudgetExceeded().wireName();
        item.monthlyBudgetMicros = policy.monthlyBudget().map(Money::micros).orElse(null);
        item.alertThresholds = policy.alertThresholds();
        item.destroyStoppedAfterHours = policy.destroyStoppedAfterHours().orElse(null);
        item.maxLoadingMinutes = policy.maxLoadingMinutes();
        return item;
    }

    Team toTeam() {
        Policy policy = new Policy(
                gpuWhitelist.stream().map(GpuName::of).toList(),
                maxInstances,
                Money.ofMicros(dailyBudgetMicros),
                Money.ofMicros(maxDphMicros),
                minReliability,
                vastSecretId,
                BreachAction.valueOf(onBudgetExceeded.toUpperCase(Locale.ROOT)),
                Optional.ofNullable(monthlyBudgetMicros).map(Money::ofMicros),
                alertThresholds == null ? List.of() : alertThresholds,
                Optional.ofNullable(destroyStoppedAfterHours),
                maxLoadingMinutes);
        return new Team(
                TeamId.of(team),
                policy,
                state == null ? TeamState.ACTIVE : TeamState.valueOf(state.toUpperCase(Locale.ROOT)),
                Optional.ofNullable(suspendedUntil).map(Instant::ofEpochSecond),
                version == null ? 0 : version,
                Optional.ofNullable(suspendedSince).map(Instant::ofEpochSecond));
    }

    @DynamoDbPartitionKey
    @DynamoDbAttribute(TeamTable.PK)
    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    @DynamoDbAttribute("gpu_whitelist")
    public List<String> getGpuWhitelist() {
        return gpuWhitelist;
    }

    public void setGpuWhitelist(List<String> gpuWhitelist) {
        this.gpuWhitelist = gpuWhitelist;
    }

    @DynamoDbAttribute("max_instances")
    public Integer getMaxInstances() {
        return maxInstances;
    }

    public void setMaxInstances(Integer maxInstances) {
        this.maxInstances = maxInstances;
    }

    @DynamoDbAttribute("daily_budget_micros")
    public Long getDailyBudgetMicros() {
        return dailyBudgetMicros;
    }

    public void setDailyBudgetMicros(Long dailyBudgetMicros) {
        this.dailyBudgetMicros = dailyBudgetMicros;
    }

    @DynamoDbAttribute("max_dph_micros")
    public Long getMaxDphMicros() {
        return maxDphMicros;
    }

    public void setMaxDphMicros(Long maxDphMicros) {
        this.maxDphMicros = maxDphMicros;
    }

    @DynamoDbAttribute("min_reliability")
    public BigDecimal getMinReliability() {
        return minReliability;
    }

    public void setMinReliability(BigDecimal minReliability) {
        this.minReliability = minReliability;
    }

    @DynamoDbAttribute("vast_secret_id")
    public String getVastSecretId() {
        return vastSecretId;
    }

    public void setVastSecretId(String vastSecretId) {
        this.vastSecretId = vastSecretId;
    }

    @DynamoDbAttribute("on_budget_exceeded")
    public String getOnBudgetExceeded() {
        return onBudgetExceeded;
    }

    public void setOnBudgetExceeded(String onBudgetExceeded) {
        this.onBudgetExceeded = onBudgetExceeded;
    }

    @DynamoDbAttribute("monthly_budget_micros")
    public Long getMonthlyBudgetMicros() {
        return monthlyBudgetMicros;
    }

    public void setMonthlyBudgetMicros(Long monthlyBudgetMicros) {
        this.monthlyBudgetMicros = monthlyBudgetMicros;
    }

    @DynamoDbAttribute("alert_thresholds")
    public List<BigDecimal> getAlertThresholds() {
        return alertThresholds;
    }

    public void setAlertThresholds(List<BigDecimal> alertThresholds) {
        this.alertThresholds = alertThresholds;
    }

    @DynamoDbAttribute("destroy_stopped_after_hours")
    public BigDecimal getDestroyStoppedAfterHours() {
        return destroyStoppedAfterHours;
    }

    public void setDestroyStoppedAfterHours(BigDecimal destroyStoppedAfterHours) {
        this.destroyStoppedAfterHours = destroyStoppedAfterHours;
    }

    @DynamoDbAttribute("max_loading_minutes")
    public Integer getMaxLoadingMinutes() {
        return maxLoadingMinutes;
    }

    public void setMaxLoadingMinutes(Integer maxLoadingMinutes) {
        this.maxLoadingMinutes = maxLoadingMinutes;
    }

    @DynamoDbAttribute(TeamTable.VERSION)
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    @DynamoDbAttribute("state")
    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    @DynamoDbAttribute("suspended_until")
    public Long getSuspendedUntil() {
        return suspendedUntil;
    }

    public void setSuspendedUntil(Long suspendedUntil) {
        this.suspendedUntil = suspendedUntil;
    }

    @DynamoDbAttribute("suspended_since")
    public Long getSuspendedSince() {
        return suspendedSince;
    }

    public void setSuspendedSince(Long suspendedSince) {
        this.suspendedSince = suspendedSince;
    }
}
