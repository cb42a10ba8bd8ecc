package dev.vastguard.testing;

import dev.vastguard.money.Money;
import dev.vastguard.secrets.VastApiKey;
import dev.vastguard.vast.CreateInstanceRequest;
import dev.vastguard.vast.OfferQuery;
import dev.vastguard.vast.VastApiException;
import dev.vastguard.vast.VastCharge;
import dev.vastguard.vast.VastClient;
import dev.vastguard.vast.VastClientException;
import dev.vastguard.vast.VastClientFactory;
import dev.vastguard.vast.VastInstance;
import dev.vastguard.vast.VastOffer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scriptable in-memory Vast.ai for unit tests of the use cases: a market of offers shared by every key, and one
 * account per key. For tests of the HTTP client and end-to-end tests use the sandbox server instead.
 */
public final class FakeVast implements VastClientFactory {

    /** Operations that can be made to fail. */
    public enum Operation {
        SEARCH,
        CREATE,
        LIST,
        SHOW,
        STOP,
        START,
        DESTROY,
        CHARGES
    }

    private final Clock clock;
    private final List<VastOffer> offers = new ArrayList<>();
    private final Map<String, Map<Long, VastInstance>> accounts = new HashMap<>();
    private final Map<Operation, Deque<RuntimeException>> failures = new HashMap<>();
    private final Map<String, List<VastCharge>> charges = new HashMap<>();
    private final AtomicLong nextId = new AtomicLong(1000);
    private final AtomicInteger creates = new AtomicInteger();
    private volatile boolean loseNextCreateResponse;
    private volatile boolean phantomNextCreate;

    /**
     * Creates an empty market.
     *
     * @param clock the clock for start dates
     */
    public FakeVast(Clock clock) {
        this.clock = clock;
    }

    /**
     * Adds an offer.
     *
     * @param id the ask id
     * @param gpuName the GPU name
     * @param numGpus the GPU count
     * @param dph the hourly price in dollars, as text
     * @return this market
     */
    public synchronized FakeVast offer(long id, String gpuName, int numGpus, String dph) {
        offers.add(new VastOffer(
                id,
                gpuName,
                numGpus,
                Money.ofDollars(dph),
                Money.ofDollars("0.15"),
                new BigDecimal("0.99"),
                "Oregon, US"));
        return this;
    }

    /**
     * Makes the next calls of an operation throw, in order.
     *
     * @param operation the operation
     * @param failure what to throw
     */
    public synchronized void failNext(Operation operation, RuntimeException failure) {
        failures.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(failure);
    }

    /** Makes the next create answer with a new id but never create the instance (Vast.ai then does not show it). */
    public void phantomNextCreate() {
        phantomNextCreate = true;
    }

    /** Makes the next create rent the instance but throw as if the response was lost in a timeout. */
    public void loseNextCreateResponse() {
        loseNextCreateResponse = true;
    }

    /**
     * Puts an instance on an account directly, as if created outside vastguard.
     *
     * @param key the account's key
     * @param instance the instance
     */
    public synchronized void put(String key, VastInstance instance) {
        account(key).put(instance.id(), instance);
    }

    /**
     * Removes an instance from an account directly, as if destroyed outside vastguard.
     *
     * @param key the account's key
     * @param id the instance id
     */
    public synchronized void remove(String key, long id) {
        account(key).remove(id);
    }

    /**
     * The instances on an account.
     *
     * @param key the account's key
     * @return the instances, by id
     */
    public synchronized List<VastInstance> instances(String key) {
        return account(key).values().stream()
                .sorted(Comparator.comparingLong(VastInstance::id))
                .toList();
    }

    /**
     * Adds a charge to an account's billing, as Vast.ai's charges listing would show it.
     *
     * @param key the account's key
     * @param charge the charge
     */
    public synchronized void charge(String key, VastCharge charge) {
        charges.computeIfAbsent(key, k -> new ArrayList<>()).add(charge);
    }

    /**
     * How many create requests reached the market.
     *
     * @return the count
     */
    public int createCount() {
        return creates.get();
    }

    @Override
    public VastClient forKey(VastApiKey key) {
        return new Account(key.value());
    }

    private synchronized Map<Long, VastInstance> account(String key) {
        return accounts.computeIfAbsent(key, k -> new HashMap<>());
    }

    private synchronized void maybeFail(Operation operation) {
        Deque<RuntimeException> queue = failures.get(operation);
        if (queue != null && !queue.isEmpty()) {
            throw queue.poll();
        }
    }

    private synchronized VastInstance withStatus(String key, long id, String status) {
        VastInstance current = account(key).get(id);
        if (current == null) {
            throw new VastApiException("no_such_instance", 404, "no_such_instance");
        }
        VastInstance changed = new VastInstance(
                current.id(),
                Optional.of(status),
                Optional.of(status),
                current.gpuName(),
                current.numGpus(),
                current.dphTotal(),
                current.storageDph(),
                current.label(),
                current.startDate());
        account(key).put(id, changed);
        return changed;
    }

    private final class Account implements VastClient {

        private final String key;

        Account(String key) {
            this.key = key;
        }

        @Override
        public List<VastOffer> searchOffers(OfferQuery query) {
            maybeFail(Operation.SEARCH);
            synchronized (FakeVast.this) {
                return offers.stream()
                        .filter(o -> query.gpuNames().contains(o.gpuName()))
                        .filter(o -> query.numGpus() == 0 || o.numGpus() == query.numGpus())
                        .filter(o -> o.reliability().compareTo(query.minReliability()) >= 0)
                        .map(o -> new VastOffer(
                                o.id(),
                                o.gpuName(),
                                o.numGpus(),
                                o.dphTotal().plus(o.storageDph(query.diskGb())),
                                o.storageCostPerGbMonth(),
                                o.reliability(),
                                o.geolocation()))
                        .sorted(Comparator.comparing(VastOffer::dphTotal))
                        .limit(query.limit())
                        .toList();
            }
        }

        @Override
        public List<String> gpuNames() {
            synchronized (FakeVast.this) {
                return offers.stream()
                        .map(VastOffer::gpuName)
                        .distinct()
                        .sorted()
                        .toList();
            }
        }

        @Override
        public long createInstance(CreateInstanceRequest request) {
            creates.incrementAndGet();
            maybeFail(Operation.CREATE);
            VastOffer offer;
            synchronized (FakeVast.this) {
                offer = offers.stream()
                        .filter(o -> o.id() == request.offerId())
                        .findFirst()
                        .orElseThrow(() -> new VastApiException("no_such_ask", 404, "invalid_args"));
            }
            long id = nextId.incrementAndGet();
            if (phantomNextCreate) {
                phantomNextCreate = false;
                return id;
            }
            put(
                    key,
                    new VastInstance(
                            id,
                            Optional.empty(),
                            Optional.of("running"),
                            offer.gpuName(),
                            offer.numGpus(),
                            offer.dphTotal().plus(offer.storageDph(request.diskGb())),
                            offer.storageDph(request.diskGb()),
                            Optional.of(request.label()),
                            Optional.of(clock.instant())));
            if (loseNextCreateResponse) {
                loseNextCreateResponse = false;
                throw new VastClientException("create instance: timed out", null);
            }
            return id;
        }

        @Override
        public List<VastInstance> listInstances() {
            maybeFail(Operation.LIST);
            return instances(key);
        }

        @Override
        public List<VastInstance> findByLabel(String label) {
            maybeFail(Operation.LIST);
            return instances(key).stream()
                    .filter(i -> i.label().filter(label::equals).isPresent())
                    .toList();
        }

        @Override
        public Optional<VastInstance> showInstance(long id) {
            maybeFail(Operation.SHOW);
            synchronized (FakeVast.this) {
                return Optional.ofNullable(account(key).get(id));
            }
        }

        @Override
        public void stopInstance(long id) {
            maybeFail(Operation.STOP);
            withStatus(key, id, "stopped");
        }

        @Override
        public void startInstance(long id) {
            maybeFail(Operation.START);
            withStatus(key, id, "running");
        }

        @Override
        public void labelInstance(long id, String label) {
            synchronized (FakeVast.this) {
                VastInstance current = account(key).get(id);
                if (current != null) {
                    account(key)
                            .put(
                                    id,
                                    new VastInstance(
                                            current.id(),
                                            current.actualStatus(),
                                            current.intendedStatus(),
                                            current.gpuName(),
                                            current.numGpus(),
                                            current.dphTotal(),
                                            current.storageDph(),
                                            Optional.of(label),
                                            current.startDate()));
                }
            }
        }

        @Override
        public boolean destroyInstance(long id) {
            maybeFail(Operation.DESTROY);
            synchronized (FakeVast.this) {
                return account(key).remove(id) != null;
            }
        }

        @Override
        public List<VastCharge> charges(LocalDate firstDay, LocalDate lastDay) {
            maybeFail(Operation.CHARGES);
            synchronized (FakeVast.this) {
                return charges.getOrDefault(key, List.of()).stream()
                        .filter(c -> !c.day().isBefore(firstDay) && !c.day().isAfter(lastDay))
                        .toList();
            }
        }
    }
}
