package dev.vastguard.report;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Where reports are written: the reports bucket, which keeps every version of an object. */
public interface ReportStore {

    /**
     * The bucket's name, as returned to callers beside the keys.
     *
     * @return the bucket
     */
    String bucket();

    /**
     * Writes one object whole.
     *
     * @param key the object key, for example {@code reports/2026/11/totals.csv}
     * @param contentType the MIME type
     * @param body the bytes
     * @return the version the object now has, if the bucket keeps versions
     */
    Optional<String> put(String key, String contentType, byte[] body);

    /**
     * Starts writing one object of any size: bytes are sent as they are written, in parts, so the object is never
     * held in memory whole. It becomes visible when the stream is closed; a stream that is {@link Upload#abort()
     * aborted} leaves the object as it was.
     *
     * @param key the object key
     * @param contentType the MIME type
     * @return the stream to write the object to
     */
    Upload upload(String key, String contentType);

    /**
     * Reads the current version of an object.
     *
     * @param key the object key
     * @return its bytes, or empty if there is no such object
     */
    Optional<byte[]> get(String key);

    /**
     * The version id of an object's current version, without reading it.
     *
     * @param key the object key
     * @return the version, or empty if there is no such object or the bucket keeps no versions
     */
    Optional<String> currentVersion(String key);

    /**
     * A URL that downloads the current version of an object without AWS credentials until it expires.
     *
     * @param key the object key
     * @param validity how long the URL works
     * @return the URL and the moment its signature expires
     */
    SignedUrl downloadUrl(String key, Duration validity);

    /**
     * A presigned download URL.
     *
     * @param url the URL
     * @param expiresAt when its signature stops working
     */
    record SignedUrl(URI url, Instant expiresAt) {}

    /** An object being written: close it to finish, or abort it. */
    abstract class Upload extends OutputStream {

        /**
         * Gives up the object: nothing written so far becomes visible. Safe to call after a failed write or close.
         *
         * @throws IOException if the store could not be told
         */
        public abstract void abort() throws IOException;

        /**
         * The version the object got when the stream was closed.
         *
         * @return the version, or empty before the close, after an abort, or if the bucket keeps no versions
         */
        public abstract Optional<String> version();
    }
}
