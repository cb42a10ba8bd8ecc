package dev.vastguard.function.sweeper;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.vastguard.platform.Platform;
import dev.vastguard.platform.PlatformFactory;
import dev.vastguard.reconcile.ChargeReconciler;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * Reconciles a UTC day's ledger with Vast.ai's charges, team by team. Triggered daily by the EventBridge Scheduler
 * schedule with the input {@code {"job":"reconcile","scheduledTime":"..."}} (reconciles the UTC day before that
 * time; a classic EventBridge scheduled event's {@code "time"} works too), or invoked with
 * {@code {"day":"2026-11-10"}} for a given day; with neither it reconciles the day before the clock's today.
 */
public final class ReconcilerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final ChargeReconciler reconciler;
    private final Clock clock;

    /** Creates the handler from the environment, once per container. */
    public ReconcilerHandler() {
        this(PlatformFactory.fromEnvironment());
    }

    /**
     * Creates the handler on a platform (the local runner's, or a test's).
     *
     * @param platform the platform
     */
    public ReconcilerHandler(Platform platform) {
        this.reconciler = new ChargeReconciler(platform);
        this.clock = platform.clock();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return reconciler
                .reconcile(day(Objects.requireNonNullElse(event, Map.of())))
                .toMap();
    }

    private LocalDate day(Map<String, Object> event) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Object day = event.get("day");
        if (day == null) {
            return LocalDate.ofInstant(scheduledTime(event), ZoneOffset.UTC).minusDays(1);
        }
        LocalDate parsed = parseDay(day);
        // Neither the ledger nor Vast.ai's charges are complete before the day is over.
        if (!parsed.isBefore(today)) {
            throw new IllegalArgumentException("day must be over (before " + today + "), got " + parsed);
        }
        return parsed;
    }

    private Instant scheduledTime(Map<String, Object> event) {
        Object time = event.containsKey("scheduledTime") ? event.get("scheduledTime") : event.get("time");
        if (time instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("scheduledTime must be an ISO-8601 instant, got '" + text + "'", e);
            }
        }
        return clock.instant();
    }

    private static LocalDate parseDay(Object day) {
        try {
            return LocalDate.parse(day.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("day must be YYYY-MM-DD, for example 2026-11-10; got '" + day + "'", e);
        }
    }
}
