package dev.vastguard.api;

import static dev.vastguard.api.ApiFixture.MEMBER;
import static dev.vastguard.api.ApiFixture.assertProblem;
import static dev.vastguard.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vastguard.instance.BudgetView;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.TeamState;
import dev.vastguard.testing.Fixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamEndpointsTest {

    private final ApiFixture api = new ApiFixture();

    @Test
    void offers_queryGiven_passesItAndWritesOfferShape() {
        api.service.withOffer(ScriptedInstanceService.anOffer(7, "0.30"));

        APIGatewayProxyResponseEvent response =
                api.call("GET", "/offers?gpu_name=RTX_4090&num_gpus=2&limit=5", MEMBER, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(api.service.lastOfferRequest().gpu().orElseThrow().value()).isEqualTo("RTX 4090");
        assertThat(api.service.lastOfferRequest().numGpus()).contains(2);
        assertThat(api.service.lastOfferRequest().limit()).isEqualTo(5);
        assertThat(api.service.lastOfferRequest().team()).isEqualTo(TeamId.of("data-science"));
        assertThat(response.getBody())
                .isEqualTo("{\"offers\":[{\"offer_id\":7,\"gpu_name\":\"RTX 4090\",\"num_gpus\":1,"
                        + "\"dph_total\":0.3,\"reliability\":0.99,\"geolocation\":\"Oregon, US\"}]}");
    }

    @Test
    void offers_noQuery_usesDefaults() {

        APIGatewayProxyResponseEvent response = api.call("GET", "/offers", MEMBER, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(api.service.lastOfferRequest().gpu()).isEmpty();
        assertThat(api.service.lastOfferRequest().numGpus()).isEmpty();
        assertThat(api.service.lastOfferRequest().limit()).isEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "num_gpus=0",
                "num_gpus=17",
                "num_gpus=two",
                "num_gpus=1.0",
                "limit=0",
                "limit=101",
                "limit=-5",
                "limit=99999999999",
                "gpu_name=",
                "gpu_name=\u0000",
                "gpu_name=RTX\u00014090",
                "colour=red"
            })
    void offers_badQuery_answers400(String query) {

        APIGatewayProxyResponseEvent response = api.call("GET", "/offers?" + query, MEMBER, null);

        assertProblem(response, 400, "invalid_request");
    }

    @Test
    void instances_listed_writeInstanceShapeWithPlainMoney() {
        api.service.withInstance(Fixtures.anInstance("data-science", 1001)
                .dph("30")
                .status(InstanceStatus.STOPPED)
                .createdAt("2026-11-10T03:00:00Z")
                .build());

        APIGatewayProxyResponseEvent response = api.call("GET", "/instances", MEMBER, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode instance = json(response).path("instances").get(0);
        assertThat(instance.properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactly(
                        "id",
                        "team",
                        "gpu_name",
                        "num_gpus",
                        "dph_total",
                        "status",
                        "label",
                        "created_at",
                        "accrued_cost");
        assertThat(response.getBody())
                .contains("\"dph_total\":30,")
                .contains("\"status\":\"stopped\"")
                .contains("\"label\":null")
                .contains("\"created_at\":\"2026-11-10T03:00:00Z\"")
                .contains("\"accrued_cost\":0")
                .doesNotContain("E+");
    }

    @Test
    void budget_withoutMonthlyBudget_omitsMonthlyFields() {
        api.service.withBudget(budget(TeamState.ACTIVE, Optional.empty()));

        APIGatewayProxyResponseEvent response = api.call("GET", "/budget", MEMBER, null);

        JsonNode body = json(response);
        assertThat(body.has("monthly_budget")).isFalse();
        assertThat(body.has("runs_out_at")).isFalse();
        assertThat(body.path("suspended_until").isNull()).isTrue();
        assertThat(response.getBody())
                .contains("\"budget_day\":\"2026-11-10\"")
                .contains("\"daily_budget\":30,")
                .contains("\"spent_today\":12.5,")
                .contains("\"remaining_today\":17.5,")
                .contains("\"state\":\"active\"")
                .contains("\"max_instances\":2,")
                .contains("\"active_instances\":1,")
                .contains("\"burn_rate_dph\":0.3");
    }

    @Test
    void budget_suspendedWithMonthlyBudget_writesEveryField() {
        BudgetView.Monthly monthly = new BudgetView.Monthly(
                YearMonth.of(2026, 11),
                Money.ofDollars("200"),
                Money.ofDollars("150.25"),
                Money.ofDollars("49.75"),
                Optional.of(Instant.parse("2026-11-12T01:00:00Z")));
        api.service.withBudget(budget(TeamState.SUSPENDED, Optional.of(monthly)));

        APIGatewayProxyResponseEvent response = api.call("GET", "/budget", MEMBER, null);

        assertThat(response.getBody())
                .contains("\"state\":\"suspended\"")
                .contains("\"suspended_until\":\"2026-11-11T00:00:00Z\"")
                .contains("\"budget_month\":\"2026-11\"")
                .contains("\"monthly_budget\":200,")
                .contains("\"spent_month\":150.25,")
                .contains("\"remaining_month\":49.75,")
                .contains("\"runs_out_at\":\"2026-11-12T01:00:00Z\"");
    }

    @Test
    void stopAndStart_ownInstance_answerInstance() {
        api.service.withInstance(Fixtures.anInstance("data-science", 1001).build());

        APIGatewayProxyResponseEvent stop = api.call("POST", "/instances/1001/stop", MEMBER, null);
        APIGatewayProxyResponseEvent start = api.call("POST", "/instances/1001/start", MEMBER, null);
        APIGatewayProxyResponseEvent delete = api.call("DELETE", "/instances/1001", MEMBER, null);

        assertThat(List.of(stop.getStatusCode(), start.getStatusCode(), delete.getStatusCode()))
                .containsOnly(200);
        assertThat(json(delete).path("instance").path("id").asLong()).isEqualTo(1001);
    }

    private static BudgetView budget(TeamState state, Optional<BudgetView.Monthly> monthly) {
        return new BudgetView(
                TeamId.of("data-science"),
                LocalDate.of(2026, 11, 10),
                Money.ofDollars("30"),
                Money.ofDollars("12.50"),
                Money.ofDollars("17.50"),
                state,
                Optional.of(Instant.parse("2026-11-11T00:00:00Z")),
                2,
                1,
                Money.ofDollars("0.300000"),
                monthly);
    }
}
