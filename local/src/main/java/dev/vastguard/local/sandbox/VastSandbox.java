package dev.vastguard.local.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for the Vast.ai REST API (a test double, never used by the product itself): the endpoints
 * vastguard calls, with Vast.ai's quirks, a marketplace, instances whose lifecycle and per-second billing follow a
 * controllable {@link Clock}, and fault injection.
 *
 * <p>Each API key is one Vast.ai account; register keys with {@link #addAccount}. The sandbox serves requests
 * concurrently from a thread pool. Its own control endpoints live under {@code /_sandbox/} (see
 * {@link ControlEndpoints}).
 */
public final class VastSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VastSandbox.class);
    private static final int THREADS = 32;

    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch closing;
    private final Marketplace market;
    private final SandboxFaults faults;
    private final URI baseUrl;

    private VastSandbox(HttpServer server, ExecutorService executor, CountDownLatch closing, Marketplace market) {
        this.server = server;
        this.executor = executor;
        this.closing = closing;
        this.market = market;
        this.faults = market.faults();
        InetSocketAddress bound = server.getAddress();
        InetAddress host = bound.getAddress();
        String hostText = host == null || host.isAnyLocalAddress() ? "127.0.0.1" : host.getHostAddress();
        this.baseUrl = URI.create(
                "http://" + (hostText.contains(":") ? "[" + hostText + "]" : hostText) + ":" + bound.getPort());
    }

    /**
     * Starts a sandbox with no accounts and no offers.
     *
     * @param address where to listen; port 0 picks a free port
     * @param clock the sandbox clock, which drives instance lifecycles and billing
     * @return the running sandbox
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static VastSandbox start(InetSocketAddress address, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        CountDownLatch closing = new CountDownLatch(1);
        Marketplace market = new Marketplace(clock, new SandboxFaults());
        ExecutorService executor = new ThreadPoolExecutor(
                THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new DaemonThreads());
        try {
            HttpServer server = HttpServer.create(address, 0);
            server.createContext("/", new SandboxRouter(market, market.faults(), closing));
            server.setExecutor(executor);
            server.start();
            VastSandbox sandbox = new VastSandbox(server, executor, closing, market);
            LOG.info("Vast.ai sandbox listening on {}", sandbox.baseUrl);
            return sandbox;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start the Vast.ai sandbox on " + address, e);
        }
    }

    /**
     * Where the sandbox listens: use it as vastguard's {@code VAST_API_URL}.
     *
     * @return for example {@code http://127.0.0.1:41234}
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Opens a Vast.ai account for a key (idempotent). Requests with any other key get {@code auth_error}.
     *
     * @param apiKey the key
     */
    public void addAccount(String apiKey) {
        market.addAccount(Objects.requireNonNull(apiKey, "apiKey"));
    }

    /**
     * Puts an offer on the marketplace, replacing one with the same id.
     *
     * @param offer the offer
     */
    public void addOffer(SandboxOffer offer) {
        market.addOffer(Objects.requireNonNull(offer, "offer"));
    }

    /** Puts the default market on offer: RTX 3060/3090/4090, L40S, A100, H100 offers with stable ids. */
    public void seedDefaultOffers() {
        DefaultMarket.offers().forEach(market::addOffer);
    }

    /**
     * The fault injection and timing knobs.
     *
     * @return the faults of this sandbox
     */
    public SandboxFaults faults() {
        return faults;
    }

    /**
     * Every instance the account ever had, destroyed ones included, as of the sandbox clock now.
     *
     * @param apiKey the account's key
     * @return snapshots in id order
     * @throws IllegalArgumentException if no account has the key
     */
    public List<SandboxInstance> instances(String apiKey) {
        return market.snapshots(apiKey);
    }

    /**
     * What the billing meter has charged for one instance so far: exact per-second billing on the sandbox clock.
     *
     * @param apiKey the account's key
     * @param instanceId the instance
     * @return dollars (exact, or rounded half-even at 12 decimals where the exact value does not terminate)
     * @throws IllegalArgumentException if the account has no such instance
     */
    public BigDecimal meter(String apiKey, long instanceId) {
        return market.meter(apiKey, instanceId);
    }

    /**
     * What the billing meter has charged the account so far, over all its instances.
     *
     * @param apiKey the account's key
     * @return dollars
     * @throws IllegalArgumentException if no account has the key
     */
    public BigDecimal meterTotal(String apiKey) {
        return market.meterTotal(apiKey);
    }

    /**
     * Takes an instance's host offline or back online. Offline instances report {@code offline} and are not billed.
     *
     * @param instanceId the instance
     * @param offline true to take it offline, false to bring it back
     * @throws IllegalArgumentException if there is no such instance
     */
    public void setHostOffline(long instanceId, boolean offline) {
        market.setHostOffline(instanceId, offline);
    }

    /**
     * Destroys an instance as if from the Vast.ai console, without vastguard.
     *
     * @param apiKey the account's key
     * @param instanceId the instance
     * @throws IllegalArgumentException if the account has no such live instance
     */
    public void destroyOutside(String apiKey, long instanceId) {
        if (!market.destroy(apiKey, instanceId)) {
            throw new IllegalArgumentException("the account has no live instance " + instanceId);
        }
    }

    /**
     * Creates an instance as if from the Vast.ai console or CLI, without vastguard: 10 GB disk, on demand.
     *
     * @param apiKey the account's key
     * @param offerId the offer to rent
     * @param label its label, or null for none
     * @return the new instance id
     * @throws IllegalArgumentException if the account is unknown or the offer cannot be rented
     */
    public long createOutside(String apiKey, long offerId, String label) {
        if (!market.knows(apiKey)) {
            throw new IllegalArgumentException("unknown sandbox account (add it with addAccount)");
        }
        RentRequest request =
                new RentRequest(offerId, "vastai/base-image:latest", 10, label, Json.object(), "ssh_proxy", null, null);
        Marketplace.Rented rented = market.rent(apiKey, request);
        if (rented.refusal() != null) {
            throw new IllegalArgumentException("offer " + offerId + " cannot be rented: " + rented.refusal());
        }
        return rented.rental().id();
    }

    /** Stops serving: closes the port, wakes requests held by a {@link Fault#TIMEOUT}, and ends the threads. */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Vast.ai sandbox threads did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Vast.ai sandbox on {} stopped", baseUrl);
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "vast-sandbox-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
