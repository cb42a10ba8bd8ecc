package dev.vastguard.instance.dynamo;

import static dev.vastguard.instance.dynamo.InstanceFixtures.instance;
import static dev.vastguard.instance.dynamo.InstanceFixtures.newTeamId;
import static dev.vastguard.instance.dynamo.InstanceFixtures.policy;
import static dev.vastguard.instance.dynamo.InstanceFixtures.reservation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vastguard.config.Config;
import dev.vastguard.emulator.SerializedWritesDynamoDbClient;
import dev.vastguard.instance.Accrual;
import dev.vastguard.instance.Accrual.DayCost;
import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.instance.Reservation;
import dev.vastguard.ledger.LedgerLine;
import dev.vastguard.ledger.dynamo.DynamoDbLedger;
import dev.vastguard.money.Money;
import dev.vastguard.platform.AwsClients;
import dev.vastguard.platform.AwsFixture;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.dynamo.DynamoDbTeamRepository;
import dev.vastguard.testing.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(MotoServer.class)
class DynamoDbInstanceRepositoryIT {

    private static final Instant NOON = Instant.parse("2026-11-10T12:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-10");

    private static AwsClients clients;
    private static Config.Tables tables;
    private static DynamoDbTeamRepository teams;
    private static DynamoDbInstanceRepository repository;
    private static DynamoDbLedger ledger;

    @BeforeAll
    static void createTables() {
        clients = AwsFixture.clients();
        tables = AwsFixture.freshTables();
        DynamoDbClient dynamo = new SerializedWritesDynamoDbClient(clients.dynamoDb());
        DynamoDbEnhancedClient enhanced =
                DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        teams = new DynamoDbTeamRepository(enhanced, dynamo, tables.teams());
        repository = new DynamoDbInstanceRepository(enhanced, dynamo, tables);
        ledger = new DynamoDbLedger(enhanced, dynamo, tables.ledger());
    }

    @Test
    void reserve_currentVersionAndSpend_writesReservationAndBumpsVersion() {
        TeamId team = newTeam();
        Reservation reservation = reservation(team, NOON);

        boolean reserved = repository.reserve(reservation, 0, Money.ZERO);

        assertThat(reserved).isTrue();
        assertThat(repository.reservations(team)).containsExactly(reservation);
        assertThat(version(team)).isEqualTo(1);
    }

    @Test
    void reserve_staleVersion_returnsFalseAndWritesNothing() {
        TeamId team = newTeam();
        Reservation first = reservation(team, NOON);
        repository.reserve(first, 0, Money.ZERO);

        boolean reserved = repository.reserve(reservation(team, NOON), 0, Money.ZERO);

        assertThat(reserved).isFalse();
        assertThat(repository.reservations(team)).containsExactly(first);
        assertThat(version(team)).isEqualTo(1);
    }

    @Test
    void reserve_daySpendChangedSinceRead_returnsFalse() {
        TeamId team = newTeam();
        accrueOneHour(team, 7);
        long version = version(team);
        Money spent = ledger.daySpend(team, DAY);

        boolean staleSpend = repository.reserve(reservation(team, NOON), version, Money.ZERO);
        boolean currentSpend = repository.reserve(reservation(team, NOON), version, spent);

        assertThat(spent).isEqualTo(InstanceFixtures.DPH);
        assertThat(staleSpend).isFalse();
        assertThat(currentSpend).isTrue();
    }

    @Test
    void reserve_expectedSpendButNothingRecorded_returnsFalse() {
        TeamId team = newTeam();

        boolean reserved = repository.reserve(reservation(team, NOON), 0, Money.ofDollars("1"));

        assertThat(reserved).isFalse();
        assertThat(repository.reservations(team)).isEmpty();
    }

    @Test
    void failingSince_seenAgainLater_keepsTheFirstSightingAndStaysOutOfTheInstanceList() {
        TeamId team = newTeam();

        Instant first = repository.failingSince(team, 42, NOON);
        Instant again = repository.failingSince(team, 42, NOON.plusSeconds(3600));
        Instant other = repository.failingSince(team, 43, NOON.plusSeconds(7200));

        assertThat(first).isEqualTo(NOON);
        assertThat(again).isEqualTo(NOON);
        assertThat(other).isEqualTo(NOON.plusSeconds(7200));
        assertThat(repository.list(team)).isEmpty();
        assertThat(repository.reservations(team)).isEmpty();
    }

    @Test
    void reserve_sixteenConcurrentAdmissionsWithLimitFour_admitsExactlyFour() throws Exception {
        TeamId team = newTeam();
        int limit = 4;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();

        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return admitWhileBelowLimit(team, limit);
            }));
        }
        start.countDown();
        List<Boolean> admitted = new ArrayList<>();
        for (Future<Boolean> result : results) {
            admitted.add(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(admitted.stream().filter(Boolean::booleanValue)).hasSize(limit);
        assertThat(repository.reservations(team)).hasSize(limit);
        assertThat(version(team)).isEqualTo(limit);
    }

    @Test
    void confirm_reservation_replacesItWithTheInstance() {
        TeamId team = newTeam();
        Reservation reservation = reservation(team, NOON);
        repository.reserve(reservation, 0, Money.ZERO);
        Instance instance = instance(team, 4242, NOON);

        repository.confirm(reservation, instance);

        assertThat(repository.reservations(team)).isEmpty();
        assertThat(repository.find(team, 4242)).contains(instance);
    }

    @Test
    void release_reservation_removesIt() {
        TeamId team = newTeam();
        Reservation reservation = reservation(team, NOON);
        repository.reserve(reservation, 0, Money.ZERO);

        repository.release(reservation);

        assertThat(repository.reservations(team)).isEmpty();
    }

    @Test
    void adopt_twice_secondReturnsFalseAndVersionIsBumpedOnce() {
        TeamId team = newTeam();
        Instance adopted = adopted(instance(team, 77, NOON));

        boolean first = repository.adopt(adopted);
        boolean second = repository.adopt(adopted);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(repository.find(team, 77)).contains(adopted);
        assertThat(version(team)).isEqualTo(1);
    }

    @Test
    void adopt_unknownTeam_throwsWithoutWriting() {
        TeamId team = newTeamId();
        Instance adopted = adopted(instance(team, 78, NOON));

        assertThatThrownBy(() -> repository.adopt(adopted)).isInstanceOf(IllegalArgumentException.class);

        assertThat(repository.find(team, 78)).isEmpty();
    }

    @Test
    void list_severalInstances_returnsThemOrderedByIdWithoutReservations() {
        TeamId team = newTeam();
        repository.reserve(reservation(team, NOON), 0, Money.ZERO);
        for (long id : new long[] {300, 2, 10}) {
            repository.adopt(adopted(instance(team, id, NOON)));
        }

        List<Long> ids = repository.list(team).stream().map(Instance::id).toList();

        assertThat(ids).containsExactly(2L, 10L, 300L);
    }

    @Test
    void find_otherTeamsInstance_returnsEmpty() {
        TeamId owner = newTeam();
        TeamId other = newTeam();
        repository.adopt(adopted(instance(owner, 91, NOON)));

        Optional<Instance> found = repository.find(other, 91);

        assertThat(found).isEmpty();
    }

    @Test
    void applyAccrual_firstTime_writesInstanceLineDayAndMonth() {
        TeamId team = newTeam();

        Optional<Instance> after = accrueOneHour(team, 500);

        assertThat(after).hasValueSatisfying(instance -> {
            assertThat(instance.accruedCost()).isEqualTo(InstanceFixtures.DPH);
            assertThat(instance.accruedUntil()).isEqualTo(NOON.plusSeconds(3600));
            assertThat(instance.status()).isEqualTo(InstanceStatus.RUNNING);
        });
        assertThat(ledger.lines(team, YearMonth.of(2026, 11)))
                .as("the line records where its latest accrual ended: the reports' watermark")
                .containsExactly(new LedgerLine(
                        team,
                        DAY,
                        500,
                        "RTX 4090",
                        1,
                        3600,
                        0,
                        InstanceFixtures.DPH,
                        Optional.of(NOON.plusSeconds(3600))));
        assertThat(ledger.daySpend(team, DAY)).isEqualTo(InstanceFixtures.DPH);
        assertThat(ledger.monthSpend(team, YearMonth.of(2026, 11))).isEqualTo(InstanceFixtures.DPH);
    }

    @Test
    void applyAccrual_repeated_returnsEmptyAndChangesNothing() {
        TeamId team = newTeam();
        repository.adopt(adopted(instance(team, 501, NOON)));
        Accrual accrual = oneHour(team, 501);
        repository.applyAccrual(accrual);
        Instance before = repository.find(team, 501).orElseThrow();

        Optional<Instance> again = repository.applyAccrual(accrual);

        assertThat(again).isEmpty();
        assertThat(repository.find(team, 501)).contains(before);
        assertThat(ledger.daySpend(team, DAY)).isEqualTo(InstanceFixtures.DPH);
        assertThat(ledger.monthSpend(team, YearMonth.of(2026, 11))).isEqualTo(InstanceFixtures.DPH);
        assertThat(ledger.lines(team, YearMonth.of(2026, 11)))
                .singleElement()
                .satisfies(line -> assertThat(line.gpuSeconds()).isEqualTo(3600));
    }

    @Test
    void applyAccrual_acrossMidnight_writesTwoLinesAndDayTotals() {
        TeamId team = newTeam();
        Instant evening = Instant.parse("2026-11-10T23:00:00Z");
        repository.adopt(adopted(instance(team, 502, evening)));
        Money half = Money.forSeconds(InstanceFixtures.DPH, 3600);
        Accrual accrual = new Accrual(
                team,
                502,
                "RTX 4090",
                1,
                evening,
                evening.plusSeconds(7200),
                List.of(new DayCost(DAY, 3600, 0, half), new DayCost(DAY.plusDays(1), 3600, 0, half)),
                Optional.empty());

        Optional<Instance> after = repository.applyAccrual(accrual);

        assertThat(after.orElseThrow().accruedCost()).isEqualTo(half.times(2));
        assertThat(ledger.lines(team, YearMonth.of(2026, 11)))
                .extracting(LedgerLine::day)
                .containsExactly(DAY, DAY.plusDays(1));
        assertThat(ledger.daySpend(team, DAY)).isEqualTo(half);
        assertThat(ledger.daySpend(team, DAY.plusDays(1))).isEqualTo(half);
        assertThat(ledger.monthSpend(team, YearMonth.of(2026, 11))).isEqualTo(half.times(2));
    }

    @Test
    void applyAccrual_acrossMonthEnd_writesBothMonthTotals() {
        TeamId team = newTeam();
        Instant lastHour = Instant.parse("2026-11-30T23:00:00Z");
        repository.adopt(adopted(instance(team, 503, lastHour)));
        Accrual accrual = new Accrual(
                team,
                503,
                "RTX 4090",
                1,
                lastHour,
                lastHour.plusSeconds(7200),
                List.of(
                        new DayCost(LocalDate.parse("2026-11-30"), 0, 3600, Money.ofMicros(20_000)),
                        new DayCost(LocalDate.parse("2026-12-01"), 0, 3600, Money.ofMicros(20_000))),
                Optional.empty());

        repository.applyAccrual(accrual);

        assertThat(ledger.monthSpend(team, YearMonth.of(2026, 11))).isEqualTo(Money.ofMicros(20_000));
        assertThat(ledger.monthSpend(team, YearMonth.of(2026, 12))).isEqualTo(Money.ofMicros(20_000));
        assertThat(ledger.lines(team, YearMonth.of(2026, 12)))
                .singleElement()
                .satisfies(line -> assertThat(line.storageSeconds()).isEqualTo(3600));
    }

    @Test
    void applyAccrual_sameStatusChangeOfNoTime_isRefusedTheSecondTime() {
        TeamId team = newTeam();
        repository.adopt(adopted(instance(team, 505, NOON)));
        Accrual destroy =
                new Accrual(team, 505, "RTX 4090", 1, NOON, NOON, List.of(), Optional.of(InstanceStatus.DESTROYED));
        Accrual stop =
                new Accrual(team, 505, "RTX 4090", 1, NOON, NOON, List.of(), Optional.of(InstanceStatus.STOPPED));

        Optional<Instance> first = repository.applyAccrual(destroy);
        Optional<Instance> again = repository.applyAccrual(destroy);
        Optional<Instance> stoppedAfterwards = repository.applyAccrual(stop);

        assertThat(first).hasValueSatisfying(i -> assertThat(i.status()).isEqualTo(InstanceStatus.DESTROYED));
        assertThat(again).isEmpty();
        assertThat(stoppedAfterwards).isEmpty();
    }

    @Test
    void applyAccrual_destroyed_recordsDestructionAndExpiry() {
        TeamId team = newTeam();
        repository.adopt(adopted(instance(team, 504, NOON)));
        Instant end = NOON.plusSeconds(600);
        Accrual accrual =
                new Accrual(team, 504, "RTX 4090", 1, NOON, end, List.of(), Optional.of(InstanceStatus.DESTROYED));

        Optional<Instance> after = repository.applyAccrual(accrual);

        assertThat(after).hasValueSatisfying(instance -> {
            assertThat(instance.status()).isEqualTo(InstanceStatus.DESTROYED);
            assertThat(instance.destroyedAt()).contains(end);
            assertThat(instance.accruedCost()).isEqualTo(Money.ZERO);
        });
        assertThat(rawInstance(team, 504).get("expires_at").n())
                .isEqualTo(Long.toString(end.plus(Duration.ofDays(400)).getEpochSecond()));
        assertThat(ledger.lines(team, YearMonth.of(2026, 11))).isEmpty();
    }

    @Test
    void applyAccrual_unknownInstance_returnsEmptyAndWritesNoLedger() {
        TeamId team = newTeam();

        Optional<Instance> after = repository.applyAccrual(oneHour(team, 999));

        assertThat(after).isEmpty();
        assertThat(ledger.daySpend(team, DAY)).isEqualTo(Money.ZERO);
    }

    @Test
    void applyAccrual_moreThanThirtyDays_isRejected() {
        TeamId team = newTeam();
        List<DayCost> days = IntStream.range(0, 31)
                .mapToObj(i -> new DayCost(DAY.plusDays(i), 86_400, 0, Money.ofDollars("1")))
                .toList();
        Accrual accrual =
                new Accrual(team, 1, "RTX 4090", 1, NOON, NOON.plus(Duration.ofDays(31)), days, Optional.empty());

        assertThatThrownBy(() -> repository.applyAccrual(accrual)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean admitWhileBelowLimit(TeamId team, int limit) {
        while (true) {
            long version = teams.find(team).orElseThrow().version();
            Money spent = ledger.daySpend(team, DAY);
            int held =
                    repository.list(team).size() + repository.reservations(team).size();
            if (held >= limit) {
                return false;
            }
            if (repository.reserve(reservation(team, NOON), version, spent)) {
                return true;
            }
        }
    }

    private static TeamId newTeam() {
        TeamId team = newTeamId();
        teams.putPolicy(team, policy());
        return team;
    }

    private static long version(TeamId team) {
        return teams.find(team).orElseThrow().version();
    }

    private static Instance adopted(Instance instance) {
        return new Instance(
                instance.team(),
                instance.id(),
                instance.gpuName(),
                instance.numGpus(),
                instance.dphTotal(),
                instance.storageDph(),
                instance.status(),
                instance.label(),
                instance.tag(),
                instance.createdAt(),
                instance.accruedCost(),
                instance.accruedUntil(),
                true,
                instance.destroyedAt());
    }

    private static Optional<Instance> accrueOneHour(TeamId team, long id) {
        repository.adopt(adopted(instance(team, id, NOON)));
        return repository.applyAccrual(oneHour(team, id));
    }

    private static Accrual oneHour(TeamId team, long id) {
        return new Accrual(
                team,
                id,
                "RTX 4090",
                1,
                NOON,
                NOON.plusSeconds(3600),
                List.of(new DayCost(DAY, 3600, 0, InstanceFixtures.DPH)),
                Optional.empty());
    }

    private static Map<String, AttributeValue> rawInstance(TeamId team, long id) {
        return clients.dynamoDb()
                .getItem(r -> r.tableName(tables.instances()).key(InstanceKeys.key(team, InstanceKeys.instance(id))))
                .item();
    }
}
