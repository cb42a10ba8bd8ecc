package dev.vastguard.local.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's state: accounts (one per API key), offers and instances. One lock guards everything, so each request
 * sees and changes a consistent state; no lock is held while waiting on I/O.
 *
 * <p>Accounts are logged by their number ({@code account#1}), never by key.
 */
final class Marketplace {

    private static final Logger LOG = LoggerFactory.getLogger(Marketplace.class);
    private static final long FIRST_INSTANCE_ID = 21_000_001L;

    /** Where and when a rental is placed. */
    record Placement(SandboxOffer offer, Instant now, BootTimes boot) {}

    /** Why an offer cannot be rented. */
    enum Refusal {
        NO_SUCH_OFFER,
        NOT_RENTABLE,
        DISK_TOO_LARGE
    }

    /** A rental's billed usage, split by UTC day, as of now. */
    record Usage(Rental.Summary rental, SortedMap<LocalDate, Billing.DayUsage> days) {}

    private final Clock clock;
    private final SandboxFaults faults;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Integer> accounts = new LinkedHashMap<>();
    private final Map<Long, SandboxOffer> offers = new TreeMap<>();
    private final Map<Long, Rental> rentals = new TreeMap<>();
    private long nextInstanceId = FIRST_INSTANCE_ID;

    Marketplace(Clock clock, SandboxFaults faults) {
        this.clock = clock;
        this.faults = faults;
    }

    SandboxFaults faults() {
        return faults;
    }

    synchronized void addAccount(String key) {
        accounts.putIfAbsent(key, accounts.size() + 1);
    }

    synchronized boolean knows(String key) {
        return accounts.containsKey(key);
    }

    synchronized void addOffer(SandboxOffer offer) {
        offers.put(offer.id(), offer);
    }

    /** Every offer as the search returns it, priced for a disk size. */
    synchronized List<ObjectNode> offerRows(BigDecimal allocatedStorage) {
        return offers.values().stream()
                .map(offer -> Offers.row(offer, allocatedStorage, rentable(offer)))
                .toList();
    }

    synchronized List<String> gpuNames() {
        return List.copyOf(new TreeSet<>(
                offers.values().stream().map(SandboxOffer::gpuName).toList()));
    }

    /**
     * Rents an offer for an account.
     *
     * @param key the account
     * @param request what to run
     * @return the new rental, or why the offer cannot be rented
     */
    synchronized Rented rent(String key, RentRequest request) {
        SandboxOffer offer = offers.get(request.offerId());
        if (offer == null) {
            return new Rented(null, Refusal.NO_SUCH_OFFER);
        }
        if (!rentable(offer)) {
            return new Rented(null, Refusal.NOT_RENTABLE);
        }
        if (request.diskGb() > offer.diskSpaceGb()) {
            return new Rented(null, Refusal.DISK_TOO_LARGE);
        }
        faults.consumeStock(offer.id());
        Rental rental =
                new Rental(nextInstanceId++, key, request, new Placement(offer, clock.instant(), faults.bootTimes()));
        rentals.put(rental.id(), rental);
        LOG.info(
                "instance {} created on offer {} ({} x{}) for account#{}",
                rental.id(),
                offer.id(),
                offer.gpuName(),
                offer.numGpus(),
                accounts.get(key));
        return new Rented(rental, null);
    }

    /** The result of {@link #rent}: the rental, or the refusal. */
    record Rented(Rental rental, Refusal refusal) {}

    /** A new random per-instance key, as Vast.ai returns in {@code instance_api_key}. */
    synchronized String newInstanceKey() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Runs {@code action} on an account's live instance; empty if it has no such instance. */
    synchronized <T> Optional<T> withLive(String key, long id, Function<Rental, T> action) {
        Rental rental = rentals.get(id);
        if (rental == null || !rental.ownedBy(key) || rental.destroyed()) {
            return Optional.empty();
        }
        return Optional.ofNullable(action.apply(rental));
    }

    synchronized boolean stop(String key, long id) {
        return withLive(key, id, rental -> {
                    rental.stop(clock.instant());
                    LOG.info("instance {} stopped for account#{}", id, accounts.get(key));
                    return true;
                })
                .isPresent();
    }

    synchronized boolean start(String key, long id) {
        return withLive(key, id, rental -> {
                    rental.start(clock.instant(), faults.startDelay());
                    LOG.info("instance {} started for account#{}", id, accounts.get(key));
                    return true;
                })
                .isPresent();
    }

    synchronized boolean label(String key, long id, String label) {
        return withLive(key, id, rental -> {
                    rental.label(label);
                    return true;
                })
                .isPresent();
    }

    synchronized boolean destroy(String key, long id) {
        return withLive(key, id, rental -> {
                    rental.timeline().destroy(clock.instant());
                    LOG.info("instance {} destroyed for account#{}", id, accounts.get(key));
                    return true;
                })
                .isPresent();
    }

    synchronized void setHostOffline(long id, boolean offline) {
        Rental rental = rentals.get(id);
        if (rental == null) {
            throw new IllegalArgumentException("no instance " + id);
        }
        rental.timeline().hostOffline(clock.instant(), offline);
        LOG.info("host of instance {} is now {}", id, offline ? "offline" : "online");
    }

    /** The account's live instances as JSON rows, in id order. */
    synchronized List<ObjectNode> rows(String key) {
        Instant now = clock.instant();
        return live(key).stream().map(rental -> rental.row(now)).toList();
    }

    synchronized Optional<ObjectNode> row(String key, long id) {
        return withLive(key, id, rental -> rental.row(clock.instant()));
    }

    synchronized List<SandboxInstance> snapshots(String key) {
        Instant now = clock.instant();
        return owned(key).stream().map(rental -> rental.snapshot(now)).toList();
    }

    synchronized BigDecimal meter(String key, long id) {
        Rental rental = rentals.get(id);
        if (rental == null || !rental.ownedBy(key)) {
            throw new IllegalArgumentException("the account has no instance " + id);
        }
        return rental.meter(clock.instant());
    }

    synchronized BigDecimal meterTotal(String key) {
        Instant now = clock.instant();
        return owned(key).stream().map(rental -> rental.meter(now)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Billed usage of every instance the account ever had, destroyed ones included. */
    synchronized List<Usage> usage(String key) {
        Instant now = clock.instant();
        return owned(key).stream()
                .map(r -> new Usage(r.summary(), Billing.byDay(r.timeline().slices(now))))
                .toList();
    }

    private boolean rentable(SandboxOffer offer) {
        return offer.rentable() && faults.inStock(offer.id());
    }

    private List<Rental> owned(String key) {
        requireAccount(key);
        List<Rental> owned = new ArrayList<>();
        for (Rental rental : rentals.values()) {
            if (rental.ownedBy(key)) {
                owned.add(rental);
            }
        }
        return owned;
    }

    private List<Rental> live(String key) {
        return owned(key).stream().filter(rental -> !rental.destroyed()).toList();
    }

    private void requireAccount(String key) {
        if (!accounts.containsKey(key)) {
            throw new IllegalArgumentException("unknown sandbox account (add it with addAccount)");
        }
    }
}
