package dev.vastguard.report;

import java.util.List;

/**
 * Where a month's reports were written.
 *
 * @param bucket the reports bucket
 * @param keys the object keys written, for example {@code reports/2026/11/chargeback.csv}
 */
public record ReportResult(String bucket, List<String> keys) {

    /** Copies the key list. */
    public ReportResult {
        keys = List.copyOf(keys);
    }
}
