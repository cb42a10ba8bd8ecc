package dev.vastguard.local.sandbox;

import static dev.vastguard.local.sandbox.SandboxFixture.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vastguard.local.sandbox.SandboxHttp.Reply;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxOffersTest {

    private final SandboxFixture fixture = new SandboxFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void search_withCliStyleStringOperands_filtersAndOrdersByPrice() {
        String query = """
                {"gpu_name":{"eq":"RTX 3090"},"num_gpus":{"eq":"1"},"verified":{"eq":true},
                 "rentable":{"eq":true},"external":{"eq":false},"reliability":{"gt":"0.98"},
                 "order":[["dph_total","asc"]],"type":"on-demand","allocated_storage":10}
                """;

        Reply reply = fixture.http.post(KEY, "/api/v0/bundles/", query);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).contains("application/json");
        assertThat(ids(reply))
                .containsExactly(DefaultMarket.FIRST_ID, DefaultMarket.FIRST_ID + 2, DefaultMarket.FIRST_ID + 3);
    }

    @Test
    void search_withAllocatedStorage_pricesDiskIntoDphTotal() {
        String query = "{\"id\":{\"eq\":" + SandboxFixture.CHEAP_3090 + "},\"allocated_storage\":40}";

        JsonNode offer = fixture.http
                .post(KEY, "/api/v0/bundles/", query)
                .json()
                .path("offers")
                .get(0);

        // 40 GB * 0.15 $/GB/month / 720 h = 0.008333 $/h
        assertThat(offer.path("storage_total_cost").decimalValue()).isEqualByComparingTo("0.008333");
        assertThat(offer.path("dph_total").decimalValue()).isEqualByComparingTo("0.188333");
        assertThat(offer.path("dph_base").decimalValue()).isEqualByComparingTo("0.18");
        assertThat(offer.path("storage_cost").decimalValue()).isEqualByComparingTo("0.15");
        assertThat(offer.path("ask_contract_id").asLong()).isEqualTo(SandboxFixture.CHEAP_3090);
        assertThat(offer.path("verification").asText()).isEqualTo("verified");
        assertThat(offer.path("geolocation").asText()).isEqualTo("Texas, US");
    }

    @Test
    void search_withoutAllocatedStorage_pricesEightGigabytes() {
        String query = "{\"id\":{\"eq\":" + SandboxFixture.CHEAP_3090 + "}}";

        JsonNode offer = fixture.http
                .post(KEY, "/api/v0/bundles/", query)
                .json()
                .path("offers")
                .get(0);

        assertThat(offer.path("dph_total").decimalValue()).isEqualByComparingTo("0.181667");
    }

    @Test
    void search_withInAndNotinAndCountryCode_matchesThoseOffers() {
        String query = """
                {"gpu_name":{"in":["H100 SXM","H100 PCIE"]},"num_gpus":{"notin":[8]},
                 "geolocation":{"in":["US","CA"]},"order":[["dph_total","desc"]]}
                """;

        Reply reply = fixture.http.post(KEY, "/api/v0/bundles/", query);

        assertThat(reply.json().path("offers").findValuesAsText("geolocation"))
                .containsExactly("Texas, US", "Quebec, CA");
    }

    @Test
    void search_withDphTotalCeiling_keepsCheaperOffers() {
        String query = "{\"dph_total\":{\"lte\":0.1},\"order\":[[\"dph_total\",\"asc\"]]}";

        Reply reply = fixture.http.post(KEY, "/api/v0/bundles/", query);

        assertThat(reply.json().path("offers").findValuesAsText("gpu_name")).containsExactly("RTX 3060", "RTX 3060");
    }

    @Test
    void search_withRentableFilter_hidesNonRentableOffer() {
        String all = "{\"gpu_name\":{\"eq\":\"RTX 4090\"},\"num_gpus\":{\"eq\":1}}";
        String rentable = "{\"gpu_name\":{\"eq\":\"RTX 4090\"},\"num_gpus\":{\"eq\":1},\"rentable\":{\"eq\":true}}";

        List<Long> allIds = ids(fixture.http.post(KEY, "/api/v0/bundles/", all));
        List<Long> rentableIds = ids(fixture.http.post(KEY, "/api/v0/bundles/", rentable));

        assertThat(allIds).contains(SandboxFixture.UNRENTABLE_4090).hasSize(7);
        assertThat(rentableIds).doesNotContain(SandboxFixture.UNRENTABLE_4090).hasSize(6);
    }

    @Test
    void search_withLimit_returnsThatMany() {
        Reply reply = fixture.http.post(KEY, "/api/v0/bundles/", "{\"limit\":3}");

        assertThat(reply.json().path("offers")).hasSize(3);
    }

    @Test
    void search_withoutLimit_capsAt64() {
        for (int i = 0; i < 70; i++) {
            fixture.sandbox.addOffer(new SandboxOffer(
                    9_000_000 + i,
                    "RTX 4090",
                    1,
                    new BigDecimal("0.40"),
                    new BigDecimal("0.10"),
                    new BigDecimal("0.99"),
                    true,
                    true,
                    "Texas, US"));
        }

        Reply reply = fixture.http.post(KEY, "/api/v0/bundles/", "{}");

        assertThat(reply.json().path("offers")).hasSize(64);
    }

    @Test
    void search_withUnderscoredGpuName_findsNothingBecauseNamesMatchExactly() {
        Reply reply = fixture.http.post(KEY, "/api/v0/bundles/", "{\"gpu_name\":{\"eq\":\"RTX_4090\"}}");

        assertThat(reply.json().path("offers")).isEmpty();
    }

    @Test
    void search_withMalformedJson_answers400InvalidRequest() {
        Reply reply = fixture.http.post(KEY, "/api/v0/bundles/", "{\"gpu_name\":");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"error\":\"invalid_request\",\"msg\":\"Invalid json body\"}");
    }

    @Test
    void search_withNonNumericOperandOnNumber_answers400() {
        Reply reply = fixture.http.post(KEY, "/api/v0/bundles/", "{\"num_gpus\":{\"gt\":\"many\"}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asText()).isEqualTo("invalid_args");
    }

    private static List<Long> ids(Reply reply) {
        List<Long> ids = new ArrayList<>();
        reply.json().path("offers").forEach(offer -> ids.add(offer.path("id").asLong()));
        return ids;
    }
}
