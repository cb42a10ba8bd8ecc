package dev.vastguard.instance;

import static dev.vastguard.testing.Fixtures.aPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.instance.OfferSelection.Market;
import dev.vastguard.money.Money;
import dev.vastguard.team.GpuName;
import dev.vastguard.team.Policy;
import dev.vastguard.vast.VastOffer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfferSelectionTest {

    private static VastOffer offer(long id, String gpu, int count, String dph, String reliability) {
        return new VastOffer(
                id, gpu, count, Money.ofDollars(dph), Money.ofDollars("0.15"), new BigDecimal(reliability), "US");
    }

    @Test
    void allowed_mixedOffers_keepsOnlyCoveredAllowedReliableOnesOfTheCountCheapestFirst() {
        Policy policy = aPolicy().gpus("A100").minReliability("0.95").build();
        List<VastOffer> offers = List.of(
                offer(1, "A100 PCIE", 1, "1.20", "0.99"),
                offer(2, "A100 SXM4", 1, "1.00", "0.99"),
                offer(3, "A100X", 1, "0.50", "0.99"),
                offer(4, "A100 SXM4", 1, "0.90", "0.80"),
                offer(5, "A100 SXM4", 2, "1.80", "0.99"));

        List<VastOffer> allowed = OfferSelection.allowed(offers, policy, Optional.of(GpuName.of("A100")), 1);

        assertThat(allowed).extracting(VastOffer::id).containsExactly(2L, 1L);
    }

    @Test
    void classify_noOffers_isNoOffer() {
        Market market = OfferSelection.classify(List.of(), Money.ofDollars("0.30"));

        assertThat(market).isInstanceOf(Market.NoOffer.class);
    }

    @Test
    void classify_allAboveTheCap_namesTheCheapest() {
        VastOffer cheapest = offer(1, "RTX 4090", 1, "0.35", "0.99");

        Market market = OfferSelection.classify(
                List.of(cheapest, offer(2, "RTX 4090", 1, "0.40", "0.99")), Money.ofDollars("0.30"));

        assertThat(market).isEqualTo(new Market.OverCap(cheapest, Money.ofDollars("0.30")));
    }

    @Test
    void classify_cheapestAtTheCap_isWithin() {
        VastOffer cheapest = offer(1, "RTX 4090", 1, "0.30", "0.99");

        Market market = OfferSelection.classify(List.of(cheapest), Money.ofDollars("0.30"));

        assertThat(market).isEqualTo(new Market.Within(cheapest));
    }

    @Test
    void cap_callerCapLowerThanPolicy_appliesTheCallerCap() {
        Money cap = Provisioning.cap(aPolicy().maxDph("0.30").build(), Optional.of(Money.ofDollars("0.25")));

        assertThat(cap).isEqualTo(Money.ofDollars("0.25"));
    }

    @Test
    void cap_callerCapHigherThanPolicy_appliesThePolicyCap() {
        Money cap = Provisioning.cap(aPolicy().maxDph("0.30").build(), Optional.of(Money.ofDollars("5.00")));

        assertThat(cap).isEqualTo(Money.ofDollars("0.30"));
    }
}
