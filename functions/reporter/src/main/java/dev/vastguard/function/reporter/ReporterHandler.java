package dev.vastguard.function.reporter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.vastguard.platform.Platform;
import dev.vastguard.platform.PlatformFactory;
import dev.vastguard.report.ChargebackReports;
import dev.vastguard.report.MonthlyReports;
import dev.vastguard.report.ReportResult;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a month's chargeback reports. Triggered monthly by the EventBridge Scheduler schedule with the input
 * {@code {"job":"report","scheduledTime":"..."}} (reports the month before that time), or invoked with
 * {@code {"month":"2026-11"}} for a given month; with neither it reports the month before the clock's now.
 */
public final class ReporterHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final MonthlyReports reports;
    private final Clock clock;

    /** Creates the handler from the environment, once per container. */
    public ReporterHandler() {
        this(PlatformFactory.fromEnvironment());
    }

    /**
     * Creates the handler on a platform (the local runner's, or a test's).
     *
     * @param platform the platform
     */
    public ReporterHandler(Platform platform) {
        this.reports = new ChargebackReports(platform);
        this.clock = platform.clock();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        ReportResult result = reports.write(month(Objects.requireNonNullElse(event, Map.of())));

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("bucket", result.bucket());
        response.put("keys", result.keys());
        return response;
    }

    private YearMonth month(Map<String, Object> event) {
        Object month = event.get("month");
        if (month != null) {
            return parseMonth(month);
        }
        return YearMonth.from(scheduledTime(event).atZone(ZoneOffset.UTC)).minusMonths(1);
    }

    private Instant scheduledTime(Map<String, Object> event) {
        if (event.get("scheduledTime") instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("scheduledTime must be an ISO-8601 instant, got '" + text + "'", e);
            }
        }
        return clock.instant();
    }

    private static YearMonth parseMonth(Object month) {
        try {
            return YearMonth.parse(month.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("month must be YYYY-MM, for example 2026-11; got '" + month + "'", e);
        }
    }
}
