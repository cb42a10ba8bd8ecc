package dev.vastguard.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.vastguard.config.Config;
import dev.vastguard.notify.LoggingNotifier;
import dev.vastguard.notify.Notifier;
import dev.vastguard.principal.Principal;
import dev.vastguard.principal.Role;
import dev.vastguard.secrets.VastApiKey;
import dev.vastguard.testing.MotoServer;
import dev.vastguard.vast.HttpVastClientFactory;
import dev.vastguard.vast.VastClientFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoServer.class)
class PlatformFactoryIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-10T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void create_withVastFactory_buildsWorkingRepositoriesOnTheConfiguredTables() {
        Config config = config(Optional.empty());
        AwsResources.ensureTables(AwsFixture.clients().dynamoDb(), config.tables());
        VastClientFactory vast = key -> {
            throw new AssertionError("not called");
        };
        Principal admin = new Principal("arn:aws:iam::123456789012:role/admin", Role.ADMIN, Optional.empty());

        Platform platform = PlatformFactory.create(config, CLOCK, new LoggingNotifier(), vast);
        platform.principals().put(admin);

        assertThat(platform.principals().find(admin.arn())).contains(admin);
        assertThat(platform.clock()).isSameAs(CLOCK);
        assertThat(platform.vast()).isSameAs(vast);
        assertThat(platform.reports().bucket()).isEqualTo(config.reportsBucket());
    }

    @Test
    void create_withoutVastFactory_usesTheHttpClient() {
        Platform platform = PlatformFactory.create(config(Optional.empty()), CLOCK, new LoggingNotifier());

        assertThat(platform.vast()).isInstanceOf(HttpVastClientFactory.class);
        assertThat(platform.vast().forKey(new VastApiKey("k"))).isNotNull();
    }

    @Test
    void notifier_topicConfiguredOrNot_choosesSnsOrLog() {
        AwsClients clients = AwsFixture.clients();

        String topic = AwsResources.ensureTopic(clients.sns(), AwsFixture.uniquePrefix() + "alerts");

        Notifier sns = PlatformFactory.notifier(config(Optional.of(topic)), clients);

        assertThat(sns).isNotInstanceOf(LoggingNotifier.class);
        assertThatCode(() -> sns.publish("vastguard test", "{\"team\":\"t\"}")).doesNotThrowAnyException();
        assertThat(PlatformFactory.notifier(config(Optional.empty()), clients)).isInstanceOf(LoggingNotifier.class);
    }

    private static Config config(Optional<String> topic) {
        Map<String, String> env = new HashMap<>();
        Config.Tables.withPrefix(AwsFixture.uniquePrefix())
                .byLogicalName()
                .forEach((logical, table) -> env.put(logical.toUpperCase(java.util.Locale.ROOT) + "_TABLE", table));
        env.put("REPORTS_BUCKET", "reports-bucket");
        topic.ifPresent(arn -> env.put("ALERT_TOPIC_ARN", arn));
        return Config.fromEnvironment(env);
    }
}
