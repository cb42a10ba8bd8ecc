package dev.vastguard.report;

/** Where reports are written: the reports bucket. */
public interface ReportStore {

    /**
     * The bucket's name, as returned to callers beside the keys.
     *
     * @return the bucket
     */
    String bucket();

    /**
     * Writes one object.
     *
     * @param key the object key, for example {@code reports/2026/11/totals.csv}
     * @param contentType the MIME type
     * @param body the bytes
     */
    void put(String key, String contentType, byte[] body);
}
