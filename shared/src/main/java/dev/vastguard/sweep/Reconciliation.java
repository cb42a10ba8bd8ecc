package dev.vastguard.sweep;

import dev.vastguard.instance.Instance;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What reconciling one team with its Vast.ai listing did, and the team's instances afterwards.
 *
 * @param team the team
 * @param at the instant the team was accrued up to (whole seconds)
 * @param listed the ids of the instances Vast.ai listed on the team's account
 * @param failed the listed instances Vast.ai means to run but reports {@code exited}: a host or container failure
 * @param accrued the cost this reconciliation added
 * @param adopted instances found without a vastguard tag and recorded as the team's
 * @param confirmed reservations whose lost create was found and turned into instances, by instance id
 * @param closedOut instances that had vanished from the account and were closed out
 * @param released tags of reservations released because no instance ever appeared for them
 * @param instances the team's instances as stored afterwards, destroyed ones included, ordered by id
 */
public record Reconciliation(
        TeamId team,
        Instant at,
        Set<Long> listed,
        Set<Long> failed,
        Money accrued,
        List<Long> adopted,
        List<Long> confirmed,
        List<Long> closedOut,
        List<String> released,
        List<Instance> instances) {

    /** Copies the collections. */
    public Reconciliation {
        listed = Set.copyOf(listed);
        failed = Set.copyOf(failed);
        adopted = List.copyOf(adopted);
        confirmed = List.copyOf(confirmed);
        closedOut = List.copyOf(closedOut);
        released = List.copyOf(released);
        instances = List.copyOf(instances);
    }
}
