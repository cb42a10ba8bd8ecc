package dev.vastguard.local;

import static dev.vastguard.testing.Fixtures.aPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.config.Config;
import dev.vastguard.instance.DefaultInstanceService;
import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.instance.ProvisionCommand;
import dev.vastguard.ledger.ChargeCheck;
import dev.vastguard.local.sandbox.SandboxInstance;
import dev.vastguard.local.sandbox.VastSandbox;
import dev.vastguard.money.Money;
import dev.vastguard.outcome.Outcome;
import dev.vastguard.platform.Platform;
import dev.vastguard.reconcile.ChargeReconciler;
import dev.vastguard.reconcile.ReconcileSummary;
import dev.vastguard.report.ChargebackReports;
import dev.vastguard.sweep.Sweeper;
import dev.vastguard.team.BreachAction;
import dev.vastguard.team.GpuName;
import dev.vastguard.team.Policy;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.TestPlatform;
import dev.vastguard.vast.HttpVastClientFactory;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A month of three teams against the Vast.ai sandbox: rentals, stops, starts and destroys through the product at
 * any time; host outages, destroys and rentals done outside vastguard; budget breaches and the daily resets; hourly
 * sweeps and the nightly reconciliation. The product's ledger must agree with the sandbox's own billing meter.
 *
 * <p>Repositories are the in-memory fakes (DynamoDB behaviour has its own integration tests); Vast.ai is the sandbox
 * over HTTP through the product's real client. Instances boot at once, and what happens at Vast.ai behind
 * vastguard's back happens at a sweep: the sweeper can only know the state it lists, so what changed between two
 * sweeps is billed at the state seen and left to the nightly reconciliation, which this test checks separately.
 */
class MonthSimulationTest {

    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 1);
    private static final int DAYS = 31;
    private static final Duration STEP = Duration.ofMinutes(15);
    private static final Duration SWEEP_INTERVAL = Duration.ofHours(1);
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final String PRINCIPAL = "arn:aws:sts::123456789012:assumed-role/sim/simulation";
    /** An RTX 3060 offer of the sandbox's default market, rented outside vastguard. */
    private static final long CHEAP_OFFER = 5_000_132L;

    private final TestPlatform fakes = new TestPlatform();
    private final Random random = new Random(20_261_001L);
    private final List<SimTeam> teams = List.of(
            new SimTeam(
                    "sim-vision",
                    "sim-key-vision",
                    "RTX_4090",
                    aPolicy()
                            .gpus("RTX_4090", "RTX_3090")
                            .maxInstances(6)
                            .dailyBudget("12.00")
                            .maxDph("1.00")),
            new SimTeam(
                    "sim-llm",
                    "sim-key-llm",
                    "A100",
                    aPolicy()
                            .gpus("A100", "H100_SXM")
                            .maxInstances(3)
                            .dailyBudget("40.00")
                            .maxDph("2.50")),
            new SimTeam(
                    "sim-students",
                    "sim-key-students",
                    "RTX_3090",
                    aPolicy()
                            .gpus("RTX_3090", "RTX_3060")
                            .maxInstances(4)
                            .dailyBudget("3.00")
                            .maxDph("0.30")
                            .onBreach(BreachAction.DESTROY)));

    private VastSandbox sandbox;
    private Platform platform;
    private DefaultInstanceService service;
    private Sweeper sweeper;
    private ChargeReconciler reconciler;

    private final Map<String, Map<LocalDate, BigDecimal>> meterAtMidnight = new HashMap<>();
    private final Map<String, Map<LocalDate, Money>> outsideRates = new HashMap<>();
    private final Map<LocalDate, ReconcileSummary> reconciled = new HashMap<>();
    private final Set<Long> offline = new HashSet<>();
    private int rented;
    private int destroyedOutside;
    private int outages;
    private int createdOutside;

    @BeforeEach
    void startSandboxAndProduct() {
        fakes.clock.set(START);
        sandbox = VastSandbox.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), fakes.clock);
        sandbox.seedDefaultOffers();
        sandbox.faults().setBootTimes(Duration.ZERO, Duration.ZERO);
        Config config = config(sandbox);
        for (SimTeam team : teams) {
            sandbox.addAccount(team.key());
            String secret = "vastguard/teams/" + team.id() + "/vast-api-key";
            fakes.keys.put(secret, team.key());
            fakes.teams.putPolicy(
                    team.teamId(), team.policy().vastSecretId(secret).build());
        }
        platform = fakes.platform(config, HttpVastClientFactory.create(config));
        service = new DefaultInstanceService(platform);
        sweeper = new Sweeper(platform);
        reconciler = new ChargeReconciler(platform);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void month_ledgerAgreesWithTheSandboxMeterAndNoTeamPassesItsOverspendBound() {
        Instant end = START.plus(Duration.ofDays(DAYS));
        for (Instant now = START; now.isBefore(end); now = now.plus(STEP)) {
            fakes.clock.set(now);
            boolean sweepDue = now.getEpochSecond() % SWEEP_INTERVAL.toSeconds() == 0;
            if (isMidnight(now)) {
                readMeters(now);
            }
            if (sweepDue) {
                createOutsideBeforeTheSweep(now);
                sweeper.sweep(now);
                changeBehindVastguardsBack();
            }
            if (now.equals(midnight(now).plus(Duration.ofMinutes(30)))) {
                LocalDate yesterday = day(now).minusDays(1);
                reconciled.put(yesterday, reconciler.reconcile(yesterday));
            }
            for (SimTeam team : teams) {
                act(team);
            }
        }
        fakes.clock.set(end);
        readMeters(end);
        sweeper.sweep(end);

        for (SimTeam team : teams) {
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = FIRST_DAY.plusDays(d);
                BigDecimal metered = meterAtMidnight
                        .get(team.id())
                        .get(day.plusDays(1))
                        .subtract(meterAtMidnight.get(team.id()).get(day));
                Money ledger = platform.ledger().daySpend(team.teamId(), day);
                assertThat(ledger.toDollars().subtract(metered).abs())
                        .as("%s on %s: ledger %s, meter %s", team.id(), day, ledger, metered)
                        .isLessThanOrEqualTo(CENT);
                assertThat(ledger)
                        .as("%s on %s stays within its budget plus the README's bound", team.id(), day)
                        .isLessThanOrEqualTo(bound(team, day));
                reconciledCheck(team, day)
                        .ifPresent(check -> assertThat(check.charged()
                                        .toDollars()
                                        .subtract(metered)
                                        .abs())
                                .as(
                                        "%s on %s: Vast.ai's charges (3 decimals per contract) against the meter",
                                        team.id(), day)
                                .isLessThanOrEqualTo(CENT));
            }
        }
        moneyAddsUp();
        assertThat(rented).as("instances rented through vastguard").isGreaterThanOrEqualTo(50);
        assertThat(destroyedOutside).isPositive();
        assertThat(outages).isPositive();
        assertThat(createdOutside).isPositive();
        assertThat(fakes.audit.all())
                .extracting(event -> event.action().name())
                .contains("SUSPEND", "RESUME", "STOP", "DESTROY", "ADOPT", "CLOSE_OUT");
    }

    /**
     * Every figure is the sum of its parts to the micro-dollar: each instance's accrued cost is the sum of its ledger
     * lines, and the month's report gives each team the sum of its lines, which is the ledger's month total.
     */
    private void moneyAddsUp() {
        YearMonth october = YearMonth.from(FIRST_DAY);
        new ChargebackReports(platform).write(october);
        Map<String, BigDecimal> reportTotals = column("reports/2026/10/totals.csv", 1);
        Map<String, BigDecimal> reportLines = column("reports/2026/10/chargeback.csv", 7);
        for (SimTeam team : teams) {
            Map<Long, Money> perInstance = new HashMap<>();
            platform.ledger()
                    .lines(team.teamId(), october)
                    .forEach(line -> perInstance.merge(line.instanceId(), line.cost(), Money::plus));
            for (Instance instance : platform.instances().list(team.teamId())) {
                assertThat(perInstance.getOrDefault(instance.id(), Money.ZERO))
                        .as("%s instance %d: its ledger lines against its accrued cost", team.id(), instance.id())
                        .isEqualTo(instance.accruedCost());
            }
            BigDecimal month =
                    platform.ledger().monthSpend(team.teamId(), october).toDollars();
            assertThat(reportTotals.get(team.id())).isEqualByComparingTo(month);
            assertThat(reportLines.get(team.id())).isEqualByComparingTo(month);
        }
    }

    /** Sums one column of a report per team (the first column). */
    private Map<String, BigDecimal> column(String key, int index) {
        String csv = new String(fakes.reports.objects().get(key), StandardCharsets.UTF_8);
        Map<String, BigDecimal> sums = new HashMap<>();
        csv.lines()
                .skip(1)
                .map(row -> row.split(",", -1))
                .forEach(cells -> sums.merge(cells[0], new BigDecimal(cells[index]), BigDecimal::add));
        return sums;
    }

    /** One team's move in a quarter hour: mostly nothing, sometimes a rental, a stop, a start or a destroy. */
    private void act(SimTeam team) {
        int roll = random.nextInt(100);
        List<Instance> live = service.list(team.teamId());
        if (roll < 12) {
            Outcome<Instance> outcome = service.provision(new ProvisionCommand(
                    team.teamId(),
                    PRINCIPAL,
                    GpuName.of(team.gpu()),
                    1,
                    "pytorch/pytorch:latest",
                    20,
                    Optional.empty(),
                    Optional.empty()));
            if (outcome instanceof Outcome.Ok<Instance>) {
                rented++;
            }
        } else if (roll < 15) {
            pick(live, InstanceStatus.RUNNING).ifPresent(i -> service.stop(team.teamId(), PRINCIPAL, i.id()));
        } else if (roll < 18) {
            pick(live, InstanceStatus.STOPPED)
                    .filter(i -> !offline.contains(i.id()))
                    .ifPresent(i -> service.start(team.teamId(), PRINCIPAL, i.id()));
        } else if (roll < 22 && !live.isEmpty()) {
            Instance victim = live.get(random.nextInt(live.size()));
            if (!offline.contains(victim.id())) {
                service.destroy(team.teamId(), PRINCIPAL, victim.id());
            }
        }
    }

    /** Right after a sweep: a host goes down or comes back, or someone destroys an instance in Vast.ai's console. */
    private void changeBehindVastguardsBack() {
        for (SimTeam team : teams) {
            List<SandboxInstance> alive = sandbox.instances(team.key()).stream()
                    .filter(i -> i.destroyedAt().isEmpty())
                    .toList();
            if (alive.isEmpty()) {
                continue;
            }
            SandboxInstance instance = alive.get(random.nextInt(alive.size()));
            int roll = random.nextInt(100);
            if (offline.contains(instance.id()) && roll < 30) {
                sandbox.setHostOffline(instance.id(), false);
                offline.remove(instance.id());
            } else if (!offline.contains(instance.id()) && roll < 3) {
                sandbox.setHostOffline(instance.id(), true);
                offline.add(instance.id());
                outages++;
            } else if (!offline.contains(instance.id()) && roll < 5) {
                sandbox.destroyOutside(team.key(), instance.id());
                destroyedOutside++;
            }
        }
    }

    /** Now and then someone rents a cheap GPU in the console, just before a sweep finds and adopts it. */
    private void createOutsideBeforeTheSweep(Instant now) {
        for (SimTeam team : teams) {
            if (random.nextInt(400) == 0) {
                sandbox.createOutside(team.key(), CHEAP_OFFER, null);
                createdOutside++;
                outsideRates
                        .computeIfAbsent(team.id(), t -> new HashMap<>())
                        .merge(day(now), Money.ofDollars("0.10"), Money::plus);
            }
        }
    }

    private Optional<Instance> pick(List<Instance> live, InstanceStatus status) {
        List<Instance> matching =
                live.stream().filter(i -> i.status() == status).toList();
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(random.nextInt(matching.size())));
    }

    private void readMeters(Instant now) {
        for (SimTeam team : teams) {
            meterAtMidnight
                    .computeIfAbsent(team.id(), t -> new HashMap<>())
                    .put(day(now), sandbox.meterTotal(team.key()));
        }
    }

    /**
     * The README's worst case for a day: the budget plus every instance slot burning at the price cap for one sweep
     * interval, plus the same interval of what was rented outside vastguard that day (admission never saw it).
     */
    private Money bound(SimTeam team, LocalDate day) {
        Policy policy = fakes.teams.find(team.teamId()).orElseThrow().policy();
        Money burn = policy.maxDph().times(policy.maxInstances());
        Money outside = outsideRates.getOrDefault(team.id(), Map.of()).entrySet().stream()
                .filter(e -> !e.getKey().isAfter(day))
                .map(Map.Entry::getValue)
                .reduce(Money.ZERO, Money::plus);
        return policy.dailyBudget().plus(Money.forSeconds(burn.plus(outside), SWEEP_INTERVAL.toSeconds()));
    }

    private Optional<ChargeCheck> reconciledCheck(SimTeam team, LocalDate day) {
        return Optional.ofNullable(reconciled.get(day))
                .flatMap(summary -> summary.teams().stream()
                        .map(ReconcileSummary.TeamResult::check)
                        .filter(check -> check.team().equals(team.teamId()))
                        .findFirst());
    }

    private static boolean isMidnight(Instant now) {
        return now.equals(midnight(now));
    }

    private static Instant midnight(Instant now) {
        return day(now).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static LocalDate day(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    private static Config config(VastSandbox sandbox) {
        Config base = TestPlatform.config();
        return new Config(
                base.tables(),
                base.reportsBucket(),
                sandbox.baseUrl(),
                SWEEP_INTERVAL,
                base.secretCacheTtl(),
                base.alertTopicArn(),
                Duration.ofSeconds(10),
                base.vastMaxAttempts(),
                base.vastBackoff());
    }

    /**
     * A simulated team.
     *
     * @param id the team id
     * @param key its Vast.ai key at the sandbox
     * @param gpu what it rents
     * @param policy its policy, without the secret
     */
    private record SimTeam(String id, String key, String gpu, dev.vastguard.testing.Fixtures.PolicyBuilder policy) {
        TeamId teamId() {
            return TeamId.of(id);
        }
    }
}
