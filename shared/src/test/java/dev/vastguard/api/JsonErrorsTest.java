package dev.vastguard.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonErrorsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\":1} x",
                "{\"a\":1,\"a\":2}",
                "{\"a\": ",
                "{'a':1}",
                "{\"a\":1}/*c*/",
                "{\"a\":NaN}",
                "{\"a\":+20}",
                "{\"a\":1",
            })
    void object_malformed_saysWhereWithoutNamingTheParsersInternals(String body) {
        assertThatThrownBy(() -> Json.object(Optional.of(body)))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("the body is not valid JSON: ")
                .hasMessageContaining("line 1")
                .hasMessageNotContaining("com.fasterxml")
                .hasMessageNotContaining("Feature")
                .hasMessageNotContaining("`")
                .hasMessageNotContaining("Source")
                .hasMessageNotContaining("enable ")
                .hasMessageNotContaining("  ");
    }

    @Test
    void object_nestedTooDeep_saysSoWithoutNamingTheParsersInternals() {
        String body = "[".repeat(1001) + "]".repeat(1001);

        assertThatThrownBy(() -> Json.object(Optional.of(body)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("nesting depth")
                .hasMessageNotContaining("StreamReadConstraints")
                .hasMessageNotContaining("`");
    }
}
