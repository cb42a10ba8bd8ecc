package dev.vastguard.sweep;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.instance.Billing;
import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceRepository;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.instance.Reservation;
import dev.vastguard.platform.Platform;
import dev.vastguard.team.Team;
import dev.vastguard.vast.VastClient;
import dev.vastguard.vast.VastInstance;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one team's records with the instances Vast.ai lists on the team's account, up to an instant.
 *
 * <p>Every listed instance the team has a record of is accrued since its last accrual at the rate of the state
 * Vast.ai shows now, and takes that state. A listed instance without a record is a create whose response was lost
 * (its label is an open reservation's tag: the reservation is confirmed), a record that was lost (its label is the
 * team's vastguard tag: the record is recreated), or an instance started outside vastguard (no vastguard label: it
 * is adopted and accrued from now on). A record whose instance is no longer listed is closed out at the last time
 * it was seen, and a reservation that never produced an instance is released after {@link #RESERVATION_TIMEOUT}.
 * A reservation is confirmed only once it is older than {@link #CONFIRM_AFTER}, so the sweeper never races the
 * provision request that made it.
 *
 * <p>Repeating a reconciliation with the same instant writes nothing.
 */
public final class TeamSync {

    /** How long a reservation may wait for its instance before it is released. */
    public static final Duration RESERVATION_TIMEOUT = Duration.ofMinutes(15);

    /**
     * How old a reservation must be before the sweeper confirms it from the listing. A younger one may belong to
     * a provision request still in flight, whose own confirmation would overwrite what the sweeper accrued.
     */
    public static final Duration CONFIRM_AFTER = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(TeamSync.class);
    private static final String VASTGUARD_LABEL = "vastguard:";

    private final Platform platform;
    private final InstanceRepository instances;
    private final Accruer accruer;
    private final SweepAudit audit;

    /**
     * Creates the reconciler.
     *
     * @param platform the platform
     */
    public TeamSync(Platform platform) {
        this.platform = platform;
        this.instances = platform.instances();
        this.accruer = new Accruer(platform.instances());
        this.audit = new SweepAudit(platform.audit());
    }

    /**
     * Reconciles a team with its Vast.ai listing, reading the team's key from its secret.
     *
     * @param team the team
     * @param at the instant to accrue up to; truncated to the second
     * @return what was done, and the team's instances afterwards
     * @throws dev.vastguard.secrets.MissingSecretException if the team's key cannot be read
     * @throws dev.vastguard.vast.VastApiException if Vast.ai refuses the listing
     * @throws dev.vastguard.vast.VastClientException if Vast.ai does not answer
     */
    public Reconciliation reconcile(Team team, Instant at) {
        VastClient client =
                platform.vast().forKey(platform.keys().keyFor(team.policy().vastSecretId()));
        return reconcile(team, client, at);
    }

    Reconciliation reconcile(Team team, VastClient client, Instant at) {
        // Records are read before the listing, so each of them existed at Vast.ai before the listing was taken:
        // one that is missing from the listing really vanished, and was not just created by a concurrent request.
        SyncPass pass = new SyncPass(
                team.id(),
                at.truncatedTo(ChronoUnit.SECONDS),
                instances.list(team.id()),
                instances.reservations(team.id()));
        List<VastInstance> listing = client.listInstances();

        listing.forEach(listed -> reconcileListed(pass, listed));
        closeOutVanished(pass);
        releaseStale(pass, listing);
        return pass.result();
    }

    private void reconcileListed(SyncPass pass, VastInstance listed) {
        pass.listed(listed.id());
        if (failed(listed)) {
            pass.failed(listed.id());
        }
        Optional<Instance> record = pass.record(listed.id());
        Optional<Reservation> reservation = pass.reservationTagged(listed.label());
        String label = listed.label().orElse("");
        if (record.isPresent()) {
            accrueListed(pass, record.get(), listed);
        } else if (reservation.isPresent()) {
            confirmIfAbandoned(pass, reservation.get(), listed);
        } else if (label.startsWith(ownTagPrefix(pass))) {
            recreate(pass, listed, label);
        } else if (label.startsWith(VASTGUARD_LABEL)) {
            LOG.warn(
                    "instance {} on team {}'s account carries another team's tag; left alone",
                    listed.id(),
                    pass.team());
        } else {
            adopt(pass, listed);
        }
    }

    /** Vast.ai means to run it, but it exited (a host or container failure; such an instance never runs again). */
    private static boolean failed(VastInstance listed) {
        return listed.intendedStatus().filter("running"::equalsIgnoreCase).isPresent()
                && listed.actualStatus().filter("exited"::equalsIgnoreCase).isPresent();
    }

    private void accrueListed(SyncPass pass, Instance record, VastInstance listed) {
        if (!record.holdsSlot()) {
            LOG.warn("instance {} of team {} is destroyed but still listed by Vast.ai", record.id(), pass.team());
            return;
        }
        InstanceStatus seen = InstanceStatus.ofVastStatus(listed.actualStatus());
        Accruer.Result result =
                accruer.accrue(record, Billing.ofVastStatus(listed.actualStatus()), pass.at(), Optional.of(seen));
        pass.accrued(result);
        if (result.statusChanged()) {
            LOG.info(
                    "instance {} of team {} is now {} (was {})",
                    record.id(),
                    pass.team(),
                    seen.wireName(),
                    record.status().wireName());
        }
    }

    private void confirmIfAbandoned(SyncPass pass, Reservation reservation, VastInstance listed) {
        if (!reservation.createdAt().isBefore(pass.at().minus(CONFIRM_AFTER))) {
            LOG.debug("instance {} of team {} belongs to a provision still in flight", listed.id(), pass.team());
            return;
        }

        // The rental began when Vast.ai created it, and storage is billed from then on.
        Instant createdAt = listed.startDate()
                .map(start -> start.truncatedTo(ChronoUnit.SECONDS))
                .orElse(reservation.createdAt());
        Instance instance =
                new InstanceDraft(pass.team(), listed, createdAt).build(reservation.label(), reservation.tag(), false);
        instances.confirm(reservation, instance);
        pass.confirmed(reservation, instance);
        LOG.info(
                "confirmed instance {} of team {} from its reservation (create response was lost)",
                listed.id(),
                pass.team());
        accrueListed(pass, instance, listed);
    }

    private void recreate(SyncPass pass, VastInstance listed, String tag) {
        Instance instance = new InstanceDraft(pass.team(), listed, pass.at()).build(Optional.empty(), tag, false);
        if (instances.adopt(instance)) {
            pass.put(instance);
            LOG.info("recreated the record of instance {} of team {} from its vastguard tag", listed.id(), pass.team());
        } else {
            rereadAndAccrue(pass, listed);
        }
    }

    private void adopt(SyncPass pass, VastInstance listed) {
        // Cost is counted from the moment vastguard first sees the instance; what it cost before is not known.
        Instance instance = new InstanceDraft(pass.team(), listed, pass.at()).build(listed.label(), "", true);
        if (!instances.adopt(instance)) {
            rereadAndAccrue(pass, listed);
            return;
        }

        pass.adopted(instance);
        audit.instance(
                subject(pass, instance),
                AuditAction.ADOPT,
                instance.dphTotal(),
                "found on the team's Vast.ai account without a vastguard tag");
        LOG.info("adopted instance {} of team {}", listed.id(), pass.team());
    }

    private void rereadAndAccrue(SyncPass pass, VastInstance listed) {
        instances.find(pass.team(), listed.id()).ifPresent(record -> accrueListed(pass, record, listed));
    }

    private void closeOutVanished(SyncPass pass) {
        for (Instance record : pass.records()) {
            if (record.holdsSlot() && !pass.listedIds().contains(record.id())) {
                closeOut(pass, record);
            }
        }
    }

    private void closeOut(SyncPass pass, Instance record) {
        // Nothing is known after the last accrual, so the instance ends there and owes nothing more.
        Accruer.Result result =
                accruer.accrue(record, Billing.NONE, record.accruedUntil(), Optional.of(InstanceStatus.DESTROYED));
        pass.accrued(result);
        if (!result.statusChanged()) {
            return;
        }

        pass.closedOut(record.id());
        audit.instance(
                subject(pass, record),
                AuditAction.CLOSE_OUT,
                result.instance().accruedCost(),
                "no longer listed by Vast.ai; closed out at " + record.accruedUntil());
        LOG.info("closed out vanished instance {} of team {}", record.id(), pass.team());
    }

    private void releaseStale(SyncPass pass, List<VastInstance> listing) {
        Set<String> labels =
                listing.stream().flatMap(listed -> listed.label().stream()).collect(Collectors.toSet());
        Instant cutoff = pass.at().minus(RESERVATION_TIMEOUT);
        for (Reservation reservation : pass.openReservations()) {
            if (reservation.createdAt().isBefore(cutoff) && !labels.contains(reservation.tag())) {
                instances.release(reservation);
                pass.released(reservation);
                LOG.info("released reservation {} of team {}: no instance appeared", reservation.tag(), pass.team());
            }
        }
    }

    private static SweepAudit.Subject subject(SyncPass pass, Instance instance) {
        return new SweepAudit.Subject(pass.team(), instance.id(), pass.at());
    }

    private static String ownTagPrefix(SyncPass pass) {
        return VASTGUARD_LABEL + pass.team() + ":";
    }
}
