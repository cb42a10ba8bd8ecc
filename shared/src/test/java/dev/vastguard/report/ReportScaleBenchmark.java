package dev.vastguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.ledger.BudgetPeriod;
import dev.vastguard.ledger.ChargeCheck;
import dev.vastguard.ledger.Ledger;
import dev.vastguard.ledger.LedgerLine;
import dev.vastguard.money.Money;
import dev.vastguard.platform.AwsClients;
import dev.vastguard.platform.AwsFixture;
import dev.vastguard.platform.AwsResources;
import dev.vastguard.platform.Platform;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.Fixtures;
import dev.vastguard.testing.MotoServer;
import dev.vastguard.testing.TestPlatform;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The month-size benchmark of the report writer: a month of {@value #TEAMS} teams with {@value #INSTANCES}
 * instances each, every instance billed on every day of a 30-day month (1,020,000 ledger lines), every day reconciled
 * with a charge per instance, written to S3 on moto through the real multipart store.
 *
 * <p>The ledger is generated as it is read, like DynamoDB's pages, so the figures measure the writer alone: its heap
 * (the JVM runs with the heap the benchmark script gives it), its resident memory and its time. It is a benchmark,
 * not a test: it runs only with {@code -Dvastguard.benchmark=true} (see {@code docs/benchmarks/report-scale}) and
 * writes its figures to {@code target/report-scale.txt}.
 */
@ExtendWith(MotoServer.class)
class ReportScaleBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(ReportScaleBenchmark.class);
    private static final int TEAMS = 1000;
    private static final int INSTANCES = 34;
    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final String[] GPUS = {"RTX 4090", "RTX 3090", "A100 SXM4", "H100 SXM", "L40S"};

    @Test
    void write_aMonthOfAMillionLedgerLines() throws IOException {
        Assumptions.assumeTrue(
                Boolean.getBoolean("vastguard.benchmark"), "a benchmark: run docs/benchmarks/report-scale");
        TestPlatform test = new TestPlatform();
        IntStream.range(0, TEAMS)
                .forEach(i -> test.teams.putPolicy(team(i), Fixtures.aPolicy().build()));
        AwsClients clients = AwsFixture.clients();
        String bucket = AwsFixture.uniquePrefix() + "scale";
        AwsResources.ensureBucket(clients.s3(), bucket);
        Platform base = test.platform();
        Platform platform = new Platform(
                base.config(),
                base.clock(),
                base.teams(),
                base.principals(),
                base.instances(),
                new GeneratedLedger(),
                base.audit(),
                base.idempotency(),
                base.keys(),
                base.vast(),
                base.notifier(),
                new S3ReportStore(clients.s3(), clients.s3Presigner(), bucket));

        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        ReportResult result = new ChargebackReports(platform).write(MONTH);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Duration cpu = Duration.ofNanos(processCpuNanos() - cpuBefore);

        List<String> figures = new ArrayList<>();
        figures.add("ledger lines: " + (long) TEAMS * INSTANCES * MONTH.lengthOfMonth());
        figures.add("wall time: " + took.toMillis() + " ms");
        figures.add("CPU time of the JVM (every thread, GC included): " + cpu.toMillis() + " ms");
        figures.add("max heap (-Xmx): " + mib(Runtime.getRuntime().maxMemory()));
        figures.add("peak heap used: " + mib(peakHeap()));
        figures.add("peak resident set (VmHWM): " + residentPeak());
        for (String key : result.keys()) {
            long bytes = clients.s3().headObject(r -> r.bucket(bucket).key(key)).contentLength();
            figures.add(String.format(Locale.ROOT, "%s: %s", key, mib(bytes)));
        }
        List<FocusChecker.Violation> violations;
        try (Reader focus = new InputStreamReader(
                clients.s3().getObject(r -> r.bucket(bucket).key(ChargebackReports.prefix(MONTH) + "focus.csv")),
                StandardCharsets.UTF_8)) {
            violations = FocusChecker.requiring(FocusCsvTest.CONDITIONAL).check(focus);
        }
        figures.add("focus.csv rows breaking a FOCUS 1.2 rule (checked after the timing): " + violations.size());
        figures.add("java: " + System.getProperty("java.version") + ", cores: "
                + Runtime.getRuntime().availableProcessors());
        Files.write(Path.of("target", "report-scale.txt"), figures);
        figures.forEach(line -> LOG.info("benchmark: {}", line));
        assertThat(result.keys()).hasSize(6);
        assertThat(violations).isEmpty();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static TeamId team(int i) {
        return TeamId.of(String.format(Locale.ROOT, "team-%04d", i));
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(usage -> usage.getUsed())
                .sum();
    }

    private static String residentPeak() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown (no /proc)";
        }
        return Files.readAllLines(status).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .map(line -> line.substring("VmHWM:".length()).trim())
                .findFirst()
                .orElse("unknown");
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /**
     * A ledger whose lines are computed as they are read: every team's instances ran a varying part of every day of
     * the month at prices between $0.20 and $3.00 an hour. Nothing is held, as with DynamoDB's pages.
     */
    private static final class GeneratedLedger implements Ledger {

        @Override
        public Stream<LedgerLine> streamLines(TeamId team, YearMonth month) {
            int teamNumber = Integer.parseInt(team.value().substring("team-".length()));
            return IntStream.rangeClosed(1, month.lengthOfMonth())
                    .mapToObj(month::atDay)
                    .flatMap(day -> IntStream.range(0, INSTANCES).mapToObj(i -> line(team, teamNumber, day, i)));
        }

        private static LedgerLine line(TeamId team, int teamNumber, LocalDate day, int instance) {
            long id = 10_000_000L + teamNumber * 100L + instance;
            long seconds = 3600L + (id * 7919 + day.getDayOfMonth() * 104_729L) % 82_800;
            Money rate = Money.ofMicros(200_000 + (id % 29) * 100_000);
            Instant end = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            return new LedgerLine(
                    team,
                    day,
                    id,
                    GPUS[(int) (id % GPUS.length)],
                    1 + (int) (id % 4),
                    seconds,
                    86_400 - seconds,
                    Money.forSeconds(rate, seconds),
                    Optional.of(end));
        }

        @Override
        public List<LedgerLine> lines(TeamId team, YearMonth month) {
            throw new UnsupportedOperationException("the report streams lines");
        }

        @Override
        public List<ChargeCheck> chargeChecks(TeamId team, YearMonth month) {
            List<ChargeCheck> checks = new ArrayList<>();
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                LocalDate day = month.atDay(d);
                int teamNumber = Integer.parseInt(team.value().substring("team-".length()));
                List<ChargeCheck.PerInstance> instances = IntStream.range(0, INSTANCES)
                        .mapToObj(i -> line(team, teamNumber, day, i))
                        .map(line -> new ChargeCheck.PerInstance(line.instanceId(), line.cost(), line.cost()))
                        .toList();
                checks.add(new ChargeCheck(
                        team, day, instances, day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            return checks;
        }

        @Override
        public Money daySpend(TeamId team, LocalDate day) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Money monthSpend(TeamId team, YearMonth month) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean claimAlert(TeamId team, BudgetPeriod period, BigDecimal threshold) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putChargeCheck(ChargeCheck check) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean claimChargeAlert(TeamId team, LocalDate day) {
            throw new UnsupportedOperationException();
        }
    }
}
