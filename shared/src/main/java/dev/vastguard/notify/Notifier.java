package dev.vastguard.notify;

/** Publishes notifications for people (budget thresholds, suspensions) to the alert topic. */
public interface Notifier {

    /**
     * Publishes one message.
     *
     * @param subject a short subject naming the team
     * @param message the body, JSON
     */
    void publish(String subject, String message);
}
