package dev.vastguard.instance;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.instance.Audits.Actor;
import dev.vastguard.instance.Audits.Entry;
import dev.vastguard.outcome.DenialCode;
import dev.vastguard.outcome.Outcome;
import dev.vastguard.platform.Platform;
import dev.vastguard.team.TeamId;
import dev.vastguard.vast.VastApiException;
import dev.vastguard.vast.VastAuthException;
import dev.vastguard.vast.VastClient;
import dev.vastguard.vast.VastClientException;
import dev.vastguard.vast.VastInstance;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads, stops and destroys a team's instances. */
final class InstanceActions {

    private static final int SETTLE_WAIT_ATTEMPTS = 10;
    private static final Duration SETTLE_WAIT = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(InstanceActions.class);

    private final Platform platform;
    private final TeamAccess teams;
    private final Settlement settlement;
    private final Audits audits;

    InstanceActions(Platform platform) {
        this.platform = platform;
        this.teams = new TeamAccess(platform);
        this.settlement = new Settlement(platform.instances());
        this.audits = new Audits(platform.audit(), platform.clock());
    }

    List<Instance> list(TeamId team) {
        return platform.instances().list(team).stream()
                .filter(Instance::holdsSlot)
                .toList();
    }

    Outcome<Instance> get(TeamId team, long id) {
        return platform.instances().find(team, id).map(Outcome::ok).orElseGet(() -> notFound(id));
    }

    Outcome<Instance> destroy(TeamId team, String principal, long id) {
        Optional<Instance> found = platform.instances().find(team, id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        Instance instance = found.get();
        if (instance.status() == InstanceStatus.DESTROYED) {
            return Outcome.ok(instance);
        }
        VastClient client = teams.client(teams.load(team));
        Optional<Billing> billed = billedNow(client, id);
        boolean destroyedNow = client.destroyInstance(id);
        confirmGone(client, id);
        Optional<Billing> billing = billed;
        if (!destroyedNow && billed.isEmpty()) {
            // Gone before this request looked. A concurrent destroy through vastguard settles it in a moment, at the
            // rate it ran at until then; wait for that rather than race it.
            Optional<Instance> settledElsewhere = destroyedElsewhere(team, id);
            if (settledElsewhere.isPresent()) {
                return Outcome.ok(settledElsewhere.get());
            }
            // Destroyed in Vast.ai's console: it stopped billing at some point after it was last accrued, which
            // vastguard cannot know, so nothing more is charged, as the sweeper closes out a vanished instance.
            billing = Optional.of(Billing.NONE);
        }
        Settlement.Settled settled = settlement.settle(instance, InstanceStatus.DESTROYED, now(), billing);
        Instance destroyed = settled.instance();
        if (!settled.changed()) {
            return Outcome.ok(destroyed);
        }
        audits.record(
                new Actor(team, principal),
                Entry.of(
                        AuditAction.DESTROY,
                        id,
                        destroyed.accruedCost(),
                        "destroyed %s x%d; final cost %s"
                                .formatted(destroyed.gpuName(), destroyed.numGpus(), destroyed.accruedCost())));
        LOG.info("destroyed instance {} of team {}", id, team);
        return Outcome.ok(destroyed);
    }

    Outcome<Instance> stop(TeamId team, String principal, long id) {
        Optional<Instance> found = platform.instances().find(team, id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        Instance instance = found.get();
        if (instance.status() == InstanceStatus.DESTROYED) {
            return destroyedState(id);
        }
        if (instance.status() == InstanceStatus.STOPPED) {
            return Outcome.ok(instance);
        }
        VastClient client = teams.client(teams.load(team));
        Optional<Billing> billed = billedNow(client, id);
        try {
            client.stopInstance(id);
        } catch (VastApiException e) {
            if (goneAtVast(e)) {
                return audits.deny(new Actor(team, principal), Optional.of(id), DenialCode.INVALID_STATE, gone(id));
            }
            throw e;
        }
        Settlement.Settled settled = settlement.settle(instance, InstanceStatus.STOPPED, now(), billed);
        Instance stopped = settled.instance();
        if (!settled.changed()) {
            return Outcome.ok(stopped);
        }
        audits.record(
                new Actor(team, principal),
                Entry.of(
                        AuditAction.STOP,
                        id,
                        stopped.accruedCost(),
                        "stopped %s x%d; cost so far %s, storage goes on at %s/h"
                                .formatted(
                                        stopped.gpuName(),
                                        stopped.numGpus(),
                                        stopped.accruedCost(),
                                        stopped.storageDph())));
        LOG.info("stopped instance {} of team {}", id, team);
        return Outcome.ok(stopped);
    }

    /**
     * How Vast.ai bills the instance right now, read before changing it: the state vastguard recorded may be a sweep
     * old. Unknown if the read fails; the change goes ahead regardless and the recorded state is used.
     */
    private static Optional<Billing> billedNow(VastClient client, long id) {
        try {
            return client.showInstance(id).map(shown -> Billing.ofVastStatus(shown.actualStatus()));
        } catch (VastApiException | VastClientException e) {
            LOG.warn("could not read instance {} before changing it: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    /** The instance as another request destroyed it, if that request records it within about a second. */
    private Optional<Instance> destroyedElsewhere(TeamId team, long id) {
        for (int attempt = 0; attempt < SETTLE_WAIT_ATTEMPTS; attempt++) {
            Optional<Instance> current = platform.instances().find(team, id);
            if (current.filter(i -> i.status() == InstanceStatus.DESTROYED).isPresent()) {
                return current;
            }
            try {
                Thread.sleep(SETTLE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Makes sure Vast.ai no longer runs the instance, so it is never recorded as destroyed while it still bills. */
    private static void confirmGone(VastClient client, long id) {
        Optional<VastInstance> shown = client.showInstance(id);
        boolean stillThere = shown.isPresent()
                && !shown.get()
                        .actualStatus()
                        .filter("destroyed"::equalsIgnoreCase)
                        .isPresent();
        if (stillThere) {
            throw new VastApiException(
                    "destroy instance " + id + ": destroy not confirmed, Vast.ai still lists the instance", 502, null);
        }
    }

    private Instant now() {
        return platform.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static <T> Outcome<T> notFound(long id) {
        return Outcome.denied(DenialCode.NOT_FOUND, "the team has no instance " + id);
    }

    /**
     * Whether Vast.ai refused a change because it no longer knows the instance (destroyed in its console, say), as
     * opposed to refusing the key, which the client reports as {@link dev.vastguard.vast.VastAuthException}.
     */
    static boolean goneAtVast(VastApiException e) {
        return !(e instanceof VastAuthException) && (e.statusCode() == 404 || e.statusCode() == 410);
    }

    static String gone(long id) {
        return "instance " + id + " no longer exists at Vast.ai (destroyed outside vastguard); the next sweep closes"
                + " it out at the last time it was seen";
    }

    static <T> Outcome<T> destroyedState(long id) {
        return Outcome.denied(DenialCode.INVALID_STATE, "instance " + id + " is destroyed");
    }
}
