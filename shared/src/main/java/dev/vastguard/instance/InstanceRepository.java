package dev.vastguard.instance;

import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores a team's instances and reservations, and applies admissions and accruals atomically.
 *
 * <p>Admission control works by optimistic locking on the team: a reservation is written only if the team's
 * version and the day's spend are still what the caller read, and it bumps the version. Concurrent provisions
 * for one team are therefore serialised, and each one sees the reservations of those before it.
 */
public interface InstanceRepository {

    /**
     * Finds one of a team's instances, destroyed ones included.
     *
     * @param team the team
     * @param id the Vast.ai instance id
     * @return the instance, or empty if the team has no such instance
     */
    Optional<Instance> find(TeamId team, long id);

    /**
     * Lists a team's instances, destroyed ones included, ordered by id.
     *
     * @param team the team
     * @return the instances
     */
    List<Instance> list(TeamId team);

    /**
     * Lists a team's open reservations (admitted rentals not yet confirmed or released).
     *
     * @param team the team
     * @return the reservations
     */
    List<Reservation> reservations(TeamId team);

    /**
     * Writes a reservation if nothing that admission depends on changed since the caller read it.
     *
     * @param reservation the reservation
     * @param expectedTeamVersion the team version the decision was based on; it is incremented
     * @param expectedDaySpend the team's spend for the reservation's UTC day that the decision was based on
     * @return true if written; false if the team or its spend changed meanwhile (read again and decide again)
     */
    boolean reserve(Reservation reservation, long expectedTeamVersion, Money expectedDaySpend);

    /**
     * Turns a reservation into an instance record in one step.
     *
     * @param reservation the reservation
     * @param instance the rented instance, status {@link InstanceStatus#PROVISIONING} or later
     */
    void confirm(Reservation reservation, Instance instance);

    /**
     * Drops a reservation whose rental failed or never happened.
     *
     * @param reservation the reservation
     */
    void release(Reservation reservation);

    /**
     * Records an instance vastguard did not create (adoption), unless a record already exists.
     *
     * @param instance the instance; {@code adopted} is true
     * @return true if this call created the record
     */
    boolean adopt(Instance instance);

    /**
     * Adds cost to an instance, its ledger lines and the team's day totals, and applies a state change, all in one
     * transaction that succeeds only while the instance is accrued up to {@code accrual.from()}.
     *
     * @param accrual the accrual
     * @return the instance after the accrual, or empty if it was already accrued past {@code from} (lost race)
     */
    Optional<Instance> applyAccrual(Accrual accrual);

    /**
     * Notes that Vast.ai reports an instance failed (it should run but has exited) and says since when: the first
     * time this was noted, which a later call never moves. The note expires on its own some weeks later.
     *
     * @param team the team
     * @param instanceId the instance
     * @param seenAt when the failure was seen now
     * @return when it was first seen
     */
    Instant failingSince(TeamId team, long instanceId, Instant seenAt);
}
