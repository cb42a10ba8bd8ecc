package dev.vastguard.instance;

import static dev.vastguard.instance.InstanceTestKit.TEAM;
import static dev.vastguard.testing.Fixtures.aPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.outcome.DenialCode;
import dev.vastguard.outcome.Outcome;
import dev.vastguard.team.GpuName;
import dev.vastguard.vast.VastOffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OffersTest {

    private final InstanceTestKit kit = new InstanceTestKit(
            aPolicy().gpus("A100", "RTX_4090").maxDph("1.50").build());

    private List<VastOffer> offers(Optional<String> gpu, Optional<Integer> numGpus, int limit) {
        Outcome<List<VastOffer>> outcome =
                kit.service().offers(new OfferRequest(TEAM, gpu.map(GpuName::of), numGpus, limit));
        assertThat(outcome).isInstanceOf(Outcome.Ok.class);
        return ((Outcome.Ok<List<VastOffer>>) outcome).value();
    }

    @Test
    void offers_gpuTheTeamMayNotRent_isGpuNotAllowed() {
        Outcome<List<VastOffer>> outcome =
                kit.service().offers(new OfferRequest(TEAM, Optional.of(GpuName.of("H100_SXM")), Optional.empty(), 20));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Denied.class, d -> assertThat(d.code()).isEqualTo(DenialCode.GPU_NOT_ALLOWED));
    }

    @Test
    void offers_noGpuGiven_listsEveryAllowedGpuCheapestFirst() {
        kit.fakes
                .vast
                .offer(1, "A100 SXM4", 1, "1.00")
                .offer(2, "RTX 4090", 1, "0.30")
                .offer(3, "H100 SXM", 1, "0.10")
                .offer(4, "A100 PCIE", 1, "0.90");

        List<VastOffer> offers = offers(Optional.empty(), Optional.empty(), 20);

        assertThat(offers).extracting(VastOffer::id).containsExactly(2L, 4L, 1L);
    }

    @Test
    void offers_family_listsItsModelsButNotLookalikes() {
        kit.fakes
                .vast
                .offer(1, "A100 SXM4", 1, "1.00")
                .offer(2, "A100X", 1, "0.50")
                .offer(3, "A100 PCIE", 1, "1.10")
                .offer(4, "RTX 4090", 1, "0.30");

        List<VastOffer> offers = offers(Optional.of("A100"), Optional.empty(), 20);

        assertThat(offers).extracting(VastOffer::gpuName).containsExactly("A100 SXM4", "A100 PCIE");
    }

    @Test
    void offers_aboveThePolicyCap_areLeftOut() {
        kit.fakes.vast.offer(1, "A100 SXM4", 1, "1.40").offer(2, "A100 SXM4", 1, "1.60");

        List<VastOffer> offers = offers(Optional.of("A100"), Optional.empty(), 20);

        assertThat(offers).extracting(VastOffer::id).containsExactly(1L);
    }

    @Test
    void offers_countGiven_listsOnlyThatCount() {
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.30").offer(2, "RTX 4090", 2, "0.60");

        List<VastOffer> offers = offers(Optional.of("RTX_4090"), Optional.of(2), 20);

        assertThat(offers).extracting(VastOffer::id).containsExactly(2L);
    }

    @Test
    void offers_limit_returnsAtMostThatMany() {
        for (int i = 1; i <= 5; i++) {
            kit.fakes.vast.offer(i, "RTX 4090", 1, "0.2" + i);
        }

        List<VastOffer> offers = offers(Optional.empty(), Optional.empty(), 2);

        assertThat(offers).extracting(VastOffer::id).containsExactly(1L, 2L);
    }
}
