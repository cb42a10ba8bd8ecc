package dev.vastguard.instance.dynamo;

import dev.vastguard.instance.Reservation;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchemaParams;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** A reservation as stored in the instances table under {@code r#<tag>}; never leaves this package. */
@DynamoDbBean
final class ReservationItem {

    static final TableSchema<ReservationItem> SCHEMA =
            TableSchema.fromBean(BeanTableSchemaParams.builder(ReservationItem.class)
                    .lookup(MethodHandles.lookup())
                    .build());

    private String team;
    private String sk;
    private String tag;
    private String gpuName;
    private Integer numGpus;
    private Long dphTotalMicros;
    private Long storageDphMicros;
    private String label;
    private Long createdAt;

    /** Creates an empty item; the Enhanced Client fills it in. */
    public ReservationItem() {}

    static ReservationItem of(Reservation reservation) {
        ReservationItem item = new ReservationItem();
        item.team = reservation.team().value();
        item.sk = InstanceKeys.reservation(reservation.tag());
        item.tag = reservation.tag();
        item.gpuName = reservation.gpuName();
        item.numGpus = reservation.numGpus();
        item.dphTotalMicros = reservation.dphTotal().micros();
        item.storageDphMicros = reservation.storageDph().micros();
        item.label = reservation.label().orElse(null);
        item.createdAt = reservation.createdAt().getEpochSecond();
        return item;
    }

    Reservation toReservation() {
        return new Reservation(
                TeamId.of(team),
                tag,
                gpuName,
                numGpus,
                Money.ofMicros(dphTotalMicros),
                Money.ofMicros(storageDphMicros),
                Optional.ofNullable(label),
                Instant.ofEpochSecond(createdAt));
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

    @DynamoDbAttribute("tag")
    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
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

    @DynamoDbAttribute("label")
    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    @DynamoDbAttribute("created_at")
    public Long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Long createdAt) {
        this.createdAt = createdAt;
    }
}
