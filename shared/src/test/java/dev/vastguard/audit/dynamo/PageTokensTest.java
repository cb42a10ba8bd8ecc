package dev.vastguard.audit.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PageTokensTest {

    private static final Map<String, String> FIXED = Map.of("month", "2026-11");

    @Test
    void decode_encodedKey_returnsTheSameKey() {
        Map<String, AttributeValue> key =
                Map.of("month", AttributeValue.fromS("2026-11"), "sk", AttributeValue.fromS("2026-11-01T00:00Z#a"));

        Map<String, AttributeValue> decoded = PageTokens.decode(PageTokens.encode(key), FIXED, "sk");

        assertThat(decoded).isEqualTo(key);
    }

    @Test
    void encode_anyKey_isUrlSafeWithoutPadding() {
        String token =
                PageTokens.encode(Map.of("month", AttributeValue.fromS("2026-11"), "sk", AttributeValue.fromS("?>")));

        assertThat(token).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void decode_notBase64_throwsIllegalArgument() {
        assertThatThrownBy(() -> PageTokens.decode("%%%", FIXED, "sk")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decode_notJson_throwsIllegalArgument() {
        String token = base64("not json");

        assertThatThrownBy(() -> PageTokens.decode(token, FIXED, "sk")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decode_otherMonth_throwsIllegalArgument() {
        String token = base64("{\"month\":\"2026-10\",\"sk\":\"x\"}");

        assertThatThrownBy(() -> PageTokens.decode(token, FIXED, "sk")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decode_extraOrMissingAttributes_throwsIllegalArgument() {
        String extra = base64("{\"month\":\"2026-11\",\"sk\":\"x\",\"team_month\":\"red#2026-11\"}");
        String missing = base64("{\"month\":\"2026-11\"}");
        String nonString = base64("{\"month\":\"2026-11\",\"sk\":{\"a\":1}}");

        assertThatThrownBy(() -> PageTokens.decode(extra, FIXED, "sk")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageTokens.decode(missing, FIXED, "sk")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageTokens.decode(nonString, FIXED, "sk"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
