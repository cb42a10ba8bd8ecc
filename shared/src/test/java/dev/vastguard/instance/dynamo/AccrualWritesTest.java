package dev.vastguard.instance.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vastguard.config.Config;
import dev.vastguard.instance.Accrual;
import dev.vastguard.instance.Accrual.DayCost;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

class AccrualWritesTest {

    private static final Config.Tables TABLES = Config.Tables.withPrefix("unit-");
    private static final TeamId TEAM = TeamId.of("red");
    private static final LocalDate DAY = LocalDate.parse("2026-11-20");
    private static final Instant FROM = Instant.parse("2026-11-20T00:00:00Z");

    private final AccrualWrites writes = new AccrualWrites(TABLES);

    @Test
    void of_thirtyDaysAcrossTwoMonths_staysWellUnderTheTransactionLimit() {
        Accrual accrual = accrual(days(30), Optional.empty());

        List<TransactWriteItem> items = writes.of(accrual);

        assertThat(items).hasSize(1 + 2 * 30 + 2).hasSizeLessThanOrEqualTo(100);
        assertThat(items.get(0).update().tableName()).isEqualTo(TABLES.instances());
        assertThat(items.get(0).update().conditionExpression()).isEqualTo("#until = :from");
    }

    @Test
    void of_moreThanThirtyDays_isRejected() {
        Accrual accrual = accrual(days(31), Optional.empty());

        assertThatThrownBy(() -> writes.of(accrual)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_zeroDaysAndRepeatedDays_skipsAndMergesThem() {
        List<DayCost> days = List.of(
                new DayCost(DAY, 0, 0, Money.ZERO),
                new DayCost(DAY.plusDays(1), 100, 0, Money.ofMicros(10)),
                new DayCost(DAY.plusDays(1), 0, 50, Money.ofMicros(1)));

        List<TransactWriteItem> items = writes.of(accrual(days, Optional.empty()));

        assertThat(items).hasSize(1 + 2 + 1);
        assertThat(items.get(0)
                        .update()
                        .expressionAttributeValues()
                        .get(":total")
                        .n())
                .isEqualTo("11");
        assertThat(items.get(1)
                        .update()
                        .expressionAttributeValues()
                        .get(":gpuSeconds")
                        .n())
                .isEqualTo("100");
        assertThat(items.get(1)
                        .update()
                        .expressionAttributeValues()
                        .get(":storageSeconds")
                        .n())
                .isEqualTo("50");
    }

    @Test
    void of_destroyed_setsStatusDestroyedAtAndExpiry() {
        Accrual accrual = accrual(List.of(), Optional.of(InstanceStatus.DESTROYED));

        TransactWriteItem instanceUpdate = writes.of(accrual).get(0);

        assertThat(instanceUpdate.update().updateExpression()).contains("#status = :status", "#destroyed = :to");
        assertThat(instanceUpdate
                        .update()
                        .expressionAttributeValues()
                        .get(":expires")
                        .n())
                .isEqualTo(Long.toString(FROM.plus(Duration.ofDays(400)).getEpochSecond()));
    }

    private static List<DayCost> days(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new DayCost(DAY.plusDays(i), 86_400, 0, Money.ofDollars("9.6")))
                .toList();
    }

    private static Accrual accrual(List<DayCost> days, Optional<InstanceStatus> status) {
        Instant to = days.isEmpty() ? FROM : FROM.plus(Duration.ofDays(days.size()));
        return new Accrual(TEAM, 7, "RTX 4090", 1, FROM, to, days, status);
    }
}
