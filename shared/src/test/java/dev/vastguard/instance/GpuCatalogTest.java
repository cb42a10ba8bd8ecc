package dev.vastguard.instance;

import static dev.vastguard.testing.Fixtures.aPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vastguard.secrets.VastApiKey;
import dev.vastguard.team.GpuName;
import dev.vastguard.testing.FakeVast;
import dev.vastguard.testing.MutableClock;
import dev.vastguard.vast.VastApiException;
import dev.vastguard.vast.VastAuthException;
import dev.vastguard.vast.VastClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GpuCatalogTest {

    private final MutableClock clock = MutableClock.at("2026-11-10T10:00:00Z");
    private final FakeVast vast = new FakeVast(clock)
            .offer(1, "A100 PCIE", 1, "1.20")
            .offer(2, "A100 SXM4", 1, "1.00")
            .offer(3, "A100X", 1, "0.50")
            .offer(4, "A800 PCIE", 1, "0.80")
            .offer(5, "RTX 4090", 1, "0.30");
    private final AtomicInteger nameCalls = new AtomicInteger();
    private final VastClient client = new ForwardingVastClient(vast.forKey(new VastApiKey("k"))) {
        @Override
        public List<String> gpuNames() {
            nameCalls.incrementAndGet();
            return super.gpuNames();
        }
    };
    private final GpuCatalog catalog = new GpuCatalog(clock);

    @Test
    void expand_family_givesEveryMarketplaceNameUnderItButNotLookalikes() {
        List<String> names =
                catalog.expand(client, aPolicy().gpus("A100", "RTX_4090").build(), Optional.of(GpuName.of("A100")));

        assertThat(names).contains("A100 PCIE", "A100 SXM4").doesNotContain("A100X", "A800 PCIE", "RTX 4090");
    }

    @Test
    void expand_familyRequestedButOneModelAllowed_givesOnlyTheAllowedModel() {
        List<String> names =
                catalog.expand(client, aPolicy().gpus("A100_SXM4").build(), Optional.of(GpuName.of("A100")));

        assertThat(names).containsExactly("A100 SXM4");
    }

    @Test
    void expand_nothingRequested_givesEveryAllowedName() {
        List<String> names =
                catalog.expand(client, aPolicy().gpus("A100", "RTX_4090").build(), Optional.empty());

        assertThat(names).containsExactlyInAnyOrder("A100 PCIE", "A100 SXM4", "A100 SXM", "RTX 4090");
    }

    @Test
    void expand_nameListUnavailable_usesTheBuiltInNames() {
        VastClient failing = new ForwardingVastClient(vast.forKey(new VastApiKey("k"))) {
            @Override
            public List<String> gpuNames() {
                throw new VastApiException("list GPU names: not found", 404, null);
            }
        };

        List<String> names = catalog.expand(failing, aPolicy().gpus("A100").build(), Optional.of(GpuName.of("A100")));

        assertThat(names).containsExactlyInAnyOrder("A100 PCIE", "A100 SXM4", "A100 SXM");
    }

    @Test
    void expand_keyRefused_failsLikeTheSearchWould() {
        VastClient refused = new ForwardingVastClient(vast.forKey(new VastApiKey("k"))) {
            @Override
            public List<String> gpuNames() {
                throw new VastAuthException("list GPU names", 401);
            }
        };

        assertThatThrownBy(() -> catalog.expand(refused, aPolicy().build(), Optional.empty()))
                .isInstanceOf(VastAuthException.class)
                .hasMessageContaining("auth_error");
    }

    @Test
    void expand_exactNameMissingFromTheCachedList_stillSearchesIt() {
        List<String> names =
                catalog.expand(client, aPolicy().gpus("RTX_5090").build(), Optional.of(GpuName.of("RTX 5090")));

        assertThat(names).containsExactly("RTX 5090");
    }

    @Test
    void expand_withinAnHour_readsTheNameListOnce() {
        catalog.expand(client, aPolicy().build(), Optional.empty());
        clock.advance(Duration.ofMinutes(59));

        catalog.expand(client, aPolicy().build(), Optional.empty());

        assertThat(nameCalls).hasValue(1);
    }

    @Test
    void expand_afterAnHour_readsTheNameListAgain() {
        catalog.expand(client, aPolicy().build(), Optional.empty());
        clock.advance(Duration.ofHours(1));

        catalog.expand(client, aPolicy().build(), Optional.empty());

        assertThat(nameCalls).hasValue(2);
    }
}
