package dev.vastguard.report;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a month's chargeback reports from the ledger to the reports bucket: {@code chargeback.csv}, one row per
 * team, instance and UTC day, and {@code totals.csv}, one row per team (zero for a team that spent nothing).
 *
 * <p>Rows are sorted by team, day and instance id and every figure is exact, so the same ledger always gives the
 * same bytes.
 */
public final class ChargebackReports implements MonthlyReports {

    private static final Logger LOG = LoggerFactory.getLogger(ChargebackReports.class);
    private static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    private static final String[] LINE_COLUMNS = {
        "team", "instance_id", "gpu_name", "num_gpus", "day", "hours", "storage_hours", "cost"
    };
    private static final String[] TOTAL_COLUMNS = {"team", "cost"};
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
        put(keys.get(0), csv(LINE_COLUMNS, lineRows(lines)));
        put(keys.get(1), csv(TOTAL_COLUMNS, totalRows(teams, lines)));
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

    private static List<List<String>> lineRows(List<LedgerLine> lines) {
        List<List<String>> rows = new ArrayList<>();
        for (LedgerLine line : lines) {
            rows.add(List.of(
                    line.team().value(),
                    Long.toString(line.instanceId()),
                    line.gpuName(),
                    Integer.toString(line.numGpus()),
                    line.day().toString(),
                    hours(line.gpuSeconds()),
                    hours(line.storageSeconds()),
                    dollars(line.cost())));
        }
        return rows;
    }

    private static List<List<String>> totalRows(List<TeamId> teams, List<LedgerLine> lines) {
        Map<TeamId, Money> totals = new TreeMap<>();
        teams.forEach(team -> totals.put(team, Money.ZERO));
        lines.forEach(line -> totals.merge(line.team(), line.cost(), Money::plus));
        return totals.entrySet().stream()
                .map(total -> List.of(total.getKey().value(), dollars(total.getValue())))
                .toList();
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
