package dev.vastguard.instance.dynamo;

import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchemaParams;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** An instance as stored in the instances table under {@code i#<20-digit id>}; never leaves this package. */
@DynamoDbBean
final class InstanceItem {

    /** How long a destroyed instance's record is kept before DynamoDB's TTL removes it. */
    static final Duration RETENTION = Duration.ofDays(400);

    static final TableSchema<InstanceItem> SCHEMA =
            TableSchema.fromBean(BeanTableSchemaParams.builder(InstanceItem.class)
                    .lookup(MethodHandles.lookup())
                    .build());

    private String team;
    private String sk;
    private Long instanceId;
    private String gpuName;
    private Integer numGpus;
    private Long dphTotalMicros;
    private Long storageDphMicros;
    private String status;
    private String label;
    private String tag;
    private Long createdAt;
    private Long accruedMicros;
    private Long accruedUntil;
    private Boolean adopted;
    private Long destroyedAt;
    private Long expiresAt;

    /** Creates an empty item; the Enhanced Client fills it in. */
    public InstanceItem() {}

    static InstanceItem of(Instance instance) {
        InstanceItem item = new InstanceItem();
        item.team = instance.team().value();
        item.sk = InstanceKeys.instance(instance.id());
        item.instanceId = instance.id();
        item.gpuName = instance.gpuName();
        item.numGpus = instance.numGpus();
        item.dphTotalMicros = instance.dphTotal().micros();
        item.storageDphMicros = instance.storageDph().micros();
        item.status = instance.status().wireName();
        item.label = instance.label().orElse(null);
        item.tag = instance.tag();
        item.createdAt = instance.createdAt().getEpochSecond();
        item.accruedMicros = instance.accruedCost().micros();
        item.accruedUntil = instance.accruedUntil().getEpochSecond();
        item.adopted = instance.adopted();
        item.destroyedAt = instance.destroyedAt().map(Instant::getEpochSecond).orElse(null);
        item.expiresAt = instance.destroyedAt().map(InstanceItem::expiry).orElse(null);
        return item;
    }

    static long expiry(Instant destroyedAt) {
        return destroyedAt.plus(RETENTION).getEpochSecond();
    }

    Instance toInstance() {
        return new Instance(
                TeamId.of(team),
                instanceId,
                gpuName,
                numGpus,
                Money.ofMicros(dphTotalMicros),
                Money.ofMicros(storageDphMicros),
                InstanceStatus.valueOf(status.toUpperCase(Locale.ROOT)),
                Optional.ofNullable(label),
                tag,
                Instant.ofEpochSecond(createdAt),
                Money.ofMicros(accruedMicros == null ? 0 : accruedMicros),
                Instant.ofEpochSecond(accruedUntil),
                Boolean.TRUE.equals(adopted),
                Optional.ofNullable(destroyedAt).map(Instant::ofEpochSecond));
    }

    @DynamoDbPartitionKey
    @DynamoDbAttribute(InstanceKeys.PK)
    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    @DynamoDbSortKey
    @DynamoDbAttribute(InstanceKeys.SK)
    public String getSk() {
        return sk;
    }

    public void setSk(String sk) {
        this.sk = sk;
    }

    @DynamoDbAttribute("instance_id")
    public Long getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(Long instanceId) {
        this.instanceId = instanceId;
    }

    @DynamoDbAttribute("gpu_name")
    public String getGpuName() {
        return gpuName;
    }

    public void setGpuName(String gpuName) {
        this.gpuName = gpuName;
    }

    @DynamoDbAttribute("num_gpus")
    public Integer getNumGpus() {
        return numGpus;
    }

    public void setNumGpus(Integer numGpus) {
        this.numGpus = numGpus;
    }

    @DynamoDbAttribute("dph_total_micros")
    public Long getDphTotalMicros() {
        return dphTotalMicros;
    }

    public void setDphTotalMicros(Long dphTotalMicros) {
        this.dphTotalMicros = dphTotalMicros;
    }

    @DynamoDbAttribute("storage_dph_micros")
    public Long getStorageDphMicros() {
        return storageDphMicros;
    }

    public void setStorageDphMicros(Long storageDphMicros) {
        this.storageDphMicros = storageDphMicros;
    }

    @DynamoDbAttribute(InstanceKeys.STATUS)
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    @DynamoDbAttribute("label")
    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    @DynamoDbAttribute("tag")
    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    @DynamoDbAttribute("created_at")
    public Long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Long createdAt) {
        this.createdAt = createdAt;
    }

    @DynamoDbAttribute(InstanceKeys.ACCRUED_MICROS)
    public Long getAccruedMicros() {
        return accruedMicros;
    }

    public void setAccruedMicros(Long accruedMicros) {
        this.accruedMicros = accruedMicros;
    }

    @DynamoDbAttribute(InstanceKeys.ACCRUED_UNTIL)
    public Long getAccruedUntil() {
        return accruedUntil;
    }

    public void setAccruedUntil(Long accruedUntil) {
        this.accruedUntil = accruedUntil;
    }

    @DynamoDbAttribute("adopted")
    public Boolean getAdopted() {
        return adopted;
    }

    public void setAdopted(Boolean adopted) {
        this.adopted = adopted;
    }

    @DynamoDbAttribute(InstanceKeys.DESTROYED_AT)
    public Long getDestroyedAt() {
        return destroyedAt;
    }

    public void setDestroyedAt(Long destroyedAt) {
        this.destroyedAt = destroyedAt;
    }

    @DynamoDbAttribute(InstanceKeys.EXPIRES_AT)
    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
