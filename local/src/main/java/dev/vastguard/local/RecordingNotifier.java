package dev.vastguard.local;

import dev.vastguard.notify.Notifier;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every notification the product publishes, so {@code GET /_local/notifications} can show them, and passes
 * each on to the real notifier (SNS on the emulator).
 */
final class RecordingNotifier implements Notifier {

    record Notification(Instant time, String topic, String subject, String message) {}

    private final Clock clock;
    private final String topic;
    private final List<Notification> published = new ArrayList<>();
    private volatile Notifier next = (subject, message) -> {};

    RecordingNotifier(Clock clock, String topic) {
        this.clock = clock;
        this.topic = topic;
    }

    void forwardTo(Notifier notifier) {
        next = notifier;
    }

    @Override
    public void publish(String subject, String message) {
        synchronized (this) {
            published.add(new Notification(clock.instant(), topic, subject, message));
        }
        next.publish(subject, message);
    }

    synchronized List<Notification> all() {
        return List.copyOf(published);
    }
}
