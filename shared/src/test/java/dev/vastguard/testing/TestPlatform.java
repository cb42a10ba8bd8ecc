package dev.vastguard.testing;

import dev.vastguard.config.Config;
import dev.vastguard.platform.Platform;
import dev.vastguard.vast.VastClientFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@link Platform} made of in-memory fakes, for unit tests of use cases and handlers. Every part is reachable so
 * a test can arrange state and inspect effects.
 */
public final class TestPlatform {

    /** The clock, standing at 2026-11-10T00:00:00Z until moved. */
    public final MutableClock clock = MutableClock.at("2026-11-10T00:00:00Z");

    /** Teams. */
    public final InMemoryTeamRepository teams = new InMemoryTeamRepository();

    /** Principals. */
    public final InMemoryPrincipalRepository principals = new InMemoryPrincipalRepository();

    /** Instances, reservations and the ledger. */
    public final InMemoryInstanceStore instances = new InMemoryInstanceStore(teams);

    /** The audit log. */
    public final InMemoryAuditLog audit = new InMemoryAuditLog();

    /** Idempotency keys. */
    public final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();

    /** Keys; {@code vastguard/teams/test/vast-api-key} holds {@code test-key}. */
    public final SimpleFakes.Keys keys = new SimpleFakes.Keys().put("vastguard/teams/test/vast-api-key", "test-key");

    /** The marketplace. */
    public final FakeVast vast = new FakeVast(clock);

    /** Notifications. */
    public final SimpleFakes.Notifications notifications = new SimpleFakes.Notifications();

    /** The reports bucket. */
    public final SimpleFakes.Reports reports = new SimpleFakes.Reports(clock);

    /**
     * The configuration: hourly sweeps, fast Vast.ai retries.
     *
     * @return the configuration
     */
    public static Config config() {
        return new Config(
                Config.Tables.withPrefix("test-"),
                "test-reports",
                URI.create("http://127.0.0.1:9"),
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                Optional.empty(),
                Duration.ofSeconds(2),
                2,
                Duration.ofMillis(1));
    }

    /**
     * The platform over these fakes.
     *
     * @return the platform
     */
    public Platform platform() {
        return platform(config(), vast);
    }

    /**
     * The platform over these fakes, with another configuration and another way to reach Vast.ai (the sandbox over
     * HTTP, or a decorator over the fake market).
     *
     * @param config the configuration
     * @param vastClients the Vast.ai client factory
     * @return the platform
     */
    public Platform platform(Config config, VastClientFactory vastClients) {
        return new Platform(
                config,
                clock,
                teams,
                principals,
                instances,
                instances,
                audit,
                idempotency,
                keys,
                vastClients,
                notifications,
                reports);
    }
}
