package dev.vastguard.team;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GpuNameTest {

    @Test
    void of_withUnderscores_readsThemAsSpaces() {
        assertThat(GpuName.of("H100_SXM").value()).isEqualTo("H100 SXM");
    }

    @Test
    void covers_family_matchesNamesThatStartWithItAndASpace() {
        GpuName family = GpuName.of("A100");

        assertThat(family.covers("A100 PCIE")).isTrue();
        assertThat(family.covers("A100 SXM4")).isTrue();
        assertThat(family.covers("A100")).isTrue();
        assertThat(family.covers("A100X")).isFalse();
        assertThat(family.covers("A800 PCIE")).isFalse();
    }

    @Test
    void covers_exactName_doesNotMatchLongerNames() {
        assertThat(GpuName.of("RTX_4090").covers("RTX 4090")).isTrue();
        assertThat(GpuName.of("RTX_4090").covers("RTX 4090D")).isFalse();
    }
}
