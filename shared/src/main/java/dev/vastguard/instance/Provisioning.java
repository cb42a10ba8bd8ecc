package dev.vastguard.instance;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.instance.Admission.Assessment;
import dev.vastguard.instance.Audits.Actor;
import dev.vastguard.instance.Audits.Entry;
import dev.vastguard.instance.OfferSelection.Market;
import dev.vastguard.instance.OfferSelection.Search;
import dev.vastguard.money.Money;
import dev.vastguard.outcome.DenialCode;
import dev.vastguard.outcome.Outcome;
import dev.vastguard.platform.Platform;
import dev.vastguard.team.Policy;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import dev.vastguard.vast.CreateInstanceRequest;
import dev.vastguard.vast.VastApiException;
import dev.vastguard.vast.VastClient;
import dev.vastguard.vast.VastClientException;
import dev.vastguard.vast.VastInstance;
import dev.vastguard.vast.VastOffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rents an instance: checks the request in the contract's denial order, reserves the slot and the money atomically,
 * then sends the rental to Vast.ai exactly once per reservation.
 */
final class Provisioning {

    /** At most this many offers are tried when the chosen one is taken by someone else first. */
    static final int MAX_RENTALS = 3;

    static final int SEARCH_LIMIT = 20;

    private static final Logger LOG = LoggerFactory.getLogger(Provisioning.class);

    private final Platform platform;
    private final TeamAccess teams;
    private final OfferSelection selection;
    private final AdmissionAttempts attempts;
    private final Audits audits;

    Provisioning(Platform platform, OfferSelection selection, AdmissionAttempts attempts) {
        this.platform = platform;
        this.teams = new TeamAccess(platform);
        this.selection = selection;
        this.attempts = attempts;
        this.audits = new Audits(platform.audit(), platform.clock());
    }

    Outcome<Instance> provision(ProvisionCommand command) {
        Team team = teams.load(command.team());
        if (!team.policy().allowsRequest(command.gpu())) {
            return deny(
                    command,
                    DenialCode.GPU_NOT_ALLOWED,
                    "the team's policy does not allow " + command.gpu() + "; it allows "
                            + team.policy().gpuWhitelist());
        }
        VastClient client = teams.client(team);
        Set<Long> takenOffers = new HashSet<>();
        VastApiException lastTaken = null;
        for (int rental = 1; rental <= MAX_RENTALS; rental++) {
            Attempt attempt = new Attempt(command, client, takenOffers);
            Outcome<Admitted> admission = attempts.run("provision for team " + command.team(), attempt::decide);
            switch (admission) {
                case Outcome.Denied<Admitted>(DenialCode code, String detail) -> {
                    return Outcome.denied(code, detail);
                }
                case Outcome.Ok<Admitted>(Admitted admitted) -> {
                    switch (rent(command, client, admitted)) {
                        case Rental.Rented(Instance instance) -> {
                            return Outcome.ok(instance);
                        }
                        case Rental.OfferTaken(VastApiException failure) -> {
                            takenOffers.add(admitted.offer().id());
                            lastTaken = failure;
                        }
                    }
                }
            }
        }
        throw lastTaken;
    }

    private Instant now() {
        return platform.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private <T> Outcome<T> deny(ProvisionCommand command, DenialCode code, String detail) {
        return audits.deny(new Actor(command.team(), command.principal()), Optional.empty(), code, detail);
    }

    /** Sends the rental once and records the result; a failure other than a taken offer is thrown. */
    private Rental rent(ProvisionCommand command, VastClient client, Admitted admitted) {
        Reservation reservation = admitted.reservation();
        long id;
        try {
            id = client.createInstance(new CreateInstanceRequest(
                    admitted.offer().id(), command.image(), command.diskGb(), reservation.tag()));
        } catch (VastApiException e) {
            if (isOfferTaken(e)) {
                platform.instances().release(reservation);
                return new Rental.OfferTaken(e);
            }
            if (e.statusCode() < 500) {
                platform.instances().release(reservation);
                throw e;
            }
            id = recover(client, reservation, e);
        } catch (VastClientException e) {
            id = recover(client, reservation, e);
        } catch (RuntimeException e) {
            platform.instances().release(reservation);
            throw e;
        }
        readBack(client, reservation, id);
        return new Rental.Rented(confirm(command, admitted, id));
    }

    private static boolean isOfferTaken(VastApiException e) {
        boolean gone = e.statusCode() == 404 || e.statusCode() == 410;
        return gone
                && e.errorCode()
                        .filter(code -> code.equals("no_such_ask") || code.equals("invalid_args"))
                        .isPresent();
    }

    /**
     * Confirms a rental by reading the instance back. An instance Vast.ai does not show is not recorded: the
     * reservation is released and the caller gets an error (should it appear later, the sweeper finds it by its tag).
     * A read that fails says nothing either way, so the rental is recorded and the sweeper confirms it.
     */
    private void readBack(VastClient client, Reservation reservation, long id) {
        Optional<VastInstance> shown;
        try {
            shown = client.showInstance(id);
        } catch (VastApiException | VastClientException e) {
            LOG.warn("could not read back instance {} of team {}: {}", id, reservation.team(), e.getMessage());
            return;
        }
        if (shown.isEmpty()) {
            platform.instances().release(reservation);
            throw new VastApiException(
                    "create instance: Vast.ai answered with instance " + id + " but does not show it", 502, null);
        }
    }

    /**
     * Finds out whether a rental whose answer was lost happened, by the tag it carries.
     *
     * @return the id of the instance it created
     */
    private long recover(VastClient client, Reservation reservation, RuntimeException failure) {
        List<VastInstance> found;
        try {
            found = client.findByLabel(reservation.tag());
        } catch (VastApiException | VastClientException lookup) {
            // Still unknown whether the instance exists: the reservation keeps holding its slot and money until
            // the sweeper finds the instance by its tag (and confirms it) or, after a while, releases it.
            failure.addSuppressed(lookup);
            throw failure;
        }
        if (found.isEmpty()) {
            platform.instances().release(reservation);
            throw failure;
        }
        long id = found.stream().mapToLong(VastInstance::id).min().orElseThrow();
        LOG.warn("rental for team {} got no answer; found instance {} by its tag", reservation.team(), id);
        return id;
    }

    private Instance confirm(ProvisionCommand command, Admitted admitted, long id) {
        VastOffer offer = admitted.offer();
        Reservation reservation = admitted.reservation();
        Instant now = now();
        Instance instance = new Instance(
                command.team(),
                id,
                offer.gpuName(),
                offer.numGpus(),
                offer.dphTotal(),
                reservation.storageDph(),
                InstanceStatus.PROVISIONING,
                command.label(),
                reservation.tag(),
                now,
                Money.ZERO,
                now,
                false,
                Optional.empty());
        platform.instances().confirm(reservation, instance);
        audits.record(
                new Actor(command.team(), command.principal()),
                Entry.of(
                        AuditAction.PROVISION,
                        id,
                        offer.dphTotal(),
                        "rented %s x%d from offer %d at %s/h"
                                .formatted(offer.gpuName(), offer.numGpus(), offer.id(), offer.dphTotal())));
        LOG.info("provisioned instance {} for team {} from offer {}", id, command.team(), offer.id());
        return instance;
    }

    static String newTag(TeamId team) {
        return "vastguard:" + team + ":"
                + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
    }

    static Money cap(Policy policy, Optional<Money> requested) {
        return requested.filter(own -> own.compareTo(policy.maxDph()) < 0).orElse(policy.maxDph());
    }

    /**
     * An admitted rental.
     *
     * @param offer the offer chosen
     * @param reservation the reservation written for it
     */
    private record Admitted(VastOffer offer, Reservation reservation) {}

    /** How sending a rental ended, when it did not fail. */
    private sealed interface Rental {

        /**
         * The instance was rented and recorded.
         *
         * @param instance the instance
         */
        record Rented(Instance instance) implements Rental {}

        /**
         * Someone else took the offer first; the reservation was released.
         *
         * @param failure Vast.ai's answer
         */
        record OfferTaken(VastApiException failure) implements Rental {}
    }

    /** One admission: checks 2 to 6 against fresh reads on every try, the market searched once. */
    private final class Attempt {

        private final ProvisionCommand command;
        private final VastClient client;
        private final Set<Long> takenOffers;
        private List<VastOffer> market;

        Attempt(ProvisionCommand command, VastClient client, Set<Long> takenOffers) {
            this.command = command;
            this.client = client;
            this.takenOffers = Set.copyOf(takenOffers);
        }

        Optional<Outcome<Admitted>> decide() {
            Instant now = now();
            Team team = teams.load(command.team());
            Usage usage = Usage.read(platform, team, now);
            Policy policy = team.policy();
            if (team.isSuspendedAt(now)) {
                return Optional.of(deny(command, DenialCode.TEAM_SUSPENDED, suspendedDetail(team)));
            }
            if (usage.slotsTaken() >= policy.maxInstances()) {
                return Optional.of(deny(
                        command,
                        DenialCode.INSTANCE_LIMIT_REACHED,
                        "the team holds %d of its %d instances (stopped ones included); destroy one first"
                                .formatted(usage.slotsTaken(), policy.maxInstances())));
            }
            return switch (OfferSelection.classify(offers(policy), cap(policy, command.maxDph()))) {
                case Market.NoOffer none ->
                    Optional.of(deny(command, DenialCode.NO_MATCHING_OFFER, noOfferDetail(policy)));
                case Market.OverCap over ->
                    Optional.of(deny(
                            command,
                            DenialCode.PRICE_CAP_EXCEEDED,
                            "the cheapest matching offer costs %s/h, above the price cap of %s/h"
                                    .formatted(over.cheapest().dphTotal(), over.cap())));
                case Market.Within within -> admit(usage, within.offer());
            };
        }

        private Optional<Outcome<Admitted>> admit(Usage usage, VastOffer offer) {
            List<Assessment> assessments = usage.assess(
                    usage.burns(), offer.dphTotal(), platform.config().sweepInterval());
            Optional<Assessment> exceeded =
                    assessments.stream().filter(a -> !a.fits()).findFirst();
            if (exceeded.isPresent()) {
                String detail = exceeded.get().explain(describe(offer)) + "; "
                        + hint(usage.team().policy(), assessments);
                return Optional.of(deny(command, DenialCode.BUDGET_EXHAUSTED, detail));
            }
            Reservation reservation = new Reservation(
                    command.team(),
                    newTag(command.team()),
                    offer.gpuName(),
                    offer.numGpus(),
                    offer.dphTotal(),
                    offer.storageDph(command.diskGb()),
                    command.label(),
                    usage.now());
            if (!platform.instances().reserve(reservation, usage.team().version(), usage.daySpend())) {
                return Optional.empty();
            }
            return Optional.of(Outcome.ok(new Admitted(offer, reservation)));
        }

        private List<VastOffer> offers(Policy policy) {
            if (market == null) {
                market = selection.search(
                        client,
                        policy,
                        new Search(Optional.of(command.gpu()), command.numGpus(), command.diskGb(), SEARCH_LIMIT));
            }
            // Filtered again with the policy as read now: an admin may have changed it since the search.
            return OfferSelection.allowed(market, policy, Optional.of(command.gpu()), command.numGpus()).stream()
                    .filter(offer -> !takenOffers.contains(offer.id()))
                    .toList();
        }

        private String noOfferDetail(Policy policy) {
            return "no offer matches %s x%d with reliability at least %s and %d GB of disk; try another GPU, count or"
                            .formatted(command.gpu(), command.numGpus(), policy.minReliability(), command.diskGb())
                    + " a smaller disk_gb";
        }

        /** The cheapest offer of any allowed GPU that the budget would still admit, as advice in the denial. */
        private String hint(Policy policy, List<Assessment> assessments) {
            Money cap = cap(policy, command.maxDph());
            try {
                return selection
                        .search(
                                client,
                                policy,
                                new Search(Optional.empty(), command.numGpus(), command.diskGb(), SEARCH_LIMIT))
                        .stream()
                        .filter(offer -> offer.dphTotal().compareTo(cap) <= 0)
                        .filter(offer -> !takenOffers.contains(offer.id()))
                        .filter(offer -> assessments.stream().allMatch(a -> a.admits(offer.dphTotal())))
                        .findFirst()
                        .map(offer -> "the cheapest allowed offer that would fit is " + describe(offer))
                        .orElse("no allowed offer would fit");
            } catch (VastApiException | VastClientException e) {
                LOG.warn(
                        "team {}: could not search for a cheaper offer to suggest: {}", command.team(), e.getMessage());
                return "no cheaper offer could be looked up";
            }
        }
    }

    static String describe(VastOffer offer) {
        return "offer %d (%s x%d) at %s/h".formatted(offer.id(), offer.gpuName(), offer.numGpus(), offer.dphTotal());
    }

    static String suspendedDetail(Team team) {
        return team.suspendedUntil()
                .map(until -> "the team is suspended until " + until + ", when its budget period starts again")
                .orElse("the team is suspended until an admin resumes it");
    }
}
