package dev.vastguard.function.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.vastguard.money.Money;
import dev.vastguard.principal.Principal;
import dev.vastguard.principal.Role;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.Fixtures;
import dev.vastguard.testing.TestPlatform;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminApiHandlerTest {

    private final TestPlatform test = new TestPlatform();

    @BeforeEach
    void teamAndAdmin() {
        test.teams.putPolicy(TeamId.of("data-science"), Fixtures.aPolicy().build());
        test.principals.put(
                new Principal("arn:aws:iam::123456789012:role/platform-admin", Role.ADMIN, Optional.empty()));
    }

    @Test
    void handleRequest_getTeamsEvent_listsTeams() {
        AdminApiHandler handler = new AdminApiHandler(test.platform());
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/get-teams-admin.json");

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody())
                .startsWith("{\"teams\":[{\"team\":\"data-science\",\"policy\":{")
                .contains("\"daily_budget\":10,")
                .contains("\"state\":\"active\"");
    }

    @Test
    void handleRequest_putTeamBase64Event_createsTheTeam() {
        AdminApiHandler handler = new AdminApiHandler(test.platform());
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/put-team-admin-base64.json");

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(test.teams.find(TeamId.of("vision")).orElseThrow().policy().dailyBudget())
                .isEqualTo(Money.ofDollars("25.5"));
        assertThat(test.audit.all())
                .singleElement()
                .satisfies(e -> assertThat(e.principal())
                        .isEqualTo("arn:aws:sts::123456789012:assumed-role/platform-admin/alice"));
    }
}
