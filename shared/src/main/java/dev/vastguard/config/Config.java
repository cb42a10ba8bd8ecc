package dev.vastguard.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a function reads from its environment, read once at start-up and validated.
 *
 * <p>This is the only place that knows the variable names; nothing else calls {@code System.getenv}.
 *
 * @param tables the DynamoDB table names
 * @param reportsBucket the S3 bucket for reports ({@code REPORTS_BUCKET})
 * @param vastApiUrl the Vast.ai API base URL ({@code VAST_API_URL}, default {@code https://console.vast.ai})
 * @param sweepInterval the time between scheduled sweeps ({@code SWEEP_INTERVAL}, ISO-8601, default
 *     {@code PT1H}); admission control reserves spend up to the next sweep
 * @param secretCacheTtl how long a team's Vast.ai key is cached per container ({@code SECRET_CACHE_TTL},
 *     default {@code PT5M})
 * @param alertTopicArn the SNS topic for budget notifications ({@code ALERT_TOPIC_ARN}), if any
 * @param vastTimeout the per-request timeout for Vast.ai ({@code VAST_TIMEOUT}, default {@code PT30S})
 * @param vastMaxAttempts attempts for retryable Vast.ai calls ({@code VAST_MAX_ATTEMPTS}, default 4)
 * @param vastBackoff the first retry delay for Vast.ai, doubled each time with jitter ({@code VAST_BACKOFF},
 *     default {@code PT1S})
 */
public record Config(
        Tables tables,
        String reportsBucket,
        URI vastApiUrl,
        Duration sweepInterval,
        Duration secretCacheTtl,
        Optional<String> alertTopicArn,
        Duration vastTimeout,
        int vastMaxAttempts,
        Duration vastBackoff) {

    /**
     * The DynamoDB table names.
     *
     * @param teams {@code TEAMS_TABLE}
     * @param principals {@code PRINCIPALS_TABLE}
     * @param instances {@code INSTANCES_TABLE}
     * @param ledger {@code LEDGER_TABLE}
     * @param audit {@code AUDIT_TABLE}
     * @param idempotency {@code IDEMPOTENCY_TABLE}
     */
    public record Tables(
            String teams, String principals, String instances, String ledger, String audit, String idempotency) {

        /**
         * The tables by logical name, as the local runner reports them.
         *
         * @return logical name to table name
         */
        public Map<String, String> byLogicalName() {
            return Map.of(
                    "teams", teams,
                    "principals", principals,
                    "instances", instances,
                    "ledger", ledger,
                    "audit", audit,
                    "idempotency", idempotency);
        }

        /**
         * Table names that share a prefix, for tests and the local runner.
         *
         * @param prefix for example {@code vastguard-local-}
         * @return the names
         */
        public static Tables withPrefix(String prefix) {
            return new Tables(
                    prefix + "teams",
                    prefix + "principals",
                    prefix + "instances",
                    prefix + "ledger",
                    prefix + "audit",
                    prefix + "idempotency");
        }
    }

    /**
     * Reads and validates the configuration.
     *
     * @param env the environment, usually {@code System.getenv()}
     * @return the configuration
     * @throws IllegalStateException naming the first variable that is missing or malformed
     */
    public static Config fromEnvironment(Map<String, String> env) {
        Tables tables = new Tables(
                required(env, "TEAMS_TABLE"),
                required(env, "PRINCIPALS_TABLE"),
                required(env, "INSTANCES_TABLE"),
                required(env, "LEDGER_TABLE"),
                required(env, "AUDIT_TABLE"),
                required(env, "IDEMPOTENCY_TABLE"));
        return new Config(
                tables,
                env.getOrDefault("REPORTS_BUCKET", ""),
                uri(env, "VAST_API_URL", "https://console.vast.ai"),
                duration(env, "SWEEP_INTERVAL", "PT1H"),
                duration(env, "SECRET_CACHE_TTL", "PT5M"),
                Optional.ofNullable(env.get("ALERT_TOPIC_ARN")).filter(s -> !s.isBlank()),
                duration(env, "VAST_TIMEOUT", "PT30S"),
                integer(env, "VAST_MAX_ATTEMPTS", 4),
                duration(env, "VAST_BACKOFF", "PT1S"));
    }

    /**
     * Reads the configuration from the process environment.
     *
     * @return the configuration
     * @throws IllegalStateException naming the first variable that is missing or malformed
     */
    public static Config fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is required");
        }
        return value;
    }

    private static URI uri(Map<String, String> env, String name, String fallback) {
        String value = env.getOrDefault(name, fallback);
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not absolute");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variable " + name + " is not an absolute URL", e);
        }
    }

    private static Duration duration(Map<String, String> env, String name, String fallback) {
        try {
            Duration value = Duration.parse(env.getOrDefault(name, fallback));
            if (value.isNegative() || value.isZero()) {
                throw new IllegalStateException("environment variable " + name + " must be a positive duration");
            }
            return value;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "environment variable " + name + " must be an ISO-8601 duration such as PT1H", e);
        }
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 1) {
                throw new IllegalStateException("environment variable " + name + " must be at least 1");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + name + " must be a whole number", e);
        }
    }
}
