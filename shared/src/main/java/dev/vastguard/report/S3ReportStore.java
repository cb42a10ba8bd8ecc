package dev.vastguard.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * Writes reports to the S3 reports bucket. Large objects go up as multipart uploads of {@value #PART_BYTES} byte
 * parts, so a writer holds one part per open object, whatever the object's size.
 */
public final class S3ReportStore implements ReportStore {

    /** The size of every part but the last; S3 needs at least 5 MiB. */
    static final int PART_BYTES = 8 * 1024 * 1024;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    /**
     * Creates the store.
     *
     * @param s3 the S3 client (built with {@code forcePathStyle(true)})
     * @param presigner signs download URLs, with the same endpoint and credentials as the client
     * @param bucket the reports bucket
     */
    public S3ReportStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public Optional<String> put(String key, String contentType, byte[] body) {
        return Optional.ofNullable(
                s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(body))
                        .versionId());
    }

    @Override
    public Upload upload(String key, String contentType) {
        return new MultipartUpload(key, contentType);
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(
                    s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> currentVersion(String key) {
        try {
            return Optional.ofNullable(
                    s3.headObject(r -> r.bucket(bucket).key(key)).versionId());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public SignedUrl downloadUrl(String key, Duration validity) {
        PresignedGetObjectRequest signed = presigner.presignGetObject(r -> r.signatureDuration(validity)
                .getObjectRequest(g -> g.bucket(bucket).key(key)));
        return new SignedUrl(URI.create(signed.url().toString()), signed.expiration());
    }

    /**
     * One object sent in parts. Nothing is started until the first part is full, so an object smaller than a part is
     * sent with one plain put when the stream closes.
     */
    private final class MultipartUpload extends Upload {
        private final String key;
        private final String contentType;
        private final byte[] part = new byte[PART_BYTES];
        private final List<CompletedPart> sent = new ArrayList<>();
        private int filled;
        private String uploadId;
        private boolean closed;
        private Optional<String> version = Optional.empty();

        MultipartUpload(String key, String contentType) {
            this.key = key;
            this.contentType = contentType;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            ensureOpen();
            int at = offset;
            int left = length;
            while (left > 0) {
                int n = Math.min(left, part.length - filled);
                System.arraycopy(bytes, at, part, filled, n);
                filled += n;
                at += n;
                left -= n;
                if (filled == part.length) {
                    sendPart();
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (uploadId == null) {
                    version = put(key, contentType, Arrays.copyOf(part, filled));
                    return;
                }
                if (filled > 0) {
                    sendPart();
                }
                version = Optional.ofNullable(s3.completeMultipartUpload(r ->
                                r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(sent)))
                        .versionId());
            } catch (RuntimeException e) {
                abort();
                throw e;
            }
        }

        @Override
        public Optional<String> version() {
            return version;
        }

        @Override
        public void abort() {
            closed = true;
            if (uploadId != null) {
                String id = uploadId;
                uploadId = null;
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(id));
            }
        }

        private void sendPart() {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(
                                r -> r.bucket(bucket).key(key).contentType(contentType))
                        .uploadId();
            }
            int number = sent.size() + 1;
            int length = filled;
            // The part is sent from the one buffer, which no write touches until the call returns: no copy of 8 MiB
            // per part, so a month of many parts makes no large garbage for the collector to grow the heap for.
            String eTag = s3.uploadPart(
                            r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                            RequestBody.fromContentProvider(
                                    () -> new ByteArrayInputStream(part, 0, length),
                                    length,
                                    "application/octet-stream"))
                    .eTag();
            sent.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
            filled = 0;
        }

        private void ensureOpen() {
            if (closed) {
                throw new IllegalStateException("the upload of " + key + " is already closed");
            }
        }
    }
}
