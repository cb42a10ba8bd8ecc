package dev.vastguard.local;

import static dev.vastguard.testing.Fixtures.aPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.config.Config;
import dev.vastguard.emulator.SerializedWritesDynamoDbClient;
import dev.vastguard.instance.DefaultInstanceService;
import dev.vastguard.instance.Instance;
import dev.vastguard.instance.ProvisionCommand;
import dev.vastguard.ledger.ChargeCheck;
import dev.vastguard.local.sandbox.VastSandbox;
import dev.vastguard.money.Money;
import dev.vastguard.outcome.Outcome;
import dev.vastguard.platform.AwsClients;
import dev.vastguard.platform.AwsFixture;
import dev.vastguard.platform.AwsResources;
import dev.vastguard.platform.Platform;
import dev.vastguard.platform.PlatformFactory;
import dev.vastguard.reconcile.ChargeReconciler;
import dev.vastguard.reconcile.ReconcileSummary;
import dev.vastguard.report.ChargebackReports;
import dev.vastguard.sweep.Sweeper;
import dev.vastguard.team.GpuName;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.MotoServer;
import dev.vastguard.testing.MutableClock;
import dev.vastguard.testing.SimpleFakes;
import dev.vastguard.vast.HttpVastClientFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reconciliation end to end: the product rents and sweeps through the HTTP client against the Vast.ai sandbox, on
 * DynamoDB in moto, and the reconciler then compares the ledger with the sandbox's charges for the day.
 */
@ExtendWith(MotoServer.class)
class ReconcileAgainstSandboxIT {

    private static final LocalDate DAY = LocalDate.parse("2026-11-10");
    private static final String KEY = "it-key-reconcile";
    private static final String IDLE_KEY = "it-key-reconcile-idle";
    private static final TeamId TEAM = TeamId.of("recon-ml");
    private static final TeamId IDLE = TeamId.of("recon-idle");
    private static final TeamId NO_SECRET = TeamId.of("recon-no-secret");
    private static final TeamId UNKNOWN_KEY = TeamId.of("recon-unknown-key");
    private static final String PRINCIPAL = "arn:aws:iam::123456789012:role/ml";
    private static final Money CENT = Money.ofDollars("0.01");

    private static final MutableClock CLOCK = MutableClock.at("2026-11-10T08:00:00Z");
    private static final SimpleFakes.Notifications NOTIFICATIONS = new SimpleFakes.Notifications();

    private static VastSandbox sandbox;
    private static Platform platform;

    @BeforeAll
    static void startSandboxAndPlatform() {
        sandbox = VastSandbox.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), CLOCK);
        sandbox.seedDefaultOffers();
        sandbox.addAccount(KEY);
        sandbox.addAccount(IDLE_KEY);
        String prefix = AwsFixture.uniquePrefix();
        Config config = config(prefix, sandbox.baseUrl());
        AwsClients clients = emulatorSafe(AwsFixture.clients());
        AwsResources.ensureTables(clients.dynamoDb(), config.tables());
        AwsResources.ensureBucket(clients.s3(), config.reportsBucket());
        String secret = "vastguard/" + prefix + "ml";
        String idleSecret = "vastguard/" + prefix + "idle";
        String unknownSecret = "vastguard/" + prefix + "unknown";
        clients.secretsManager().createSecret(r -> r.name(secret).secretString(KEY));
        clients.secretsManager().createSecret(r -> r.name(idleSecret).secretString(IDLE_KEY));
        clients.secretsManager().createSecret(r -> r.name(unknownSecret).secretString("not-a-sandbox-key"));
        platform = PlatformFactory.create(config, CLOCK, NOTIFICATIONS, HttpVastClientFactory.create(config), clients);
        platform.teams().putPolicy(TEAM, aPolicy().vastSecretId(secret).build());
        platform.teams().putPolicy(IDLE, aPolicy().vastSecretId(idleSecret).build());
        platform.teams()
                .putPolicy(
                        NO_SECRET,
                        aPolicy()
                                .vastSecretId("vastguard/" + prefix + "missing")
                                .build());
        platform.teams()
                .putPolicy(UNKNOWN_KEY, aPolicy().vastSecretId(unknownSecret).build());
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void reconcile_dayRentedStoppedAndSwept_agreesWithTheSandboxWithinACentAndRerunsIdentically() {
        // given: rented at 08:00, swept hourly, stopped at 20:30 and kept (storage) past midnight
        long id = provision();
        sweepAt("2026-11-10T08:01:00Z");
        for (int hour = 9; hour <= 20; hour++) {
            sweepAt(String.format("2026-11-10T%02d:00:00Z", hour));
        }
        CLOCK.set(Instant.parse("2026-11-10T20:30:00Z"));
        assertThat(new DefaultInstanceService(platform).stop(TEAM, PRINCIPAL, id))
                .isInstanceOf(Outcome.Ok.class);
        sweepAt("2026-11-10T22:00:00Z");
        sweepAt("2026-11-11T00:00:00Z");
        BigDecimal meteredOnTheDay = sandbox.meter(KEY, id);
        sweepAt("2026-11-11T00:15:00Z");
        CLOCK.set(Instant.parse("2026-11-11T00:30:00Z"));
        ChargeReconciler reconciler = new ChargeReconciler(platform);

        // when
        ReconcileSummary first = reconciler.reconcile(DAY);
        ReconcileSummary second = reconciler.reconcile(DAY);

        // then: one row for the instance, the sandbox's amount, the ledger's cost, within a cent
        ChargeCheck check = result(first, TEAM).check();
        assertThat(check.instances())
                .extracting(ChargeCheck.PerInstance::instanceId)
                .containsExactly(id);
        assertThat(check.ledger()).isEqualTo(platform.ledger().daySpend(TEAM, DAY));
        assertThat(check.charged().toDollars()).isEqualByComparingTo(meteredOnTheDay.setScale(3, RoundingMode.HALF_UP));
        assertThat(check.ledger()).isGreaterThan(Money.ofDollars("2.00"));
        assertThat(Math.abs(check.difference().micros())).isLessThanOrEqualTo(CENT.micros());
        assertThat(result(first, TEAM).overTolerance()).isFalse();
        assertThat(result(second, TEAM).check().instances()).isEqualTo(check.instances());
        assertThat(platform.ledger().chargeChecks(TEAM, YearMonth.from(DAY)))
                .singleElement()
                .satisfies(stored -> assertThat(stored.instances()).isEqualTo(check.instances()));
        assertThat(NOTIFICATIONS.all()).noneMatch(n -> n.subject().contains(TEAM.value()));

        // and the month's totals carry both figures, byte for byte the same on a re-run
        ChargebackReports reports = new ChargebackReports(platform);
        reports.write(YearMonth.from(DAY));
        String totals = totals();
        reports.write(YearMonth.from(DAY));
        assertThat(totals()).isEqualTo(totals);
        assertThat(totals)
                .startsWith("team,cost,vast_charged,difference,reconciled_days\n")
                .contains(TEAM.value() + ","
                        + platform.ledger()
                                .monthSpend(TEAM, YearMonth.from(DAY))
                                .toDollars()
                                .toPlainString() + ","
                        + check.charged().toDollars().toPlainString() + ","
                        + check.difference().toDollars().toPlainString() + ",1\n")
                .contains(NO_SECRET.value() + ",0.000000,,,\n");
    }

    @Test
    void reconcile_teamsWithoutUsageOrWithBrokenKeys_areComparedOrReportedWithoutStoppingTheOthers() {
        CLOCK.set(Instant.parse("2026-11-11T00:30:00Z"));

        ReconcileSummary summary = new ChargeReconciler(platform).reconcile(DAY);

        assertThat(result(summary, IDLE).check().charged()).isEqualTo(Money.ZERO);
        assertThat(result(summary, IDLE).check().ledger()).isEqualTo(Money.ZERO);
        assertThat(summary.failures())
                .extracting(ReconcileSummary.Failure::team)
                .containsExactly(NO_SECRET, UNKNOWN_KEY);
        assertThat(summary.failures().get(0).reason()).contains("could not be read");
        assertThat(summary.failures().get(1).reason())
                .contains("refused the team's API key")
                .doesNotContain("not-a-sandbox-key");
    }

    private static long provision() {
        CLOCK.set(Instant.parse("2026-11-10T08:00:00Z"));
        Outcome<Instance> outcome = new DefaultInstanceService(platform)
                .provision(new ProvisionCommand(
                        TEAM,
                        PRINCIPAL,
                        GpuName.of("RTX_3090"),
                        1,
                        "pytorch/pytorch",
                        10,
                        Optional.empty(),
                        Optional.empty()));
        assertThat(outcome).isInstanceOf(Outcome.Ok.class);
        return ((Outcome.Ok<Instance>) outcome).value().id();
    }

    private static void sweepAt(String instant) {
        CLOCK.set(Instant.parse(instant));
        new Sweeper(platform).sweep(CLOCK.instant());
    }

    private static ReconcileSummary.TeamResult result(ReconcileSummary summary, TeamId team) {
        return summary.teams().stream()
                .filter(result -> result.check().team().equals(team))
                .findFirst()
                .orElseThrow();
    }

    private static String totals() {
        return new String(
                AwsFixture.clients()
                        .s3()
                        .getObjectAsBytes(
                                r -> r.bucket(platform.reports().bucket()).key("reports/2026/11/totals.csv"))
                        .asByteArray(),
                StandardCharsets.UTF_8);
    }

    private static Config config(String prefix, URI vastUrl) {
        return new Config(
                Config.Tables.withPrefix(prefix),
                prefix + "reports",
                vastUrl,
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                Optional.empty(),
                Duration.ofSeconds(5),
                2,
                Duration.ofMillis(10));
    }

    /** Emulators do not isolate concurrent transactions; the sweep's pool runs teams in parallel. */
    private static AwsClients emulatorSafe(AwsClients clients) {
        return clients.withDynamoDb(new SerializedWritesDynamoDbClient(clients.dynamoDb()));
    }
}
