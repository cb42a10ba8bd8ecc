package dev.vastguard.vast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vastguard.config.Config;
import dev.vastguard.secrets.VastApiKey;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpVastClientFactoryTest {

    @Test
    void create_config_makesClientsForKeys() {
        Config config = Config.fromEnvironment(Map.of(
                "TEAMS_TABLE", "t",
                "PRINCIPALS_TABLE", "p",
                "INSTANCES_TABLE", "i",
                "LEDGER_TABLE", "l",
                "AUDIT_TABLE", "a",
                "IDEMPOTENCY_TABLE", "d"));

        VastClient client = HttpVastClientFactory.create(config).forKey(new VastApiKey("k"));

        assertThat(client).isNotNull();
    }

    @Test
    void create_noAttempts_isRejected() {
        URI url = URI.create("http://127.0.0.1:1");

        assertThatThrownBy(() -> HttpVastClientFactory.create(url, Duration.ofSeconds(1), 0, Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts");
    }

    @Test
    void create_zeroTimeout_isRejected() {
        URI url = URI.create("http://127.0.0.1:1");

        assertThatThrownBy(() -> HttpVastClientFactory.create(url, Duration.ZERO, 3, Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout");
    }
}
