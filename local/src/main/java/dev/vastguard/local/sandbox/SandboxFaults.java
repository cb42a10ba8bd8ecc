package dev.vastguard.local.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fault injection and timing knobs of a {@link VastSandbox}. Thread-safe: tests and the local runner change it while
 * the sandbox serves requests.
 */
public final class SandboxFaults {

    private static final Duration DEFAULT_TIMEOUT_DELAY = Duration.ofSeconds(3);

    private final List<Rule> rules = new ArrayList<>();
    private final Map<Long, Integer> stock = new HashMap<>();
    private Duration timeoutDelay = DEFAULT_TIMEOUT_DELAY;
    private BootTimes bootTimes = BootTimes.DEFAULT;
    private Duration startDelay = Duration.ZERO;

    SandboxFaults() {}

    /**
     * Makes the next {@code count} requests that match fail with {@code fault}. Rules apply in the order they were
     * added; each request consumes at most one.
     *
     * @param method the HTTP method ({@code GET}, {@code PUT}, ...), or {@code *} for any
     * @param pathPrefix the start of the request path, for example {@code /api/v0/asks/}
     * @param count how many requests to fail, at least 1
     * @param fault what to do to them
     */
    public synchronized void failNext(String method, String pathPrefix, int count, Fault fault) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(fault, "fault");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        rules.add(new Rule(method.toUpperCase(Locale.ROOT), pathPrefix, fault, count));
    }

    /** Clears all pending faults and stock limits, and restores the default timings. */
    public synchronized void reset() {
        rules.clear();
        stock.clear();
        timeoutDelay = DEFAULT_TIMEOUT_DELAY;
        bootTimes = BootTimes.DEFAULT;
        startDelay = Duration.ZERO;
    }

    /**
     * Lets an offer be rented only {@code rentals} more times; after that it shows as not rentable and renting it
     * answers 410 {@code no_such_ask}. Offers are otherwise unlimited.
     *
     * @param offerId the offer
     * @param rentals how many more rentals succeed, 0 or more
     */
    public synchronized void limitStock(long offerId, int rentals) {
        if (rentals < 0) {
            throw new IllegalArgumentException("rentals must not be negative: " + rentals);
        }
        stock.put(offerId, rentals);
    }

    /**
     * Sets how long a {@link Fault#TIMEOUT} holds the response (real time, not the sandbox clock). Default 3 s.
     *
     * @param delay the delay
     */
    public synchronized void setTimeoutDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        timeoutDelay = delay;
    }

    /**
     * Sets how instances created from now on boot (sandbox clock). Default: {@code actual_status} null for 10 s, then
     * {@code loading}, then {@code running} from 60 s after creation.
     *
     * @param statusNullFor how long the status stays null
     * @param runningAfter when the instance runs, counted from creation; not before {@code statusNullFor}
     */
    public synchronized void setBootTimes(Duration statusNullFor, Duration runningAfter) {
        bootTimes = new BootTimes(statusNullFor, runningAfter);
    }

    /**
     * Sets how long a started instance stays {@code scheduling} before it runs again (sandbox clock). Default 0.
     *
     * @param delay the delay
     */
    public synchronized void setStartDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        startDelay = delay;
    }

    synchronized Optional<Fault> take(String method, String path) {
        Iterator<Rule> it = rules.iterator();
        while (it.hasNext()) {
            Rule rule = it.next();
            if (rule.matches(method, path)) {
                rule.remaining--;
                if (rule.remaining == 0) {
                    it.remove();
                }
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    synchronized boolean inStock(long offerId) {
        return stock.getOrDefault(offerId, 1) > 0;
    }

    /** Consumes one unit of a limited offer; call only after {@link #inStock} said yes. */
    synchronized void consumeStock(long offerId) {
        stock.computeIfPresent(offerId, (id, left) -> left - 1);
    }

    synchronized Duration timeoutDelay() {
        return timeoutDelay;
    }

    synchronized BootTimes bootTimes() {
        return bootTimes;
    }

    synchronized Duration startDelay() {
        return startDelay;
    }

    private static final class Rule {
        private final String method;
        private final String pathPrefix;
        private final Fault fault;
        private int remaining;

        Rule(String method, String pathPrefix, Fault fault, int remaining) {
            this.method = method;
            this.pathPrefix = pathPrefix;
            this.fault = fault;
            this.remaining = remaining;
        }

        boolean matches(String requestMethod, String path) {
            return ("*".equals(method) || method.equalsIgnoreCase(requestMethod)) && path.startsWith(pathPrefix);
        }
    }
}
