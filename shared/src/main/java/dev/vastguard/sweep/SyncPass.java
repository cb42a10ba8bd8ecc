package dev.vastguard.sweep;

import dev.vastguard.instance.Instance;
import dev.vastguard.instance.Reservation;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The working state of one team's reconciliation: the records as last written, and what was done to them. */
final class SyncPass {

    private final TeamId team;
    private final Instant at;
    private final Map<Long, Instance> records = new TreeMap<>();
    private final Map<String, Reservation> reservations = new HashMap<>();
    private final Set<Long> listed = new TreeSet<>();
    private final Set<Long> failed = new TreeSet<>();
    private final List<Long> adopted = new ArrayList<>();
    private final List<Long> confirmed = new ArrayList<>();
    private final List<Long> closedOut = new ArrayList<>();
    private final List<String> released = new ArrayList<>();
    private Money accrued = Money.ZERO;

    SyncPass(TeamId team, Instant at, List<Instance> records, List<Reservation> reservations) {
        this.team = team;
        this.at = at;
        records.forEach(this::put);
        reservations.forEach(r -> this.reservations.put(r.tag(), r));
    }

    TeamId team() {
        return team;
    }

    Instant at() {
        return at;
    }

    Optional<Instance> record(long id) {
        return Optional.ofNullable(records.get(id));
    }

    List<Instance> records() {
        return List.copyOf(records.values());
    }

    Optional<Reservation> reservationTagged(Optional<String> label) {
        return label.map(reservations::get);
    }

    Collection<Reservation> openReservations() {
        return List.copyOf(reservations.values());
    }

    Set<Long> listedIds() {
        return listed;
    }

    void listed(long id) {
        listed.add(id);
    }

    void failed(long id) {
        failed.add(id);
    }

    void put(Instance instance) {
        records.put(instance.id(), instance);
    }

    void accrued(Accruer.Result result) {
        put(result.instance());
        accrued = accrued.plus(result.added());
    }

    void adopted(Instance instance) {
        put(instance);
        adopted.add(instance.id());
    }

    void confirmed(Reservation reservation, Instance instance) {
        reservations.remove(reservation.tag());
        put(instance);
        confirmed.add(instance.id());
    }

    void closedOut(long id) {
        closedOut.add(id);
    }

    void released(Reservation reservation) {
        reservations.remove(reservation.tag());
        released.add(reservation.tag());
    }

    Reconciliation result() {
        return new Reconciliation(
                team,
                at,
                listed,
                failed,
                accrued,
                adopted,
                confirmed,
                closedOut,
                released,
                List.copyOf(records.values()));
    }
}
