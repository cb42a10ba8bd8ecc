package dev.vastguard.sweep;

import static dev.vastguard.sweep.Listed.listed;
import static dev.vastguard.testing.Fixtures.aPolicy;
import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.instance.DefaultInstanceService;
import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.outcome.Outcome;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.FakeVast;
import dev.vastguard.testing.TestPlatform;
import dev.vastguard.vast.VastClientException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshingInstanceServiceTest {

    private static final TeamId TEAM = TeamId.of("team-a");

    private final TestPlatform test = new TestPlatform();
    private final RefreshingInstanceService service =
            new RefreshingInstanceService(new DefaultInstanceService(test.platform()), test.platform());

    @Test
    void get_afterVastReportsRunning_showsRunningBeforeAnySweep() {
        test.teams.putPolicy(TEAM, aPolicy().build());
        test.instances.adopt(
                anInstance("team-a", 1).status(InstanceStatus.PROVISIONING).build());
        test.vast.put("test-key", listed(1).status("running").build());
        test.clock.advance(Duration.ofMinutes(2));

        Outcome<Instance> shown = service.get(TEAM, 1);

        assertThat(shown)
                .isInstanceOfSatisfying(
                        Outcome.Ok.class,
                        ok -> assertThat(((Instance) ok.value()).status()).isEqualTo(InstanceStatus.RUNNING));
    }

    @Test
    void list_whenVastIsUnreachable_showsTheStoredInstances() {
        test.teams.putPolicy(TEAM, aPolicy().build());
        test.instances.adopt(
                anInstance("team-a", 1).status(InstanceStatus.PROVISIONING).build());
        test.vast.failNext(FakeVast.Operation.LIST, new VastClientException("list instances: timed out", null));

        assertThat(service.list(TEAM))
                .singleElement()
                .extracting(Instance::status)
                .isEqualTo(InstanceStatus.PROVISIONING);
    }
}
