package dev.vastguard.sweep;

import static dev.vastguard.sweep.Listed.listed;
import static dev.vastguard.testing.Fixtures.aPolicy;
import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.money.Money;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.FakeVast;
import dev.vastguard.testing.TestPlatform;
import dev.vastguard.vast.VastApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TeamSyncTest {

    private static final TeamId TEAM = TeamId.of("team-a");

    private final TestPlatform test = new TestPlatform();
    private final TeamSync sync = new TeamSync(test.platform());
    private final Team team = test.teams.putPolicy(TEAM, aPolicy().build());

    @Test
    void reconcile_instanceStoppedAtVast_returnsTheInstancesWithTheNewStatus() {
        test.instances.adopt(anInstance("team-a", 1).build());
        test.vast.put("test-key", listed(1).status("exited").build());

        Reconciliation result = sync.reconcile(team, Instant.parse("2026-11-10T01:00:00Z"));

        assertThat(result.listed()).containsExactly(1L);
        assertThat(result.accrued()).isEqualTo(Money.ofDollars("0.004"));
        assertThat(result.instances())
                .singleElement()
                .extracting(Instance::status)
                .isEqualTo(InstanceStatus.STOPPED);
    }

    @Test
    void reconcile_doesNotEnforceBudgets() {
        test.teams.putPolicy(TEAM, aPolicy().dailyBudget("0.10").build());
        test.instances.adopt(anInstance("team-a", 1).build());
        test.vast.put("test-key", listed(1).build());

        sync.reconcile(team, Instant.parse("2026-11-10T01:00:00Z"));

        assertThat(test.vast.instances("test-key").getFirst().actualStatus()).contains("running");
        assertThat(test.teams.find(TEAM).orElseThrow().isSuspendedAt(Instant.parse("2026-11-10T01:00:00Z")))
                .isFalse();
    }

    @Test
    void reconcile_listingRefused_throwsAndChangesNothing() {
        test.instances.adopt(anInstance("team-a", 1).build());
        test.vast.failNext(FakeVast.Operation.LIST, new VastApiException("list instances: rate limited", 429, null));

        assertThatThrownBy(() -> sync.reconcile(team, Instant.parse("2026-11-10T01:00:00Z")))
                .isInstanceOf(VastApiException.class)
                .hasMessageContaining("rate limited");
        assertThat(test.instances.find(TEAM, 1).orElseThrow().status()).isEqualTo(InstanceStatus.RUNNING);
    }
}
