package dev.vastguard.instance;

import dev.vastguard.instance.Admission.Assessment;
import dev.vastguard.instance.Admission.Burn;
import dev.vastguard.instance.Admission.Period;
import dev.vastguard.instance.Admission.Timing;
import dev.vastguard.money.Money;
import dev.vastguard.platform.Platform;
import dev.vastguard.team.Policy;
import dev.vastguard.team.Team;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a team holds and has spent at one moment: the facts an admission decision is based on.
 *
 * <p>The team (with its version) is read first, then the day's spend, the reservations and the instances, so that a
 * write that lands between the reads either makes the conditional reservation fail or is counted, never missed.
 *
 * @param team the team as read, with the version the decision is based on
 * @param now when it was read (whole seconds)
 * @param daySpend the spend accrued on the current UTC day
 * @param monthSpend the spend accrued in the current UTC month, read only when the policy has a monthly budget
 * @param instances the team's instances that are not destroyed
 * @param reservations the team's open reservations
 */
record Usage(
        Team team,
        Instant now,
        Money daySpend,
        Optional<Money> monthSpend,
        List<Instance> instances,
        List<Reservation> reservations) {

    /** The tag prefix of reservations that hold budget for starting an existing instance. */
    static final String START_TAG_PREFIX = "start:";

    Usage {
        instances = List.copyOf(instances);
        reservations = List.copyOf(reservations);
    }

    static Usage read(Platform platform, Team team, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Money daySpend = platform.ledger().daySpend(team.id(), today);
        Optional<Money> monthSpend = team.policy()
                .monthlyBudget()
                .map(budget -> platform.ledger().monthSpend(team.id(), YearMonth.from(today)));
        // Reservations before instances: a rental confirmed between the two reads then shows up in both (and is
        // counted once, below) rather than in neither. Confirming does not bump the team's version, so reading the
        // other way round could miss a rental without the conditional reservation noticing.
        List<Reservation> reservations = platform.instances().reservations(team.id());
        List<Instance> instances = platform.instances().list(team.id());
        List<Instance> holding = instances.stream().filter(Instance::holdsSlot).toList();
        Set<String> confirmed = instances.stream().map(Instance::tag).collect(Collectors.toSet());
        List<Reservation> open = reservations.stream()
                .filter(reservation -> !confirmed.contains(reservation.tag()))
                .toList();
        return new Usage(team, now, daySpend, monthSpend, holding, open);
    }

    static String startTag(long instanceId) {
        return START_TAG_PREFIX + instanceId;
    }

    /**
     * The rate an instance is assumed to burn at until the horizon. A provisioning instance counts at its full
     * rate: it is about to run, and counting only its storage would let the next request spend the same money.
     *
     * @param instance the instance
     * @return dollars per hour
     */
    static Money admissionRate(Instance instance) {
        return switch (instance.status()) {
            case RUNNING, PROVISIONING -> instance.dphTotal();
            case STOPPED -> instance.storageDph();
            case UNKNOWN, DESTROYED -> Money.ZERO;
        };
    }

    LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    Optional<Instance> instance(long id) {
        return instances.stream().filter(instance -> instance.id() == id).findFirst();
    }

    /**
     * Instance slots in use: instances that are not destroyed plus reservations for new instances (a start
     * reservation belongs to an instance that already holds its slot).
     *
     * @return the count
     */
    int slotsTaken() {
        return instances.size() + newInstanceReservations().size();
    }

    /**
     * The team's cost per hour now: each instance at its current rate, each pending rental at its full rate.
     *
     * @return dollars per hour
     */
    Money burnRate() {
        Money rate = instances.stream().map(Instance::currentRate).reduce(Money.ZERO, Money::plus);
        return newInstanceReservations().stream().map(Reservation::dphTotal).reduce(rate, Money::plus);
    }

    /**
     * What burns unaccrued: every instance from where it is accrued up to, and every reservation from when it was
     * made.
     *
     * @return the burns
     */
    List<Burn> burns() {
        return burnsExcept(OptionalLong.empty());
    }

    /**
     * What burns unaccrued, leaving out one instance (the one being started, which the caller counts itself).
     *
     * @param instanceId the instance to leave out
     * @return the burns
     */
    List<Burn> burnsExcept(long instanceId) {
        return burnsExcept(OptionalLong.of(instanceId));
    }

    private List<Burn> burnsExcept(OptionalLong left) {
        List<Burn> burns = new ArrayList<>();
        for (Instance instance : instances) {
            if (left.isEmpty() || instance.id() != left.getAsLong()) {
                burns.add(Burn.untilHorizon(admissionRate(instance), instance.accruedUntil()));
            }
        }
        for (Reservation reservation : reservations) {
            burns.add(Burn.untilHorizon(reservation.dphTotal(), reservation.createdAt()));
        }
        return burns;
    }

    /**
     * Assesses a request against the daily budget and, if the policy has one, the monthly budget.
     *
     * @param burns what burns unaccrued
     * @param requestRate the rate the request adds from now
     * @param sweepInterval the time between scheduled sweeps
     * @return the daily assessment, then the monthly one
     */
    List<Assessment> assess(List<Burn> burns, Money requestRate, Duration sweepInterval) {
        Policy policy = team.policy();
        Timing timing = new Timing(now, sweepInterval);
        List<Assessment> assessments = new ArrayList<>();
        assessments.add(
                Admission.assess(Period.day(today(), policy.dailyBudget(), daySpend), burns, requestRate, timing));
        policy.monthlyBudget()
                .ifPresent(budget -> assessments.add(Admission.assess(
                        Period.month(YearMonth.from(today()), budget, monthSpend.orElse(Money.ZERO)),
                        burns,
                        requestRate,
                        timing)));
        return assessments;
    }

    private List<Reservation> newInstanceReservations() {
        return reservations.stream()
                .filter(reservation -> !reservation.tag().startsWith(START_TAG_PREFIX))
                .toList();
    }
}
