package dev.vastguard.team.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.money.Money;
import dev.vastguard.platform.AwsClients;
import dev.vastguard.platform.AwsFixture;
import dev.vastguard.team.BreachAction;
import dev.vastguard.team.GpuName;
import dev.vastguard.team.Policy;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.TeamState;
import dev.vastguard.testing.MotoServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoServer.class)
class DynamoDbTeamRepositoryIT {

    private static final Instant MONDAY = Instant.parse("2026-11-02T00:00:00Z");
    private static final Instant SATURDAY = Instant.parse("2026-10-31T14:00:00Z");

    private static DynamoDbTeamRepository repository;

    @BeforeAll
    static void createTables() {
        AwsClients clients = AwsFixture.clients();
        repository = new DynamoDbTeamRepository(
                clients.enhanced(), clients.dynamoDb(), AwsFixture.freshTables().teams());
    }

    @Test
    void putPolicy_newTeam_storesPolicyActiveAtVersionZero() {
        TeamId id = newTeam();
        Policy policy = fullPolicy();

        Team stored = repository.putPolicy(id, policy);

        assertThat(stored).isEqualTo(new Team(id, policy, TeamState.ACTIVE, Optional.empty(), 0, Optional.empty()));
        assertThat(repository.find(id)).contains(stored);
    }

    @Test
    void putPolicy_suspendedTeam_keepsStateAndVersionAndDropsRemovedOptionals() {
        TeamId id = newTeam();
        repository.putPolicy(id, fullPolicy());
        repository.suspend(id, SATURDAY, MONDAY);
        Team before = repository.find(id).orElseThrow();

        Team after = repository.putPolicy(id, minimalPolicy());

        assertThat(after.policy()).isEqualTo(minimalPolicy());
        assertThat(after.state()).isEqualTo(TeamState.SUSPENDED);
        assertThat(after.suspendedUntil()).contains(MONDAY);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(repository.find(id)).contains(after);
    }

    @Test
    void find_unknownTeam_returnsEmpty() {
        TeamId id = newTeam();

        Optional<Team> found = repository.find(id);

        assertThat(found).isEmpty();
    }

    @Test
    void suspend_repeatedWithSameOrEarlierEnd_changesOnlyOnce() {
        TeamId id = newTeam();
        repository.putPolicy(id, minimalPolicy());

        boolean first = repository.suspend(id, SATURDAY, MONDAY);
        boolean again = repository.suspend(id, SATURDAY, MONDAY);
        boolean earlier = repository.suspend(id, SATURDAY, MONDAY.minusSeconds(3600));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(earlier).isFalse();
        Team team = repository.find(id).orElseThrow();
        assertThat(team.state()).isEqualTo(TeamState.SUSPENDED);
        assertThat(team.suspendedUntil()).contains(MONDAY);
    }

    @Test
    void suspend_laterEnd_extendsTheSuspension() {
        TeamId id = newTeam();
        repository.putPolicy(id, minimalPolicy());
        repository.suspend(id, SATURDAY, MONDAY);

        boolean changed = repository.suspend(id, SATURDAY.plusSeconds(3600), MONDAY.plusSeconds(86_400));

        assertThat(changed).isTrue();
        Team team = repository.find(id).orElseThrow();
        assertThat(team.suspendedUntil()).contains(MONDAY.plusSeconds(86_400));
        assertThat(team.suspendedSince())
                .as("the suspension began at the first breach")
                .contains(SATURDAY);
    }

    @Test
    void suspend_bumpsVersionSoStaleAdmissionsFail() {
        TeamId id = newTeam();
        long before = repository.putPolicy(id, minimalPolicy()).version();

        repository.suspend(id, SATURDAY, MONDAY);

        assertThat(repository.find(id).orElseThrow().version()).isEqualTo(before + 1);
    }

    @Test
    void suspend_unknownTeam_returnsFalseAndCreatesNothing() {
        TeamId id = newTeam();

        boolean changed = repository.suspend(id, SATURDAY, MONDAY);

        assertThat(changed).isFalse();
        assertThat(repository.find(id)).isEmpty();
    }

    @Test
    void resume_suspendedTeam_activatesOnce() {
        TeamId id = newTeam();
        repository.putPolicy(id, minimalPolicy());
        repository.suspend(id, SATURDAY, MONDAY);

        boolean first = repository.resume(id);
        boolean again = repository.resume(id);

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        Team team = repository.find(id).orElseThrow();
        assertThat(team.state()).isEqualTo(TeamState.ACTIVE);
        assertThat(team.suspendedSince()).isEmpty();
        assertThat(team.suspendedUntil()).isEmpty();
    }

    @Test
    void resume_unknownTeam_returnsFalse() {
        TeamId id = newTeam();

        boolean changed = repository.resume(id);

        assertThat(changed).isFalse();
        assertThat(repository.find(id)).isEmpty();
    }

    @Test
    void list_severalTeams_returnsAllOrderedById() {
        List<TeamId> ids = List.of(newTeam(), newTeam(), newTeam());
        ids.forEach(id -> repository.putPolicy(id, minimalPolicy()));

        List<TeamId> listed = repository.list().stream().map(Team::id).toList();

        assertThat(listed).containsAll(ids).isSorted();
    }

    private static TeamId newTeam() {
        return TeamId.of("t-" + UUID.randomUUID());
    }

    static Policy minimalPolicy() {
        return new Policy(
                List.of(GpuName.of("RTX_4090")),
                2,
                Money.ofDollars("10.00"),
                Money.ofDollars("1.5"),
                Policy.DEFAULT_MIN_RELIABILITY,
                "vastguard/teams/x/vast-api-key",
                BreachAction.STOP,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Policy.DEFAULT_MAX_LOADING_MINUTES);
    }

    static Policy fullPolicy() {
        return new Policy(
                List.of(GpuName.of("A100"), GpuName.of("H100_SXM")),
                4,
                Money.ofDollars("123.456789"),
                Money.ofDollars("2.25"),
                new BigDecimal("0.975"),
                "vastguard/teams/ml/vast-api-key",
                BreachAction.DESTROY,
                Optional.of(Money.ofDollars("3000")),
                Policy.DEFAULT_ALERT_THRESHOLDS,
                Optional.of(new BigDecimal("12.5")),
                45);
    }
}
