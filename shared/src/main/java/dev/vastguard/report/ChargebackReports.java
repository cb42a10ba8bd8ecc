package dev.vastguard.report;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.audit.AuditPage;
import dev.vastguard.instance.Instance;
import dev.vastguard.ledger.ChargeCheck;
import dev.vastguard.ledger.LedgerLine;
import dev.vastguard.money.Money;
import dev.vastguard.platform.Platform;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a month's chargeback reports from the ledger to the reports bucket: {@code chargeback.csv}, one row per
 * team, instance and UTC day, and {@code totals.csv}, one row per team (zero for a team that spent nothing) with,
 * beside the ledger's cost, what Vast.ai charged on the days that were reconciled.
 *
 * <p>Rows are sorted by team, day and instance id and every figure is exact, so the same ledger (and the same
 * stored reconciliations) always give the same bytes.
 */
public final class ChargebackReports implements MonthlyReports {

    private static final Logger LOG = LoggerFactory.getLogger(ChargebackReports.class);
    private static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    /**
     * {@code adopted}: the instance was found on the team's account, not created through vastguard;
     * {@code closed_out}: it vanished from the account and was closed out at the last time it was seen (in the
     * report's month or the next), so its last day may be short of what Vast.ai billed.
     */
    private static final String[] LINE_COLUMNS = {
        "team", "instance_id", "gpu_name", "num_gpus", "day", "hours", "storage_hours", "cost", "adopted", "closed_out"
    };
    /**
     * The figures of {@code reconciled_days} days that were compared with Vast.ai's charges follow the ledger's cost:
     * what Vast.ai charged on them and {@code charged - ledger} on them; all three are empty for a team with no such
     * day in the month.
     */
    private static final String[] TOTAL_COLUMNS = {"team", "cost", "vast_charged", "difference", "reconciled_days"};

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final Comparator<LedgerLine> ROW_ORDER = Comparator.comparing(LedgerLine::team)
            .thenComparing(LedgerLine::day)
            .thenComparingLong(LedgerLine::instanceId);

    private final Platform platform;

    /**
     * Creates the writer.
     *
     * @param platform the platform: its teams, ledger and reports bucket are used
     */
    public ChargebackReports(Platform platform) {
        this.platform = platform;
    }

    @Override
    public ReportResult write(YearMonth month) {
        List<TeamId> teams =
                platform.teams().list().stream().map(Team::id).sorted().toList();
        List<LedgerLine> lines = teams.stream()
                .flatMap(team -> platform.ledger().lines(team, month).stream())
                .sorted(ROW_ORDER)
                .toList();

        String prefix = String.format("reports/%04d/%02d/", month.getYear(), month.getMonthValue());
        List<String> keys = List.of(prefix + "chargeback.csv", prefix + "totals.csv");
        Map<TeamId, Flags> flags = new TreeMap<>();
        teams.forEach(team -> flags.put(team, flags(team, month)));
        put(keys.get(0), csv(LINE_COLUMNS, lineRows(lines, flags)));
        put(keys.get(1), csv(TOTAL_COLUMNS, totalRows(teams, lines, checks(teams, month))));
        LOG.info(
                "wrote the {} chargeback reports to bucket {}: {}",
                month,
                platform.reports().bucket(),
                keys);
        return new ReportResult(platform.reports().bucket(), keys);
    }

    private void put(String key, String body) {
        platform.reports().put(key, CONTENT_TYPE, body.getBytes(StandardCharsets.UTF_8));
    }

    private Flags flags(TeamId team, YearMonth month) {
        Set<Long> adopted = platform.instances().list(team).stream()
                .filter(Instance::adopted)
                .map(Instance::id)
                .collect(Collectors.toSet());
        Set<Long> closedOut = new HashSet<>();
        for (YearMonth noticed : List.of(month, month.plusMonths(1))) {
            Optional<String> token = Optional.empty();
            do {
                AuditPage page = platform.audit().read(noticed, Optional.of(team), token);
                page.events().stream()
                        .filter(event -> event.action() == AuditAction.CLOSE_OUT)
                        .forEach(event -> event.instanceId().ifPresent(closedOut::add));
                token = page.nextToken();
            } while (token.isPresent());
        }
        return new Flags(adopted, closedOut);
    }

    private static List<List<String>> lineRows(List<LedgerLine> lines, Map<TeamId, Flags> flags) {
        List<List<String>> rows = new ArrayList<>();
        for (LedgerLine line : lines) {
            Flags team = flags.get(line.team());
            rows.add(List.of(
                    line.team().value(),
                    Long.toString(line.instanceId()),
                    line.gpuName(),
                    Integer.toString(line.numGpus()),
                    line.day().toString(),
                    hours(line.gpuSeconds()),
                    hours(line.storageSeconds()),
                    dollars(line.cost()),
                    Boolean.toString(team.adopted().contains(line.instanceId())),
                    Boolean.toString(team.closedOut().contains(line.instanceId()))));
        }
        return rows;
    }

    /**
     * What the report flags on a team's lines.
     *
     * @param adopted ids of instances found on the account rather than created through vastguard
     * @param closedOut ids of instances that vanished and were closed out
     */
    private record Flags(Set<Long> adopted, Set<Long> closedOut) {}

    private Map<TeamId, List<ChargeCheck>> checks(List<TeamId> teams, YearMonth month) {
        Map<TeamId, List<ChargeCheck>> checks = new TreeMap<>();
        teams.forEach(team -> checks.put(team, platform.ledger().chargeChecks(team, month)));
        return checks;
    }

    private static List<List<String>> totalRows(
            List<TeamId> teams, List<LedgerLine> lines, Map<TeamId, List<ChargeCheck>> checks) {
        Map<TeamId, Money> totals = new TreeMap<>();
        teams.forEach(team -> totals.put(team, Money.ZERO));
        lines.forEach(line -> totals.merge(line.team(), line.cost(), Money::plus));
        List<List<String>> rows = new ArrayList<>();
        totals.forEach((team, cost) -> {
            List<String> row = new ArrayList<>(List.of(team.value(), dollars(cost)));
            row.addAll(reconciled(checks.getOrDefault(team, List.of())));
            rows.add(row);
        });
        return rows;
    }

    /** The reconciliation columns of one team: charged, difference and day count, or three empty cells. */
    private static List<String> reconciled(List<ChargeCheck> checks) {
        if (checks.isEmpty()) {
            return List.of("", "", "");
        }
        Money charged = checks.stream().map(ChargeCheck::charged).reduce(Money.ZERO, Money::plus);
        Money difference = checks.stream().map(ChargeCheck::difference).reduce(Money.ZERO, Money::plus);
        return List.of(dollars(charged), dollars(difference), Integer.toString(checks.size()));
    }

    private static String csv(String[] columns, List<List<String>> rows) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader(columns)
                .setRecordSeparator('\n')
                .get();
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecords(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV to memory failed", e);
        }
        return out.toString();
    }

    private static String hours(long seconds) {
        return BigDecimal.valueOf(seconds)
                .divide(SECONDS_PER_HOUR, 6, RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    private static String dollars(Money amount) {
        return amount.toDollars().toPlainString();
    }
}
