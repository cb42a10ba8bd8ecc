package dev.vastguard.local.sandbox;

import static dev.vastguard.local.sandbox.SandboxFixture.KEY;
import static dev.vastguard.local.sandbox.SandboxHttp.param;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vastguard.local.sandbox.SandboxHttp.Reply;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxBillingTest {

    /** 0.36 $/h GPU; 20 GB at 0.18 $/GB/month is exactly 0.005 $/h of storage, so dph_total is 0.365. */
    private static final long OFFER = 7_000_001L;

    private static final Instant T0 = Instant.parse("2026-11-10T22:00:00Z");
    private static final long NOV_10 = Instant.parse("2026-11-10T00:00:00Z").getEpochSecond();
    private static final long NOV_12 = Instant.parse("2026-11-12T00:00:00Z").getEpochSecond();

    private final SandboxFixture fixture = new SandboxFixture();

    @BeforeEach
    void offer() {
        fixture.clock.set(T0);
        fixture.sandbox.addOffer(new SandboxOffer(
                OFFER,
                "RTX 4090",
                1,
                new BigDecimal("0.36"),
                new BigDecimal("0.18"),
                new BigDecimal("0.99"),
                true,
                true,
                "Oregon, US"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void meter_acrossStopStartOfflineAndThirtyHourJump_isExact() {
        long id = scenario();

        BigDecimal meter = fixture.sandbox.meter(KEY, id);

        assertThat(meter).isEqualByComparingTo("11.679");
        assertThat(fixture.sandbox.meterTotal(KEY)).isEqualByComparingTo("11.679");
    }

    @Test
    void meter_afterDestroy_stopsGrowing() {
        long id = create();
        fixture.clock.advance(Duration.ofHours(1));
        fixture.http.delete(KEY, "/api/v0/instances/" + id + "/");
        BigDecimal atDestroy = fixture.sandbox.meter(KEY, id);

        fixture.clock.advance(Duration.ofDays(2));

        assertThat(fixture.sandbox.meter(KEY, id)).isEqualByComparingTo(atDestroy);
        // 60 s of storage, then 3540 s at 0.365 $/h
        assertThat(atDestroy).isEqualByComparingTo("0.359");
    }

    @Test
    void charges_forScenario_reportOneRowPerDayWithGpuAndDiskItems() {
        scenario();

        Reply reply = charges(NOV_10, NOV_12, "");

        JsonNode results = reply.json().path("results");
        assertThat(reply.json().path("total").asInt()).isEqualTo(3);
        assertThat(results.findValuesAsText("source")).containsOnly("instance-" + firstInstanceId());
        assertThat(results.get(0).path("amount").decimalValue()).isEqualByComparingTo("0.364");
        assertThat(results.get(0).path("start").asLong()).isEqualTo(T0.getEpochSecond());
        JsonNode items = results.get(0).path("items");
        assertThat(items.get(0).path("type").asText()).isEqualTo("gpu");
        assertThat(items.get(0).path("description").asText()).isEqualTo("0.983 hours at $0.360/hour");
        assertThat(items.get(0).path("amount").decimalValue()).isEqualByComparingTo("0.354");
        assertThat(items.get(1).path("type").asText()).isEqualTo("disk");
        assertThat(items.get(1).path("description").asText()).isEqualTo("2.000 hours at $0.005/hour");
        assertThat(results.get(1).path("amount").decimalValue()).isEqualByComparingTo("8.578");
        assertThat(results.get(1).path("items").get(0).path("description").asText())
                .isEqualTo("23.500 hours at $0.360/hour");
        assertThat(results.get(2).path("amount").decimalValue()).isEqualByComparingTo("2.738");
        assertThat(results.get(0).path("metadata").path("label").asText()).isEqualTo("billing");
    }

    @Test
    void charges_withDayRangeAndPaging_returnRequestedDaysPageByPage() {
        scenario();

        Reply lastDayOnly = charges(NOV_12, NOV_12 + 3600, "");
        Reply firstPage = charges(NOV_10, NOV_12, "&limit=2");
        Reply secondPage = charges(
                NOV_10,
                NOV_12,
                "&" + param("after_token", firstPage.json().path("next_token").asText()));

        assertThat(lastDayOnly.json().path("results")).hasSize(1);
        assertThat(firstPage.json().path("count").asInt()).isEqualTo(2);
        assertThat(secondPage.json().path("count").asInt()).isEqualTo(1);
        assertThat(secondPage.json().path("next_token").isNull()).isTrue();
    }

    @Test
    void charges_withoutBothDayBounds_answers400() {
        Reply reply = fixture.http.get(
                KEY, "/api/v0/charges/?" + param("select_filters", "{\"day\":{\"gte\":" + NOV_10 + "}}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("msg").asText()).isEqualTo("Must provide both 'day' gte and lte filters");
    }

    @Test
    void meterEndpoint_reportsTotalAndInstances() {
        long id = scenario();

        Reply reply = fixture.http.get(null, "/_sandbox/meter?api_key=" + KEY);

        assertThat(reply.json().path("total").decimalValue()).isEqualByComparingTo("11.679");
        assertThat(reply.json().path("instances").get(0).path("id").asLong()).isEqualTo(id);
    }

    /** Create at 22:00, stop at 23:00, start at 00:00, offline 01:00-01:30, then jump 30 h to 07:30 two days on. */
    private long scenario() {
        long id = create();
        fixture.clock.advance(Duration.ofHours(1));
        fixture.http.put(KEY, "/api/v0/instances/" + id + "/", "{\"state\":\"stopped\"}");
        fixture.clock.advance(Duration.ofHours(1));
        fixture.http.put(KEY, "/api/v0/instances/" + id + "/", "{\"state\":\"running\"}");
        fixture.clock.advance(Duration.ofHours(1));
        fixture.sandbox.setHostOffline(id, true);
        fixture.clock.advance(Duration.ofMinutes(30));
        fixture.sandbox.setHostOffline(id, false);
        fixture.clock.advance(Duration.ofHours(30));
        return id;
    }

    private long create() {
        Reply reply = fixture.http.put(
                KEY,
                "/api/v0/asks/" + OFFER + "/",
                "{\"client_id\":\"me\",\"image\":\"x\",\"disk\":20,\"label\":\"billing\"}");
        return reply.json().path("new_contract").asLong();
    }

    private long firstInstanceId() {
        return fixture.sandbox.instances(KEY).get(0).id();
    }

    private Reply charges(long from, long to, String extra) {
        String filter = "{\"day\":{\"gte\":" + from + ",\"lte\":" + to + "}}";
        Reply reply = fixture.http.get(KEY, "/api/v0/charges/?" + param("select_filters", filter) + extra);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }
}
