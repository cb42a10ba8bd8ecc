package dev.vastguard.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stands in for the alert topic when none is configured: it logs the subject, never the body. */
public final class LoggingNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingNotifier.class);

    /** Creates the notifier. */
    public LoggingNotifier() {}

    @Override
    public void publish(String subject, String message) {
        LOG.info("Notification (no alert topic configured): {}", subject);
    }
}
