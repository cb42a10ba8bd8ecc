package dev.vastguard.function.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.vastguard.api.ApiRouter;
import dev.vastguard.api.ScriptedInstanceService;
import dev.vastguard.principal.Principal;
import dev.vastguard.principal.Role;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.Fixtures;
import dev.vastguard.testing.TestPlatform;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamApiHandlerTest {

    private final TestPlatform test = new TestPlatform();
    private final ScriptedInstanceService service = new ScriptedInstanceService(test.clock, test.vast);

    @BeforeEach
    void teamAndMember() {
        test.teams.putPolicy(TeamId.of("data-science"), Fixtures.aPolicy().build());
        test.principals.put(new Principal(
                "arn:aws:iam::123456789012:role/data-science", Role.MEMBER, Optional.of(TeamId.of("data-science"))));
    }

    @Test
    void handleRequest_getInstanceEvent_answersTheTeamsInstance() {
        service.withInstance(Fixtures.anInstance("data-science", 1001).build());
        TeamApiHandler handler = new TeamApiHandler(ApiRouter.forTeams(service, test.platform()));
        APIGatewayProxyRequestEvent event =
                EventLoader.loadApiGatewayRestEvent("events/get-instance-assumed-role.json");

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(response.getBody()).contains("\"id\":1001").contains("\"team\":\"data-science\"");
    }

    @Test
    void handleRequest_postInstancesEvent_rentsOnceForRepeatedKey() {
        test.vast.offer(1, "RTX 4090", 1, "0.25");
        TeamApiHandler handler = new TeamApiHandler(ApiRouter.forTeams(service, test.platform()));
        APIGatewayProxyRequestEvent event =
                EventLoader.loadApiGatewayRestEvent("events/post-instances-assumed-role.json");

        APIGatewayProxyResponseEvent first = handler.handleRequest(event, null);
        APIGatewayProxyResponseEvent second = handler.handleRequest(event, null);

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(test.vast.createCount()).isEqualTo(1);
        assertThat(service.lastCommand().label()).contains("train-1");
    }

    @Test
    void handleRequest_platformConstructorAndUnknownCaller_answers403() {
        TeamApiHandler handler = new TeamApiHandler(test.platform());
        APIGatewayProxyRequestEvent event =
                EventLoader.loadApiGatewayRestEvent("events/get-instance-assumed-role.json");
        event.getRequestContext().getIdentity().setUserArn("arn:aws:sts::123456789012:assumed-role/stranger/s");

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.getBody()).contains("\"code\":\"unknown_principal\"");
    }
}
