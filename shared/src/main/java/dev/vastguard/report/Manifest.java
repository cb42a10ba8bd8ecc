package dev.vastguard.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code manifest.json}: the files of a month's reports with their SHA-256 and size, the ledger watermark they were
 * built from, and what differs from the previous build of the same month.
 *
 * <p>The bucket keeps every version of every file, so {@code changes} tells finance whether a re-run after
 * corrections changed anything and where: which files, and which teams' totals, old and new. A re-run on an unchanged
 * ledger builds the very same files; its manifest is then the previous one, byte for byte, and its {@code changes}
 * still describe the last build that did change something.
 */
final class Manifest {

    private Manifest() {}

    /**
     * One file of the reports.
     *
     * @param key the object key
     * @param contentType the MIME type
     * @param bytes the size
     * @param sha256 the SHA-256 of the bytes, lower-case hex
     * @param version the object version holding these bytes, if the bucket keeps versions
     */
    record File(String key, String contentType, long bytes, String sha256, Optional<String> version) {}

    /**
     * What a manifest says of one file.
     *
     * @param sha256 the file's SHA-256
     * @param version the object version the manifest describes, if the bucket keeps versions
     */
    record Listed(String sha256, Optional<String> version) {}

    /**
     * Builds the manifest.
     *
     * @param month the month
     * @param files the files written, in report order
     * @param watermark the ledger watermark
     * @param teamCosts every team's cost in this build, dollars
     * @param previousManifest the manifest of the previous build, if there is one
     * @param previousTeamCosts every team's cost in the previous build, from its summary
     * @return the manifest's bytes
     */
    static byte[] write(
            YearMonth month,
            List<File> files,
            ReportSummary.Watermark watermark,
            Map<String, BigDecimal> teamCosts,
            Optional<byte[]> previousManifest,
            Map<String, BigDecimal> previousTeamCosts) {
        Map<String, Object> watermarkJson = SummaryJson.watermark(watermark);
        List<Map<String, Object>> filesJson = files.stream().map(Manifest::file).toList();
        Optional<JsonNode> previous = previousManifest.flatMap(ReportJson::read);
        if (previous.isPresent() && sameBuild(previous.get(), filesJson, watermarkJson)) {
            return previousManifest.get();
        }

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("month", month.toString());
        root.put("ledger_watermark", watermarkJson);
        root.put("files", filesJson);
        root.put("changes", changes(files, teamCosts, previous, previousTeamCosts));
        return ReportJson.write(root);
    }

    private static Map<String, Object> file(File file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", file.key());
        json.put("content_type", file.contentType());
        json.put("bytes", file.bytes());
        json.put("sha256", file.sha256());
        json.put("version_id", file.version().orElse(null));
        return json;
    }

    /** Whether a previous manifest lists the very same files and watermark. */
    private static boolean sameBuild(JsonNode previous, List<Map<String, Object>> files, Map<String, Object> mark) {
        JsonNode fresh = ReportJson.read(ReportJson.write(Map.of("files", files, "ledger_watermark", mark)))
                .orElseThrow();
        return fresh.get("files").equals(previous.path("files"))
                && fresh.get("ledger_watermark").equals(previous.path("ledger_watermark"));
    }

    /**
     * Every file a manifest lists, by key.
     *
     * @param manifest the manifest, if there is one
     * @return the files; empty without a manifest
     */
    static Map<String, Listed> listed(Optional<JsonNode> manifest) {
        Map<String, Listed> listed = new LinkedHashMap<>();
        manifest.ifPresent(m -> m.path("files").forEach(file -> {
            JsonNode version = file.path("version_id");
            listed.put(
                    file.path("key").asText(),
                    new Listed(
                            file.path("sha256").asText(),
                            version.isTextual() ? Optional.of(version.asText()) : Optional.empty()));
        }));
        return listed;
    }

    private static Map<String, Object> changes(
            List<File> files,
            Map<String, BigDecimal> teamCosts,
            Optional<JsonNode> previous,
            Map<String, BigDecimal> previousTeamCosts) {
        Map<String, Listed> previousFiles = listed(previous);

        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(
                "previous_ledger_watermark",
                previous.map(p -> p.get("ledger_watermark")).orElse(null));
        List<Map<String, Object>> fileChanges = new ArrayList<>();
        for (File file : files) {
            Listed listed = previousFiles.get(file.key());
            String before = listed == null ? null : listed.sha256();
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("key", file.key());
            change.put("change", before == null ? "added" : before.equals(file.sha256()) ? "unchanged" : "changed");
            change.put("previous_sha256", before);
            fileChanges.add(change);
        }
        changes.put("files", fileChanges);
        changes.put("teams", previous.isPresent() ? teamChanges(teamCosts, previousTeamCosts) : List.of());
        return changes;
    }

    /** The teams whose cost differs from the previous build (null where a side had no such team). */
    private static List<Map<String, Object>> teamChanges(
            Map<String, BigDecimal> costs, Map<String, BigDecimal> previousCosts) {
        Set<String> teams = new TreeSet<>(costs.keySet());
        teams.addAll(previousCosts.keySet());
        List<Map<String, Object>> changed = new ArrayList<>();
        for (String team : teams) {
            BigDecimal now = costs.get(team);
            BigDecimal before = previousCosts.get(team);
            if (now == null || before == null || now.compareTo(before) != 0) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("team", team);
                change.put("previous_cost", before);
                change.put("cost", now);
                changed.add(change);
            }
        }
        return changed;
    }
}
