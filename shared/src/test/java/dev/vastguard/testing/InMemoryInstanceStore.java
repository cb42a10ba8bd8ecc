package dev.vastguard.testing;

import dev.vastguard.instance.Accrual;
import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceRepository;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.instance.Reservation;
import dev.vastguard.ledger.BudgetPeriod;
import dev.vastguard.ledger.ChargeCheck;
import dev.vastguard.ledger.Ledger;
import dev.vastguard.ledger.LedgerLine;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Instances, reservations and the ledger in memory, with the same atomicity rules as the DynamoDB store: one lock
 * plays the part of a transaction.
 */
public final class InMemoryInstanceStore implements InstanceRepository, Ledger {

    private final InMemoryTeamRepository teams;
    private final Map<TeamId, Map<Long, Instance>> instances = new HashMap<>();
    private final Map<TeamId, Map<String, Reservation>> reservations = new HashMap<>();
    private final Map<String, LedgerLine> lines = new HashMap<>();
    private final Map<String, Instant> failures = new HashMap<>();
    private final java.util.Set<String> alerts = new java.util.HashSet<>();
    private final Map<String, ChargeCheck> chargeChecks = new HashMap<>();

    /**
     * Creates an empty store whose admissions bump versions in a team repository.
     *
     * @param teams the teams
     */
    public InMemoryInstanceStore(InMemoryTeamRepository teams) {
        this.teams = teams;
    }

    @Override
    public synchronized Optional<Instance> find(TeamId team, long id) {
        return Optional.ofNullable(instancesOf(team).get(id));
    }

    @Override
    public synchronized List<Instance> list(TeamId team) {
        return instancesOf(team).values().stream()
                .sorted(Comparator.comparingLong(Instance::id))
                .toList();
    }

    @Override
    public synchronized List<Reservation> reservations(TeamId team) {
        return List.copyOf(reservationsOf(team).values());
    }

    @Override
    public synchronized boolean reserve(Reservation reservation, long expectedTeamVersion, Money expectedDaySpend) {
        LocalDate day = LocalDate.ofInstant(reservation.createdAt(), ZoneOffset.UTC);
        if (!daySpend(reservation.team(), day).equals(expectedDaySpend)
                || reservationsOf(reservation.team()).containsKey(reservation.tag())
                || !teams.bumpVersion(reservation.team(), expectedTeamVersion)) {
            return false;
        }
        reservationsOf(reservation.team()).put(reservation.tag(), reservation);
        return true;
    }

    @Override
    public synchronized void confirm(Reservation reservation, Instance instance) {
        reservationsOf(reservation.team()).remove(reservation.tag());
        instancesOf(instance.team()).put(instance.id(), instance);
    }

    @Override
    public synchronized void release(Reservation reservation) {
        reservationsOf(reservation.team()).remove(reservation.tag());
    }

    @Override
    public synchronized boolean adopt(Instance instance) {
        if (instancesOf(instance.team()).containsKey(instance.id())) {
            return false;
        }
        instancesOf(instance.team()).put(instance.id(), instance);
        teams.find(instance.team()).ifPresent(team -> teams.bumpVersion(team.id(), team.version()));
        return true;
    }

    @Override
    public synchronized Instant failingSince(TeamId team, long instanceId, Instant seenAt) {
        return failures.computeIfAbsent(team + "#" + instanceId, k -> seenAt);
    }

    @Override
    public synchronized Optional<Instance> applyAccrual(Accrual accrual) {
        Instance current = instancesOf(accrual.team()).get(accrual.instanceId());
        if (current == null || !current.accruedUntil().equals(accrual.from())) {
            return Optional.empty();
        }
        boolean alreadyChanged = accrual.newStatus()
                .filter(status -> current.status() == status || current.status() == InstanceStatus.DESTROYED)
                .isPresent();
        if (alreadyChanged) {
            return Optional.empty();
        }
        Money added = Money.ZERO;
        for (Accrual.DayCost day : accrual.days()) {
            added = added.plus(day.cost());
            String key = accrual.team() + "#" + day.day() + "#" + accrual.instanceId();
            LedgerLine line = lines.get(key);
            lines.put(
                    key,
                    new LedgerLine(
                            accrual.team(),
                            day.day(),
                            accrual.instanceId(),
                            accrual.gpuName(),
                            accrual.numGpus(),
                            (line == null ? 0 : line.gpuSeconds()) + day.gpuSeconds(),
                            (line == null ? 0 : line.storageSeconds()) + day.storageSeconds(),
                            (line == null ? Money.ZERO : line.cost()).plus(day.cost()),
                            Optional.of(accrual.to())));
        }
        InstanceStatus status = accrual.newStatus().orElse(current.status());
        Instance updated = new Instance(
                current.team(),
                current.id(),
                current.gpuName(),
                current.numGpus(),
                current.dphTotal(),
                current.storageDph(),
                status,
                current.label(),
                current.tag(),
                current.createdAt(),
                current.accruedCost().plus(added),
                accrual.to(),
                current.adopted(),
                status == InstanceStatus.DESTROYED && current.destroyedAt().isEmpty()
                        ? Optional.of(accrual.to())
                        : current.destroyedAt());
        instancesOf(accrual.team()).put(updated.id(), updated);
        return Optional.of(updated);
    }

    @Override
    public synchronized Money daySpend(TeamId team, LocalDate day) {
        return lines.values().stream()
                .filter(line -> line.team().equals(team) && line.day().equals(day))
                .map(LedgerLine::cost)
                .reduce(Money.ZERO, Money::plus);
    }

    @Override
    public synchronized Money monthSpend(TeamId team, YearMonth month) {
        return lines(team, month).stream().map(LedgerLine::cost).reduce(Money.ZERO, Money::plus);
    }

    @Override
    public synchronized List<LedgerLine> lines(TeamId team, YearMonth month) {
        List<LedgerLine> result = new ArrayList<>();
        for (LedgerLine line : lines.values()) {
            if (line.team().equals(team) && YearMonth.from(line.day()).equals(month)) {
                result.add(line);
            }
        }
        result.sort(Comparator.comparing(LedgerLine::day).thenComparingLong(LedgerLine::instanceId));
        return result;
    }

    @Override
    public synchronized boolean claimAlert(TeamId team, BudgetPeriod period, java.math.BigDecimal threshold) {
        return alerts.add(
                team + "#" + period + "#" + threshold.stripTrailingZeros().toPlainString());
    }

    @Override
    public synchronized void putChargeCheck(ChargeCheck check) {
        chargeChecks.put(check.team() + "#" + check.day(), check);
    }

    @Override
    public synchronized List<ChargeCheck> chargeChecks(TeamId team, YearMonth month) {
        return chargeChecks.values().stream()
                .filter(check ->
                        check.team().equals(team) && YearMonth.from(check.day()).equals(month))
                .sorted(Comparator.comparing(ChargeCheck::day))
                .toList();
    }

    @Override
    public synchronized boolean claimChargeAlert(TeamId team, LocalDate day) {
        return alerts.add(team + "#charges#" + day);
    }

    private Map<Long, Instance> instancesOf(TeamId team) {
        return instances.computeIfAbsent(team, t -> new HashMap<>());
    }

    private Map<String, Reservation> reservationsOf(TeamId team) {
        return reservations.computeIfAbsent(team, t -> new HashMap<>());
    }
}
