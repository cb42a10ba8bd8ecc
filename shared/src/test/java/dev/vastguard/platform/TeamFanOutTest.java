package dev.vastguard.platform;

import static dev.vastguard.testing.Fixtures.aPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.TeamState;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TeamFanOutTest {

    private static Team team(int n) {
        return new Team(
                TeamId.of("team-" + n), aPolicy().build(), TeamState.ACTIVE, Optional.empty(), 0, Optional.empty());
    }

    @Test
    void forEach_manyTeams_returnsEachResultInTeamOrder() {
        List<Team> teams = IntStream.range(0, 20).mapToObj(TeamFanOutTest::team).toList();

        List<String> results =
                TeamFanOut.forEach("test-", 4, teams, team -> team.id().value(), (team, why) -> "broken " + team.id());

        assertThat(results)
                .containsExactlyElementsOf(
                        teams.stream().map(team -> team.id().value()).toList());
    }

    @Test
    void forEach_oneTeamsWorkEndsInAnError_answersForItAndStillRunsTheOthers() {
        List<Team> teams = List.of(team(1), team(2), team(3));

        List<String> results = TeamFanOut.forEach(
                "test-",
                2,
                teams,
                team -> {
                    if (team.id().value().equals("team-2")) {
                        throw new StackOverflowError();
                    }
                    return "ok " + team.id();
                },
                (team, why) -> team.id() + ": " + why);

        assertThat(results).containsExactly("ok team-1", "team-2: unexpected StackOverflowError", "ok team-3");
    }

    @Test
    void forEach_noTeams_startsNothing() {

        assertThat(TeamFanOut.forEach("test-", 4, List.of(), team -> "x", (team, why) -> "y"))
                .isEmpty();
    }
}
