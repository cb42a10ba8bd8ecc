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
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a month's chargeback reports from the ledger to {@code reports/YYYY/MM/} in the reports bucket:
 *
 * <ul>
 *   <li>{@code chargeback.csv}: one row per team, instance and UTC day;
 *   <li>{@code totals.csv}: one row per team (zero for a team that spent nothing);
 *   <li>{@code focus.csv}: the chargeback's rows as a FOCUS 1.2 cost and usage dataset;
 *   <li>{@code summary.json} and {@code summary.html}: totals per team and GPU model, budget use, reconciliation
 *       differences and daily spend, as data and as a page with charts;
 *   <li>{@code manifest.json}: every file's SHA-256 and the ledger watermark, and what changed since the last build.
 * </ul>
 *
 * <p>The ledger is read team by team, page by page, and the two row files are streamed to the bucket as they are
 * written, so memory stays flat whatever the month's size; only per-team, per-GPU and per-day sums are kept. Teams
 * are taken in id order and each team's lines in (day, instance id) order, every figure is exact, and nothing
 * depends on the time of the run: the same ledger (and stored reconciliations) always gives the same bytes.
 *
 * <p>A file whose bytes match the hash the month's last manifest lists is not stored again, so the bucket's versions
 * of a file are its distinct builds. Months that have not begun, or are before {@link ReportMonths#FIRST}, are
 * refused.
 */
public final class ChargebackReports implements MonthlyReports {

    private static final Logger LOG = LoggerFactory.getLogger(ChargebackReports.class);
    private static final String CSV = "text/csv; charset=utf-8";
    private static final String JSON = "application/json";
    private static final String HTML = "text/html; charset=utf-8";

    /** The billing account of the FOCUS export: the vastguard deployment that governs every team's account. */
    private static final String BILLING_ACCOUNT = "vastguard";

    /**
     * {@code cost} is vastguard's estimate, accrued from the hourly prices; {@code vast_charged} is what Vast.ai
     * charged for the instance that day, empty unless the day was reconciled; {@code adopted}: the instance was found
     * on the team's account, not created through vastguard; {@code closed_out}: it vanished from the account and was
     * closed out at the last time it was seen, so its last day may be short of what Vast.ai billed;
     * {@code untracked}: Vast.ai charged for an instance vastguard has no ledger line for.
     */
    private static final String[] LINE_COLUMNS = {
        "team",
        "instance_id",
        "gpu_name",
        "num_gpus",
        "day",
        "hours",
        "storage_hours",
        "cost",
        "vast_charged",
        "adopted",
        "closed_out",
        "untracked"
    };
    /**
     * The figures of {@code reconciled_days} days that were compared with Vast.ai's charges follow the ledger's cost:
     * what Vast.ai charged on them and {@code charged - ledger} on them; all three are empty for a team with no such
     * day in the month.
     */
    private static final String[] TOTAL_COLUMNS = {"team", "cost", "vast_charged", "difference", "reconciled_days"};

    private final Platform platform;

    /**
     * Creates the writer.
     *
     * @param platform the platform: its teams, instances, audit log, ledger and reports bucket are used
     */
    public ChargebackReports(Platform platform) {
        this.platform = platform;
    }

    @Override
    public ReportResult write(YearMonth month) {
        String prefix = prefix(month);
        ReportStore store = platform.reports();
        ReportMonths.requireReportable(month, platform.clock());
        Optional<byte[]> previousManifest = store.get(prefix + "manifest.json");
        Map<String, Manifest.Listed> listed = Manifest.listed(previousManifest.flatMap(ReportJson::read));
        Map<String, BigDecimal> previousCosts = previousManifest.isPresent()
                ? store.get(prefix + "summary.json")
                        .flatMap(ReportJson::read)
                        .map(SummaryJson::teamCosts)
                        .orElse(Map.of())
                : Map.of();

        List<Team> teams = platform.teams().list().stream()
                .sorted(Comparator.comparing(Team::id))
                .toList();
        SummaryBuilder sums = new SummaryBuilder(month, teams);
        List<Manifest.File> files = new ArrayList<>();
        try (ReportFile chargeback = ReportFile.open(store, prefix + "chargeback.csv", CSV);
                ReportFile focus = ReportFile.open(store, prefix + "focus.csv", CSV)) {
            CsvRows lines = new CsvRows(chargeback.writer(), List.of(LINE_COLUMNS));
            FocusCsv focusRows = new FocusCsv(focus.writer(), month, BILLING_ACCOUNT, BILLING_ACCOUNT);
            for (Team team : teams) {
                writeTeam(team.id(), month, sums, row -> {
                    printLine(lines, row);
                    focusRows.write(row);
                    sums.add(row);
                });
            }
            lines.flush();
            focusRows.flush();
            files.add(chargeback.finish(hash -> unchanged(listed, chargeback.key(), hash)));
            files.add(focus.finish(hash -> unchanged(listed, focus.key(), hash)));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the " + month + " reports failed", e);
        }

        ReportSummary summary = sums.build();
        files.add(1, put(prefix + "totals.csv", CSV, totals(summary), listed));
        files.add(put(prefix + "summary.json", JSON, SummaryJson.write(summary), listed));
        files.add(put(
                prefix + "summary.html", HTML, SummaryPage.render(summary).getBytes(StandardCharsets.UTF_8), listed));
        Map<String, BigDecimal> costs = new LinkedHashMap<>();
        summary.teams().forEach(team -> costs.put(team.team().value(), ReportJson.dollars(team.cost())));
        byte[] manifest = Manifest.write(month, files, summary.watermark(), costs, previousManifest, previousCosts);
        if (previousManifest
                .filter(previous -> Arrays.equals(previous, manifest))
                .isEmpty()) {
            store.put(prefix + "manifest.json", JSON, manifest);
        }

        List<String> keys =
                new ArrayList<>(files.stream().map(Manifest.File::key).toList());
        keys.add(prefix + "manifest.json");
        LOG.info(
                "wrote the {} reports to bucket {}: {} ledger lines, {} in total",
                month,
                store.bucket(),
                summary.watermark().lines(),
                summary.cost().toPlainString());
        return new ReportResult(store.bucket(), keys);
    }

    /**
     * The folder of a month's reports.
     *
     * @param month the month
     * @return for example {@code reports/2026/11/}
     */
    public static String prefix(YearMonth month) {
        return String.format("reports/%04d/%02d/", month.getYear(), month.getMonthValue());
    }

    /**
     * The key of a month's manifest, which lists the month's other files.
     *
     * @param month the month
     * @return for example {@code reports/2026/11/manifest.json}
     */
    public static String manifestKey(YearMonth month) {
        return prefix(month) + "manifest.json";
    }

    private void writeTeam(TeamId team, YearMonth month, SummaryBuilder sums, Consumer<ChargebackRow> out) {
        List<ChargeCheck> checks = platform.ledger().chargeChecks(team, month);
        sums.reconciledDays(team, checks.size());
        TeamRows rows = new TeamRows(team, checks, adopted(team), closedOut(team, month), out);
        try (Stream<LedgerLine> lines = platform.ledger().streamLines(team, month)) {
            lines.forEach(line -> {
                sums.countLine(line);
                rows.accept(line);
            });
        }
        rows.finish();
    }

    private Set<Long> adopted(TeamId team) {
        return platform.instances().list(team).stream()
                .filter(Instance::adopted)
                .map(Instance::id)
                .collect(Collectors.toSet());
    }

    /** Instances closed out in the month or the next (an instance that vanished on the last day is noticed later). */
    private Set<Long> closedOut(TeamId team, YearMonth month) {
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
        return closedOut;
    }

    private static void printLine(CsvRows lines, ChargebackRow row) {
        lines.row(
                row.team().value(),
                Long.toString(row.instanceId()),
                row.gpuName(),
                Integer.toString(row.numGpus()),
                row.day().toString(),
                ReportJson.hoursText(row.gpuSeconds()),
                ReportJson.hoursText(row.storageSeconds()),
                dollars(row.cost()),
                row.vastCharged().map(ChargebackReports::dollars).orElse(""),
                Boolean.toString(row.adopted()),
                Boolean.toString(row.closedOut()),
                Boolean.toString(row.untracked()));
    }

    private static byte[] totals(ReportSummary summary) {
        StringWriter out = new StringWriter();
        CsvRows rows = new CsvRows(out, List.of(TOTAL_COLUMNS));
        for (ReportSummary.TeamTotal team : summary.teams()) {
            List<String> row = new ArrayList<>(List.of(team.team().value(), dollars(team.cost())));
            row.addAll(team.reconciled()
                    .map(r -> List.of(dollars(r.charged()), dollars(r.difference()), Integer.toString(r.days())))
                    .orElse(List.of("", "", "")));
            rows.row(row.toArray());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes a small file whole, unless its bytes are those of the current version, which then stays current. */
    private Manifest.File put(String key, String contentType, byte[] body, Map<String, Manifest.Listed> listed) {
        String hash = ReportFile.sha256Hex(body);
        Optional<String> version = unchanged(listed, key, hash);
        if (version.isEmpty()) {
            version = platform.reports().put(key, contentType, body);
        }
        return new Manifest.File(key, contentType, body.length, hash, version);
    }

    /**
     * The version to keep instead of storing a file again: the one the last manifest names, if that manifest lists
     * the same bytes and that version is still the object's current one. A build that failed after storing some
     * files, before its manifest, leaves newer versions behind the manifest's back; those are written over.
     */
    private Optional<String> unchanged(Map<String, Manifest.Listed> listed, String key, String hash) {
        Manifest.Listed last = listed.get(key);
        if (last == null || !last.sha256().equals(hash) || last.version().isEmpty()) {
            return Optional.empty();
        }
        return platform.reports().currentVersion(key).filter(last.version().get()::equals);
    }

    private static String dollars(Money amount) {
        return amount.toDollars().toPlainString();
    }
}
