package dev.vastguard.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The local runner's settings, read once from its environment.
 *
 * @param port the HTTP port on 127.0.0.1 ({@code VASTGUARD_PORT}, default 3000)
 * @param awsEndpoint an AWS endpoint to use ({@code AWS_ENDPOINT_URL}); empty: start moto_server
 * @param vastApiUrl a Vast.ai API to use ({@code VAST_API_URL}); empty: start the embedded sandbox
 * @param seed a seed file ({@code VASTGUARD_SEED}); empty: the example seed
 * @param sweepInterval time between scheduled sweeps on the local clock ({@code VASTGUARD_SWEEP_INTERVAL})
 * @param environment the whole environment, for finding moto_server and AWS defaults
 */
record LocalSettings(
        int port,
        Optional<URI> awsEndpoint,
        Optional<URI> vastApiUrl,
        Optional<Path> seed,
        Duration sweepInterval,
        Map<String, String> environment) {

    static LocalSettings fromEnvironment(Map<String, String> env) {
        return new LocalSettings(
                port(env.getOrDefault("VASTGUARD_PORT", "3000")),
                optional(env, "AWS_ENDPOINT_URL").map(URI::create),
                optional(env, "VAST_API_URL").map(URI::create),
                optional(env, "VASTGUARD_SEED").map(Path::of),
                interval(env.getOrDefault("VASTGUARD_SWEEP_INTERVAL", "PT1H")),
                Map.copyOf(env));
    }

    static LocalSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Whether the environment sets a variable to something non-blank. */
    boolean has(String variable) {
        return optional(environment, variable).isPresent();
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("VASTGUARD_PORT must be a port number, got " + text);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("VASTGUARD_PORT must be a port number, got " + text, e);
        }
    }

    private static Duration interval(String text) {
        try {
            Duration interval = Duration.parse(text.trim());
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("VASTGUARD_SWEEP_INTERVAL must be positive, got " + text);
            }
            return interval;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "VASTGUARD_SWEEP_INTERVAL must be an ISO-8601 duration such as PT1H, got " + text, e);
        }
    }
}
