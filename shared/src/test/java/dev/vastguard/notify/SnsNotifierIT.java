package dev.vastguard.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vastguard.platform.AwsFixture;
import dev.vastguard.platform.AwsResources;
import dev.vastguard.testing.MotoServer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;

@ExtendWith(MotoServer.class)
class SnsNotifierIT {

    private static SnsClient sns;
    private static String topicArn;

    @BeforeAll
    static void createTopic() {
        sns = AwsFixture.clients().sns();
        topicArn = AwsResources.ensureTopic(sns, AwsFixture.uniquePrefix() + "alerts");
    }

    @Test
    void publish_existingTopic_deliversSubjectAndMessage() throws IOException {
        SnsNotifier notifier = new SnsNotifier(sns, topicArn);

        notifier.publish("vastguard: team red reached 80% of its daily budget", "{\"team\":\"red\"}");

        assertThat(sentNotifications(topicArn))
                .contains(new Sent("vastguard: team red reached 80% of its daily budget", "{\"team\":\"red\"}"));
    }

    @Test
    void publish_longSubject_isCutToTheSnsLimit() throws IOException {
        SnsNotifier notifier = new SnsNotifier(sns, topicArn);

        notifier.publish("s".repeat(150), "long-subject-body");

        assertThat(sentNotifications(topicArn)).contains(new Sent("s".repeat(100), "long-subject-body"));
    }

    @Test
    void publish_unknownTopic_throws() {
        SnsNotifier notifier = new SnsNotifier(sns, topicArn + "-missing");

        assertThatThrownBy(() -> notifier.publish("subject", "{}")).isInstanceOf(NotFoundException.class);
    }

    /** What moto recorded as sent to a topic, read from its model dump ({@code [id, message, subject, ...]}). */
    private static List<Sent> sentNotifications(String arn) throws IOException {
        JsonNode data;
        try (InputStream in =
                MotoServer.endpoint().resolve("/moto-api/data.json").toURL().openStream()) {
            data = new ObjectMapper().readTree(in);
        }
        List<Sent> sent = new ArrayList<>();
        for (JsonNode topic : data.path("sns").path("Topic")) {
            if (arn.equals(topic.path("arn").asText())) {
                topic.path("sent_notifications")
                        .forEach(n ->
                                sent.add(new Sent(n.path(2).asText(), n.path(1).asText())));
            }
        }
        return sent;
    }

    private record Sent(String subject, String message) {}
}
