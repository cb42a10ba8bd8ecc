package dev.vastguard.ledger.dynamo;

import dev.vastguard.ledger.LedgerLine;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchemaParams;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A ledger item as read back: a line, a day total or a month total (totals carry only the cost). Written by
 * atomic {@code ADD} updates in the instance repository, read here through the Enhanced Client.
 */
@DynamoDbBean
final class LedgerItem {

    static final TableSchema<LedgerItem> SCHEMA = TableSchema.fromBean(BeanTableSchemaParams.builder(LedgerItem.class)
            .lookup(MethodHandles.lookup())
            .build());

    private String team;
    private String sk;
    private Long costMicros;
    private Long gpuSeconds;
    private Long storageSeconds;
    private String gpuName;
    private Integer numGpus;
    private String day;
    private Long instanceId;
    private Long accruedTo;

    /** Creates an empty item; the Enhanced Client fills it in. */
    public LedgerItem() {}

    Money cost() {
        return Money.ofMicros(costMicros == null ? 0 : costMicros);
    }

    LedgerLine toLine() {
        return new LedgerLine(
                TeamId.of(team),
                LocalDate.parse(day),
                instanceId,
                gpuName,
                numGpus == null ? 0 : numGpus,
                gpuSeconds == null ? 0 : gpuSeconds,
                storageSeconds == null ? 0 : storageSeconds,
                cost(),
                Optional.ofNullable(accruedTo).map(Instant::ofEpochSecond));
    }

    @DynamoDbPartitionKey
    @DynamoDbAttribute(LedgerKeys.PK)
    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    @DynamoDbSortKey
    @DynamoDbAttribute(LedgerKeys.SK)
    public String getSk() {
        return sk;
    }

    public void setSk(String sk) {
        this.sk = sk;
    }

    @DynamoDbAttribute(LedgerKeys.COST)
    public Long getCostMicros() {
        return costMicros;
    }

    public void setCostMicros(Long costMicros) {
        this.costMicros = costMicros;
    }

    @DynamoDbAttribute(LedgerKeys.GPU_SECONDS)
    public Long getGpuSeconds() {
        return gpuSeconds;
    }

    public void setGpuSeconds(Long gpuSeconds) {
        this.gpuSeconds = gpuSeconds;
    }

    @DynamoDbAttribute(LedgerKeys.STORAGE_SECONDS)
    public Long getStorageSeconds() {
        return storageSeconds;
    }

    public void setStorageSeconds(Long storageSeconds) {
        this.storageSeconds = storageSeconds;
    }

    @DynamoDbAttribute(LedgerKeys.GPU_NAME)
    public String getGpuName() {
        return gpuName;
    }

    public void setGpuName(String gpuName) {
        this.gpuName = gpuName;
    }

    @DynamoDbAttribute(LedgerKeys.NUM_GPUS)
    public Integer getNumGpus() {
        return numGpus;
    }

    public void setNumGpus(Integer numGpus) {
        this.numGpus = numGpus;
    }

    @DynamoDbAttribute(LedgerKeys.DAY)
    public String getDay() {
        return day;
    }

    public void setDay(String day) {
        this.day = day;
    }

    @DynamoDbAttribute(LedgerKeys.INSTANCE_ID)
    public Long getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(Long instanceId) {
        this.instanceId = instanceId;
    }

    @DynamoDbAttribute(LedgerKeys.ACCRUED_TO)
    public Long getAccruedTo() {
        return accruedTo;
    }

    public void setAccruedTo(Long accruedTo) {
        this.accruedTo = accruedTo;
    }
}
