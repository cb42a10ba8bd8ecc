package dev.vastguard.testing;

import dev.vastguard.notify.Notifier;
import dev.vastguard.report.ReportStore;
import dev.vastguard.secrets.MissingSecretException;
import dev.vastguard.secrets.VastApiKey;
import dev.vastguard.secrets.VastKeyProvider;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Small fakes of vastguard's outward ports: keys, notifications and the reports bucket. */
public final class SimpleFakes {

    private SimpleFakes() {}

    /** Keys by secret id, held in a map. */
    public static final class Keys implements VastKeyProvider {

        private final Map<String, String> keys = new ConcurrentHashMap<>();

        /**
         * Stores a key under a secret id.
         *
         * @param secretId the secret id
         * @param key the key
         * @return this provider
         */
        public Keys put(String secretId, String key) {
            keys.put(secretId, key);
            return this;
        }

        @Override
        public VastApiKey keyFor(String secretId) {
            String key = keys.get(secretId);
            if (key == null) {
                throw new MissingSecretException(secretId, null);
            }
            return new VastApiKey(key);
        }
    }

    /**
     * A published notification.
     *
     * @param subject the subject
     * @param message the message
     */
    public record Notification(String subject, String message) {}

    /** Keeps what was published. */
    public static final class Notifications implements Notifier {

        private final List<Notification> published = new ArrayList<>();

        @Override
        public synchronized void publish(String subject, String message) {
            published.add(new Notification(subject, message));
        }

        /**
         * Everything published so far.
         *
         * @return the notifications, oldest first
         */
        public synchronized List<Notification> all() {
            return List.copyOf(published);
        }
    }

    /** A versioned bucket in memory; download URLs are made up and lead nowhere. */
    public static final class Reports implements ReportStore {

        private final Map<String, List<byte[]>> versions = new TreeMap<>();
        private final Clock clock;

        /**
         * An empty bucket.
         *
         * @param clock the clock download URLs are signed on
         */
        public Reports(Clock clock) {
            this.clock = clock;
        }

        @Override
        public String bucket() {
            return "test-reports";
        }

        @Override
        public synchronized Optional<String> put(String key, String contentType, byte[] body) {
            List<byte[]> all = versions.computeIfAbsent(key, k -> new ArrayList<>());
            all.add(body.clone());
            return Optional.of(versionId(key, all.size()));
        }

        @Override
        public Upload upload(String key, String contentType) {
            return new Upload() {
                private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                private boolean done;
                private Optional<String> version = Optional.empty();

                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }

                @Override
                public void close() {
                    if (!done) {
                        done = true;
                        version = put(key, contentType, bytes.toByteArray());
                    }
                }

                @Override
                public Optional<String> version() {
                    return version;
                }

                @Override
                public void abort() {
                    done = true;
                }
            };
        }

        @Override
        public synchronized Optional<byte[]> get(String key) {
            List<byte[]> all = versions.get(key);
            return all == null
                    ? Optional.empty()
                    : Optional.of(all.get(all.size() - 1).clone());
        }

        @Override
        public synchronized Optional<String> currentVersion(String key) {
            List<byte[]> all = versions.get(key);
            return all == null ? Optional.empty() : Optional.of(versionId(key, all.size()));
        }

        /** Version n of a key, counted from 1: made up, but unique like S3's. */
        private static String versionId(String key, int n) {
            return "v" + n + "-" + Integer.toHexString(key.hashCode());
        }

        @Override
        public SignedUrl downloadUrl(String key, Duration validity) {
            return new SignedUrl(
                    URI.create("https://test-reports.example/" + key + "?expires-in=" + validity.toSeconds()),
                    clock.instant().plus(validity));
        }

        /**
         * The current version of every object written, by key.
         *
         * @return a copy of the objects
         */
        public synchronized Map<String, byte[]> objects() {
            Map<String, byte[]> current = new TreeMap<>();
            versions.forEach(
                    (key, all) -> current.put(key, all.get(all.size() - 1).clone()));
            return current;
        }

        /**
         * Every version of one object, oldest first.
         *
         * @param key the object key
         * @return the versions, none if it was never written
         */
        public synchronized List<byte[]> versions(String key) {
            return versions.getOrDefault(key, List.of()).stream()
                    .map(byte[]::clone)
                    .toList();
        }
    }
}
