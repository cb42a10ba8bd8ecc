package dev.vastguard.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A month's report files with download URLs that work without AWS credentials for {@link #VALIDITY}, so finance can
 * fetch them with a browser or {@code curl}.
 *
 * @param bucket the reports bucket
 * @param files every file of the month, manifest last
 * @param expiresAt when the first of the URLs stops working, to the second: the time the signatures carry, which is
 *     the signer's real time even where the product runs on another clock (the local runner's)
 */
public record ReportDownloads(String bucket, List<Download> files, Instant expiresAt) {

    /** How long a download URL works. */
    public static final Duration VALIDITY = Duration.ofHours(1);

    /** Copies the files. */
    public ReportDownloads {
        files = List.copyOf(files);
    }

    /**
     * One file.
     *
     * @param key the object key
     * @param url the presigned download URL of its current version
     */
    public record Download(String key, URI url) {}

    /**
     * Download URLs for the files just written.
     *
     * @param store the reports bucket
     * @param result what was written
     * @return the downloads
     */
    public static ReportDownloads of(ReportStore store, ReportResult result) {
        return sign(store, result.keys());
    }

    /**
     * Download URLs for a month's reports as they are now, without writing them again; the month's manifest names the
     * files.
     *
     * @param store the reports bucket
     * @param month the month
     * @return the downloads, or empty if the month's reports were never written
     */
    public static Optional<ReportDownloads> existing(ReportStore store, YearMonth month) {
        String manifestKey = ChargebackReports.manifestKey(month);
        return store.get(manifestKey).flatMap(ReportJson::read).map(manifest -> {
            List<String> keys = new ArrayList<>();
            for (JsonNode file : manifest.path("files")) {
                keys.add(file.path("key").asText());
            }
            keys.add(manifestKey);
            return sign(store, keys);
        });
    }

    private static ReportDownloads sign(ReportStore store, List<String> keys) {
        List<Download> files = new ArrayList<>();
        Instant expiresAt = Instant.MAX;
        for (String key : keys) {
            ReportStore.SignedUrl signed = store.downloadUrl(key, VALIDITY);
            files.add(new Download(key, signed.url()));
            expiresAt = signed.expiresAt().isBefore(expiresAt) ? signed.expiresAt() : expiresAt;
        }
        return new ReportDownloads(store.bucket(), files, expiresAt.truncatedTo(ChronoUnit.SECONDS));
    }
}
