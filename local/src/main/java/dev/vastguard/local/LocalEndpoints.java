package dev.vastguard.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vastguard.config.Config;
import java.io.IOException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The {@code /_local/} endpoints of the local runner contract: health, clock, sweep, report, notifications. */
final class LocalEndpoints {

    /** What {@code GET /_local/health} reports. */
    record Health(URI awsEndpoint, URI vastApiUrl, Config config) {}

    private final ObjectMapper json;
    private final LocalClock clock;
    private final LocalJobs jobs;
    private final RecordingNotifier notifications;
    private final Health health;

    LocalEndpoints(
            ObjectMapper json, LocalClock clock, LocalJobs jobs, RecordingNotifier notifications, Health health) {
        this.json = json;
        this.clock = clock;
        this.jobs = jobs;
        this.notifications = notifications;
        this.health = health;
    }

    Map<String, LocalApiServer.LocalEndpoint> all() {
        return Map.of(
                "/_local/health", only("GET", body -> health()),
                "/_local/clock", this::clock,
                "/_local/sweep", only("POST", body -> ok(json.valueToTree(jobs.sweepNow()))),
                "/_local/report", only("POST", this::report),
                "/_local/notifications", only("GET", body -> notifications()));
    }

    private LocalApiServer.LocalResponse health() {
        ObjectNode body = json.createObjectNode()
                .put("status", "ready")
                .put("aws_endpoint", health.awsEndpoint().toString())
                .put("vast_api_url", health.vastApiUrl().toString());
        ObjectNode tables = body.putObject("tables");
        new java.util.TreeMap<>(health.config().tables().byLogicalName()).forEach(tables::put);
        body.put("reports_bucket", health.config().reportsBucket());
        return ok(body);
    }

    private LocalApiServer.LocalResponse clock(String method, String body) {
        if (method.equals("GET")) {
            return now();
        }
        if (!method.equals("POST")) {
            throw new IllegalArgumentException("use GET or POST on /_local/clock");
        }
        JsonNode request = object(body);
        JsonNode set = request.get("set");
        JsonNode advance = request.get("advance_seconds");
        if ((set == null) == (advance == null) || request.size() != 1) {
            throw new IllegalArgumentException(
                    "send exactly one of {\"set\": \"<ISO instant>\"} or" + " {\"advance_seconds\": <whole seconds>}");
        }
        if (set != null) {
            Instant before = clock.instant();
            Instant after = clock.set(instant(set));
            jobs.clockMoved(before, after);
        } else {
            if (!advance.isIntegralNumber()
                    || !advance.canConvertToLong()
                    || advance.asLong() < 0
                    || advance.asLong() > LocalClock.MAX_OFFSET.toSeconds()) {
                throw new IllegalArgumentException("advance_seconds must be a whole number of seconds from 0 to "
                        + LocalClock.MAX_OFFSET.toSeconds());
            }
            clock.advance(Duration.ofSeconds(advance.asLong()));
        }
        return now();
    }

    private LocalApiServer.LocalResponse report(String body) {
        JsonNode request = object(body);
        JsonNode month = request.get("month");
        if (month == null || !month.isTextual() || request.size() != 1) {
            throw new IllegalArgumentException("send {\"month\": \"YYYY-MM\"}");
        }
        try {
            return ok(json.valueToTree(jobs.reportNow(YearMonth.parse(month.asText()))));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("month must be YYYY-MM, got " + month.asText(), e);
        }
    }

    private LocalApiServer.LocalResponse notifications() {
        ArrayNode list = json.createArrayNode();
        for (RecordingNotifier.Notification n : notifications.all()) {
            list.addObject()
                    .put("time", n.time().truncatedTo(ChronoUnit.SECONDS).toString())
                    .put("topic", n.topic())
                    .put("subject", n.subject())
                    .put("message", n.message());
        }
        ObjectNode body = json.createObjectNode();
        body.set("notifications", list);
        return ok(body);
    }

    private LocalApiServer.LocalResponse now() {
        return ok(json.createObjectNode()
                .put("now", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    private JsonNode object(String body) {
        JsonNode node;
        try {
            node = body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            // The parser's message quotes its internals; the caller only needs to know the JSON is broken.
            throw new IllegalArgumentException("the body is not valid JSON", e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return node;
    }

    private static Instant instant(JsonNode value) {
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("set must be an ISO-8601 UTC instant such as 2026-11-10T00:00:00Z", e);
        }
    }

    private static LocalApiServer.LocalResponse ok(JsonNode body) {
        return new LocalApiServer.LocalResponse(200, body);
    }

    private interface BodyHandler {
        LocalApiServer.LocalResponse handle(String body) throws IOException;
    }

    private static LocalApiServer.LocalEndpoint only(String allowed, BodyHandler handler) {
        return (method, body) -> {
            if (!method.equals(allowed)) {
                throw new IllegalArgumentException("use " + allowed + " on this endpoint");
            }
            return handler.handle(body);
        };
    }
}
