package dev.vastguard.local.sandbox;

import static dev.vastguard.local.sandbox.SandboxFixture.CHEAP_3090;
import static dev.vastguard.local.sandbox.SandboxFixture.KEY;
import static dev.vastguard.local.sandbox.SandboxHttp.param;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vastguard.local.sandbox.SandboxHttp.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxInstancesTest {

    private final SandboxFixture fixture = new SandboxFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void create_onRentableOffer_answersNewContractAndInstanceKey() {
        Reply reply = fixture.http.put(KEY, "/api/v0/asks/" + CHEAP_3090 + "/", """
                {"client_id":"me","image":"pytorch/pytorch:latest","disk":10,"label":"vastguard:t:1",
                 "env":{"-p 8080:8080":"1"},"runtype":"ssh_direc ssh_proxy","price":null}
                """);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("success").asBoolean()).isTrue();
        assertThat(reply.json().path("new_contract").asLong()).isPositive();
        assertThat(reply.json().path("instance_api_key").asText()).hasSize(64);
    }

    @Test
    void create_onUnknownOffer_answers404NoSuchAsk() {
        Reply reply = fixture.http.put(KEY, "/api/v0/asks/42/", "{\"client_id\":\"me\",\"image\":\"x\",\"disk\":10}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("error").asText()).isEqualTo("invalid_args");
        assertThat(reply.json().path("msg").asText())
                .isEqualTo("error 404/3603: no_such_ask  Instance type by id 42 is not available.");
    }

    @Test
    void create_onNonRentableOffer_answers410NoSuchAsk() {
        String path = "/api/v0/asks/" + SandboxFixture.UNRENTABLE_4090 + "/";

        Reply reply = fixture.http.put(KEY, path, "{\"client_id\":\"me\",\"image\":\"x\",\"disk\":10}");

        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.json().path("error").asText()).isEqualTo("no_such_ask");
    }

    @Test
    void create_withInvalidBodies_answers400() {
        String path = "/api/v0/asks/" + CHEAP_3090 + "/";

        Reply smallDisk = fixture.http.put(KEY, path, "{\"image\":\"x\",\"disk\":4}");
        Reply longLabel = fixture.http.put(KEY, path, "{\"image\":\"x\",\"label\":\"" + "a".repeat(257) + "\"}");
        Reply envString = fixture.http.put(KEY, path, "{\"image\":\"x\",\"env\":\"-e A=B\"}");
        Reply badPrice = fixture.http.put(KEY, path, "{\"image\":\"x\",\"price\":500}");

        assertThat(List.of(smallDisk.status(), longLabel.status(), envString.status(), badPrice.status()))
                .containsOnly(400);
        assertThat(badPrice.json().path("error").asText()).isEqualTo("invalid_price");
        assertThat(fixture.sandbox.instances(KEY)).isEmpty();
    }

    @Test
    void create_afterStockRunsOut_answers410() {
        fixture.sandbox.faults().limitStock(CHEAP_3090, 1);
        fixture.create(CHEAP_3090, "first");

        Reply second = fixture.http.put(KEY, "/api/v0/asks/" + CHEAP_3090 + "/", "{\"image\":\"x\"}");

        assertThat(second.status()).isEqualTo(410);
    }

    @Test
    void create_withPrice_makesInterruptibleInstanceBilledLikeOnDemand() {
        Reply reply = fixture.http.put(
                KEY, "/api/v0/asks/" + CHEAP_3090 + "/", "{\"client_id\":\"me\",\"image\":\"x\",\"price\":0.12}");

        JsonNode instance = show(reply.json().path("new_contract").asLong());

        assertThat(instance.path("is_bid").asBoolean()).isTrue();
        assertThat(instance.path("min_bid").decimalValue()).isEqualByComparingTo("0.12");
        assertThat(instance.path("dph_total").decimalValue()).isEqualByComparingTo("0.182083");
    }

    @Test
    void search_afterStockRunsOut_showsOfferNotRentable() {
        fixture.sandbox.faults().limitStock(CHEAP_3090, 0);

        Reply reply = fixture.http.post(KEY, "/api/v0/bundles/", "{\"id\":{\"eq\":" + CHEAP_3090 + "}}");

        assertThat(reply.json().path("offers").get(0).path("rentable").asBoolean())
                .isFalse();
    }

    @Test
    void show_overTheClock_reportsNullThenLoadingThenRunning() {
        long id = fixture.create(CHEAP_3090, "boot");

        JsonNode atStart = show(id);
        fixture.clock.advance(Duration.ofSeconds(10));
        JsonNode loading = show(id);
        fixture.clock.advance(Duration.ofSeconds(50));
        JsonNode running = show(id);

        assertThat(atStart.path("actual_status").isNull()).isTrue();
        assertThat(atStart.path("intended_status").asText()).isEqualTo("running");
        assertThat(loading.path("actual_status").asText()).isEqualTo("loading");
        assertThat(running.path("actual_status").asText()).isEqualTo("running");
        assertThat(running.path("start_date").asDouble()).isEqualTo((double) SandboxFixture.START.getEpochSecond());
        assertThat(running.path("dph_total").decimalValue()).isEqualByComparingTo("0.182083");
        assertThat(running.path("storage_total_cost").decimalValue()).isEqualByComparingTo("0.002083");
        assertThat(running.path("label").asText()).isEqualTo("boot");
    }

    @Test
    void manage_stopStartAndOffline_changeStatuses() {
        long id = fixture.create(CHEAP_3090, null);
        fixture.clock.advance(Duration.ofMinutes(5));

        Reply stop = fixture.http.put(KEY, "/api/v0/instances/" + id + "/", "{\"state\":\"stopped\"}");
        JsonNode stopped = show(id);
        fixture.sandbox.faults().setStartDelay(Duration.ofSeconds(30));
        fixture.http.put(KEY, "/api/v0/instances/" + id + "/", "{\"state\":\"running\"}");
        JsonNode scheduling = show(id);
        fixture.clock.advance(Duration.ofSeconds(30));
        JsonNode running = show(id);
        fixture.sandbox.setHostOffline(id, true);
        JsonNode offline = show(id);

        assertThat(stop.body()).isEqualTo("{\"success\":true}");
        assertThat(stopped.path("actual_status").asText()).isEqualTo("stopped");
        assertThat(stopped.path("intended_status").asText()).isEqualTo("stopped");
        assertThat(scheduling.path("actual_status").asText()).isEqualTo("scheduling");
        assertThat(running.path("actual_status").asText()).isEqualTo("running");
        assertThat(offline.path("actual_status").asText()).isEqualTo("offline");
    }

    @Test
    void manage_label_setsItAndAnswersMessage() {
        long id = fixture.create(CHEAP_3090, null);

        Reply reply = fixture.http.put(KEY, "/api/v0/instances/" + id + "/", "{\"label\":\"adopted\"}");

        assertThat(reply.json().path("msg").asText()).isEqualTo("label for " + id + " set to 'adopted'");
        assertThat(show(id).path("label").asText()).isEqualTo("adopted");
    }

    @Test
    void manage_withTooLongLabelOrUnknownId_answersErrors() {
        long id = fixture.create(CHEAP_3090, null);

        Reply tooLong =
                fixture.http.put(KEY, "/api/v0/instances/" + id + "/", "{\"label\":\"" + "x".repeat(1025) + "\"}");
        Reply unknown = fixture.http.put(KEY, "/api/v0/instances/999/", "{\"state\":\"stopped\"}");

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("error").asText()).isEqualTo("label_too_long");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").asText()).isEqualTo("no_such_instance");
    }

    @Test
    void destroy_thenShowAndDestroyAgain_answersNullAndNotFound() {
        long id = fixture.create(CHEAP_3090, null);

        Reply destroy = fixture.http.delete(KEY, "/api/v0/instances/" + id + "/");
        Reply shown = fixture.http.get(KEY, "/api/v0/instances/" + id + "/?owner=me");
        Reply again = fixture.http.delete(KEY, "/api/v0/instances/" + id + "/");

        assertThat(destroy.body()).isEqualTo("{\"success\":true}");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).isEqualTo("{\"instances\":null}");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body())
                .isEqualTo("{\"success\":false,\"error\":\"not_found\",\"msg\":\"Instance not found\"}");
    }

    @Test
    void show_instanceOfAnotherAccount_answersNull() {
        long id = fixture.create(CHEAP_3090, null);

        Reply reply = fixture.http.get(SandboxFixture.OTHER_KEY, "/api/v0/instances/" + id + "/?owner=me");

        assertThat(reply.body()).isEqualTo("{\"instances\":null}");
    }

    @Test
    void legacyList_answers410Deprecated() {
        Reply reply = fixture.http.get(KEY, "/api/v0/instances/?owner=me");

        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.json().path("error").asText()).isEqualTo("deprecated_endpoint");
        assertThat(reply.json().path("msg").asText())
                .isEqualTo("/api/v0/instances/ is deprecated. Use /api/v1/instances/ instead.");
    }

    @Test
    void list_with60Instances_pagesThroughThreePagesInIdOrder() {
        for (int i = 0; i < 60; i++) {
            fixture.sandbox.createOutside(KEY, CHEAP_3090, i % 3 == 0 ? "team-a" : null);
        }

        JsonNode first = list("");
        JsonNode second = list(param("after_token", first.path("next_token").asText()));
        JsonNode third = list(param("after_token", second.path("next_token").asText()));

        assertThat(first.path("instances")).hasSize(25);
        assertThat(first.path("instances_found").asInt()).isEqualTo(25);
        assertThat(first.path("total_instances").asInt()).isEqualTo(60);
        assertThat(first.path("label_counts").toString()).isEqualTo("{\"\":40,\"team-a\":20}");
        assertThat(second.path("instances")).hasSize(25);
        assertThat(third.path("instances")).hasSize(10);
        assertThat(third.path("next_token").isNull()).isTrue();
        List<Long> ids = new ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) {
            page.path("instances").forEach(row -> ids.add(row.path("id").asLong()));
        }
        assertThat(ids).hasSize(60).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void list_withLabelFilter_returnsOnlyThoseInstances() {
        for (int i = 0; i < 6; i++) {
            fixture.sandbox.createOutside(KEY, CHEAP_3090, i % 2 == 0 ? "team-a" : null);
        }

        JsonNode labelled = list(param("select_filters", "{\"label\":{\"eq\":\"team-a\"}}"));
        JsonNode unlabelled = list(param("select_filters", "{\"label\":{\"in\":[null]}}"));

        assertThat(labelled.path("total_instances").asInt()).isEqualTo(3);
        assertThat(labelled.path("instances").findValuesAsText("label")).containsOnly("team-a");
        assertThat(unlabelled.path("total_instances").asInt()).isEqualTo(3);
    }

    @Test
    void list_withStatusFilterIncludingNull_matchesProvisioningInstances() {
        fixture.sandbox.createOutside(KEY, CHEAP_3090, "old");
        fixture.clock.advance(Duration.ofMinutes(2));
        fixture.sandbox.createOutside(KEY, CHEAP_3090, "new");

        JsonNode booting = list(param("select_filters", "{\"actual_status\":{\"in\":[null,\"loading\"]}}"));
        JsonNode running = list(param("select_filters", "{\"actual_status\":{\"eq\":\"running\"}}"));

        assertThat(booting.path("instances").findValuesAsText("label")).containsExactly("new");
        assertThat(running.path("instances").findValuesAsText("label")).containsExactly("old");
    }

    @Test
    void list_withLimitOutOfRange_clampsPageSize() {
        for (int i = 0; i < 30; i++) {
            fixture.sandbox.createOutside(KEY, CHEAP_3090, null);
        }

        JsonNode zero = list("limit=0");
        JsonNode huge = list("limit=100");

        assertThat(zero.path("instances")).hasSize(5);
        assertThat(huge.path("instances")).hasSize(25);
    }

    @Test
    void list_withSelectColsAndOrder_projectsAndSorts() {
        fixture.sandbox.createOutside(KEY, CHEAP_3090, "a");
        fixture.sandbox.createOutside(KEY, CHEAP_3090, "b");

        JsonNode page = list(param("select_cols", "[\"id\",\"label\",\"nonsense\"]") + "&"
                + param("order_by", "[{\"col\":\"label\",\"dir\":\"desc\"}]"));

        JsonNode first = page.path("instances").get(0);
        assertThat(first.path("label").asText()).isEqualTo("b");
        assertThat(first.has("nonsense")).isTrue();
        assertThat(first.path("nonsense").isNull()).isTrue();
        assertThat(first.has("gpu_name")).isFalse();
    }

    @Test
    void list_withComputedColumnFilter_answers400() {
        Reply reply =
                fixture.http.get(KEY, "/api/v1/instances/?" + param("select_filters", "{\"dph_total\":{\"lte\":1}}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("msg").asText()).isEqualTo("dph_total is not a valid search key");
    }

    @Test
    void list_withBadToken_answers400InvalidToken() {
        Reply reply = fixture.http.get(KEY, "/api/v1/instances/?after_token=garbage!");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asText()).isEqualTo("invalid_token");
    }

    @Test
    void instances_snapshot_includesDestroyedOnes() {
        long id = fixture.create(CHEAP_3090, "gone");
        fixture.sandbox.destroyOutside(KEY, id);

        List<SandboxInstance> instances = fixture.sandbox.instances(KEY);

        assertThat(instances).singleElement().satisfies(instance -> {
            assertThat(instance.destroyed()).isTrue();
            assertThat(instance.label()).contains("gone");
            assertThat(instance.actualStatus()).isEmpty();
        });
    }

    private JsonNode show(long id) {
        return fixture.http
                .get(KEY, "/api/v0/instances/" + id + "/?owner=me")
                .json()
                .path("instances");
    }

    private JsonNode list(String query) {
        Reply reply = fixture.http.get(KEY, "/api/v1/instances/?" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
