package dev.vastguard.notify;

import software.amazon.awssdk.services.sns.SnsClient;

/** Publishes notifications to the SNS alert topic ({@code ALERT_TOPIC_ARN}). */
public final class SnsNotifier implements Notifier {

    // SNS rejects subjects longer than 100 characters.
    private static final int MAX_SUBJECT = 100;

    private final SnsClient sns;
    private final String topicArn;

    /**
     * Creates the notifier.
     *
     * @param sns the SNS client
     * @param topicArn the alert topic
     */
    public SnsNotifier(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void publish(String subject, String message) {
        String fitted = subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
        sns.publish(r -> r.topicArn(topicArn).subject(fitted).message(message));
    }
}
