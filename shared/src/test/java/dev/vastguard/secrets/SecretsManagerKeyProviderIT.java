package dev.vastguard.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vastguard.platform.AwsFixture;
import dev.vastguard.testing.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

@ExtendWith(MotoServer.class)
class SecretsManagerKeyProviderIT {

    private static final Duration TTL = Duration.ofMinutes(5);

    private static SecretsManagerClient secrets;

    private MutableClock clock;
    private CountingSecretsClient counting;
    private SecretsManagerKeyProvider provider;

    @BeforeAll
    static void connect() {
        secrets = AwsFixture.clients().secretsManager();
    }

    @BeforeEach
    void newProvider() {
        clock = new MutableClock(Instant.parse("2026-11-10T12:00:00Z"));
        counting = new CountingSecretsClient(secrets);
        provider = new SecretsManagerKeyProvider(counting, TTL, clock);
    }

    @Test
    void keyFor_plainSecret_returnsTheKey() {
        String id = createSecret("plain-key-123");

        VastApiKey key = provider.keyFor(id);

        assertThat(key.value()).isEqualTo("plain-key-123");
    }

    @Test
    void keyFor_jsonSecret_returnsApiKeyField() {
        String id = createSecret("{\"api_key\":\"json-key-456\"}");

        VastApiKey key = provider.keyFor(id);

        assertThat(key.value()).isEqualTo("json-key-456");
    }

    @Test
    void keyFor_jsonSecretWithVastApiKeyField_returnsIt() {
        String id = createSecret("{\"vast_api_key\":\"json-key-789\"}");

        VastApiKey key = provider.keyFor(id);

        assertThat(key.value()).isEqualTo("json-key-789");
    }

    @Test
    void keyFor_withinTtl_servesTheCacheEvenAfterTheSecretIsGone() {
        String id = createSecret("cached-key");
        provider.keyFor(id);
        secrets.deleteSecret(r -> r.secretId(id).forceDeleteWithoutRecovery(true));
        clock.advance(TTL.minusSeconds(1));

        VastApiKey key = provider.keyFor(id);

        assertThat(key.value()).isEqualTo("cached-key");
        assertThat(counting.reads()).isEqualTo(1);
    }

    @Test
    void keyFor_afterTtl_readsTheSecretAgain() {
        String id = createSecret("old-key");
        provider.keyFor(id);
        secrets.putSecretValue(r -> r.secretId(id).secretString("rotated-key"));
        clock.advance(TTL);

        VastApiKey key = provider.keyFor(id);

        assertThat(key.value()).isEqualTo("rotated-key");
        assertThat(counting.reads()).isEqualTo(2);
    }

    @Test
    void keyFor_missingSecret_throwsNamingOnlyTheSecret() {
        String id = "vastguard/teams/" + UUID.randomUUID() + "/vast-api-key";

        assertThatThrownBy(() -> provider.keyFor(id))
                .isInstanceOf(MissingSecretException.class)
                .hasMessageContaining(id);
    }

    @Test
    void keyFor_jsonWithoutKeyField_throwsWithoutLeakingTheSecret() {
        String id = createSecret("{\"token\":\"sekrit-value\"}");

        assertThatThrownBy(() -> provider.keyFor(id))
                .isInstanceOf(MissingSecretException.class)
                .hasMessageContaining(id)
                .hasMessageNotContaining("sekrit-value")
                .hasNoCause();
    }

    @Test
    void keyFor_brokenJson_throwsWithoutLeakingTheSecret() {
        String id = createSecret("{\"api_key\":\"sekrit-value\"");

        assertThatThrownBy(() -> provider.keyFor(id))
                .isInstanceOf(MissingSecretException.class)
                .hasMessageNotContaining("sekrit-value")
                .hasNoCause();
    }

    @Test
    void keyFor_blankSecret_throwsMissingSecret() {
        String id = createSecret("   ");

        assertThatThrownBy(() -> provider.keyFor(id)).isInstanceOf(MissingSecretException.class);
    }

    private static String createSecret(String value) {
        String name = "vastguard/teams/" + UUID.randomUUID() + "/vast-api-key";
        secrets.createSecret(r -> r.name(name).secretString(value));
        return name;
    }
}
