package dev.vastguard.report;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * One report file streamed to the store as UTF-8 text, hashed and counted on the way so the manifest can list it
 * without reading it back.
 */
final class ReportFile implements AutoCloseable {

    private final String key;
    private final String contentType;
    private final ReportStore.Upload upload;
    private final MessageDigest sha256;
    private final Counting counted;
    private final Writer writer;
    private boolean finished;

    private ReportFile(String key, String contentType, ReportStore.Upload upload) {
        this.key = key;
        this.contentType = contentType;
        this.upload = upload;
        this.sha256 = sha256();
        this.counted = new Counting(upload, sha256);
        this.writer = new BufferedWriter(new OutputStreamWriter(counted, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Starts a file.
     *
     * @param store the store
     * @param key the object key
     * @param contentType the MIME type
     * @return the file, open for writing
     */
    static ReportFile open(ReportStore store, String key, String contentType) {
        return new ReportFile(key, contentType, store.upload(key, contentType));
    }

    /**
     * The object key.
     *
     * @return the key
     */
    String key() {
        return key;
    }

    /**
     * The text writer of the file (buffered).
     *
     * @return the writer
     */
    Writer writer() {
        return writer;
    }

    /**
     * Finishes the file: flushes it and completes the upload, unless the bytes are those of the current version,
     * which then stays the current version (the upload is aborted, so no identical version piles up).
     *
     * @param keptVersion given the file's SHA-256, the version of the object to keep because it holds these very
     *     bytes, or empty to store them
     * @return the file as the manifest lists it
     * @throws IOException if the upload fails
     */
    Manifest.File finish(Function<String, Optional<String>> keptVersion) throws IOException {
        writer.flush();
        finished = true;
        String hash = HexFormat.of().formatHex(sha256.digest());
        Optional<String> version = keptVersion.apply(hash);
        if (version.isPresent()) {
            upload.abort();
        } else {
            upload.close();
            version = upload.version();
        }
        return new Manifest.File(key, contentType, counted.bytes, hash, version);
    }

    /**
     * Hashes bytes written whole, the same way a streamed file is hashed.
     *
     * @param body the bytes
     * @return the SHA-256 in lower-case hex
     */
    static String sha256Hex(byte[] body) {
        return HexFormat.of().formatHex(sha256().digest(body));
    }

    /** Aborts the upload unless the file was finished: a failed report leaves the previous version in place. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            upload.abort();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Passes bytes on while hashing and counting them. */
    private static final class Counting extends FilterOutputStream {
        private final MessageDigest digest;
        private long bytes;

        Counting(ReportStore.Upload upload, MessageDigest digest) {
            super(upload);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            bytes += len;
        }
    }
}
