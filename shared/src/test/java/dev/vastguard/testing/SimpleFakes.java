package dev.vastguard.testing;

import dev.vastguard.notify.Notifier;
import dev.vastguard.report.ReportStore;
import dev.vastguard.secrets.MissingSecretException;
import dev.vastguard.secrets.VastApiKey;
import dev.vastguard.secrets.VastKeyProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** A bucket in memory. */
    public static final class Reports implements ReportStore {

        private final Map<String, byte[]> objects = new TreeMap<>();

        @Override
        public String bucket() {
            return "test-reports";
        }

        @Override
        public synchronized void put(String key, String contentType, byte[] body) {
            objects.put(key, body.clone());
        }

        /**
         * The objects written, by key.
         *
         * @return a copy of the objects
         */
        public synchronized Map<String, byte[]> objects() {
            return new TreeMap<>(objects);
        }
    }
}
