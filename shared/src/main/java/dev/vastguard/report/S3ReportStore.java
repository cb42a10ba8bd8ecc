package dev.vastguard.report;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Writes reports to the S3 reports bucket. */
public final class S3ReportStore implements ReportStore {

    private final S3Client s3;
    private final String bucket;

    /**
     * Creates the store.
     *
     * @param s3 the S3 client (built with {@code forcePathStyle(true)})
     * @param bucket the reports bucket
     */
    public S3ReportStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public void put(String key, String contentType, byte[] body) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(body));
    }
}
