package dev.vastguard.function.sweeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.vastguard.platform.Platform;
import dev.vastguard.platform.PlatformFactory;
import dev.vastguard.sweep.Sweeper;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sweeps every team: accrues cost up to the scheduled time and enforces budgets. Triggered by the EventBridge
 * Scheduler schedule (hourly by default) with the input {@code {"job":"sweep","scheduledTime":"..."}}; a classic
 * EventBridge scheduled event ({@code "time"}) works too, and without either it sweeps up to the clock's now.
 */
public final class SweeperHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(SweeperHandler.class);

    private final Sweeper sweeper;
    private final Clock clock;

    /** Creates the handler from the environment, once per container. */
    public SweeperHandler() {
        this(PlatformFactory.fromEnvironment());
    }

    /**
     * Creates the handler on a platform (the local runner's, or a test's).
     *
     * @param platform the platform
     */
    public SweeperHandler(Platform platform) {
        this.sweeper = new Sweeper(platform);
        this.clock = platform.clock();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return sweeper.sweep(sweepTime(Objects.requireNonNullElse(event, Map.of())))
                .toMap();
    }

    private Instant sweepTime(Map<String, Object> event) {
        Object time = event.containsKey("scheduledTime") ? event.get("scheduledTime") : event.get("time");
        if (time instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                LOG.warn("scheduled time '{}' is not an ISO-8601 instant; sweeping up to now", text);
            }
        }
        return clock.instant();
    }
}
