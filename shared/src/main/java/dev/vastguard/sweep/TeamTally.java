package dev.vastguard.sweep;

import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the sweep did to one team, collected as it goes so that a failure part-way keeps what was done before it.
 * Used by one thread at a time.
 */
final class TeamTally {

    private final TeamId team;
    private final List<Long> stopped = new ArrayList<>();
    private final List<Long> destroyed = new ArrayList<>();
    private final List<Long> adopted = new ArrayList<>();
    private final List<Long> closedOut = new ArrayList<>();
    private int seen;
    private Money accrued = Money.ZERO;
    private boolean resumed;
    private boolean suspended;
    private Optional<String> failure = Optional.empty();

    TeamTally(TeamId team) {
        this.team = team;
    }

    void add(Reconciliation reconciliation) {
        seen += reconciliation.listed().size();
        accrued = accrued.plus(reconciliation.accrued());
        adopted.addAll(reconciliation.adopted());
        closedOut.addAll(reconciliation.closedOut());
    }

    void resumed() {
        resumed = true;
    }

    void suspended() {
        suspended = true;
    }

    void halted(long instanceId, boolean destroyedIt) {
        (destroyedIt ? destroyed : stopped).add(instanceId);
    }

    void fail(String reason) {
        failure = Optional.of(reason);
    }

    TeamId team() {
        return team;
    }

    int seen() {
        return seen;
    }

    Money accrued() {
        return accrued;
    }

    boolean isResumed() {
        return resumed;
    }

    boolean isSuspended() {
        return suspended;
    }

    List<Long> stopped() {
        return List.copyOf(stopped);
    }

    List<Long> destroyed() {
        return List.copyOf(destroyed);
    }

    List<Long> adopted() {
        return List.copyOf(adopted);
    }

    List<Long> closedOut() {
        return List.copyOf(closedOut);
    }

    Optional<String> failure() {
        return failure;
    }
}
