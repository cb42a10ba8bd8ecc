package dev.vastguard.instance;

import static dev.vastguard.testing.Fixtures.aPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.money.Money;
import dev.vastguard.outcome.Outcome;
import dev.vastguard.sweep.Sweeper;
import dev.vastguard.team.BreachAction;
import dev.vastguard.team.Policy;
import dev.vastguard.testing.TestPlatform;
import dev.vastguard.vast.VastInstance;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The README's worst case: a team never spends more in a UTC day than its daily budget plus
 * {@code max_instances x max_dph x sweep interval}, however eagerly it launches.
 */
class OverspendBoundTest {

    private static final Instant START = Instant.parse("2026-11-10T00:00:00Z");

    @Test
    void eagerTeam_overTwoDaysOfHourlySweeps_neverExceedsBudgetPlusOneIntervalOfMaximumBurn() {
        Policy policy = aPolicy()
                .maxInstances(4)
                .dailyBudget("10.00")
                .maxDph("0.30")
                .onBreach(BreachAction.DESTROY)
                .build();
        InstanceTestKit kit = new InstanceTestKit(policy);
        kit.fakes.vast.offer(1, "RTX 4090", 1, "0.25");
        kit.at(START.toString());
        DefaultInstanceService service = kit.service();
        Sweeper sweeper = new Sweeper(kit.fakes.platform());
        Duration interval = TestPlatform.config().sweepInterval();
        Money bound = Money.forSeconds(policy.maxDph().times(policy.maxInstances()), interval.toSeconds());
        int admitted = 0;

        for (Instant now = START;
                now.isBefore(START.plus(Duration.ofDays(2)));
                now = now.plus(Duration.ofMinutes(10))) {
            kit.at(now.toString());
            if (service.provision(InstanceTestKit.command("RTX_4090")) instanceof Outcome.Ok<?>) {
                admitted++;
            }
            if (now.getEpochSecond() % interval.toSeconds() == 0) {
                startLoadingInstances(kit);
                sweeper.sweep(now);
            }
        }
        sweeper.sweep(START.plus(Duration.ofDays(2)));

        for (LocalDate day = LocalDate.of(2026, 11, 10);
                day.isBefore(LocalDate.of(2026, 11, 12));
                day = day.plusDays(1)) {
            Money spent = kit.fakes.instances.daySpend(InstanceTestKit.TEAM, day);
            assertThat(spent)
                    .as("spend on %s", day)
                    .isGreaterThanOrEqualTo(policy.dailyBudget())
                    .isLessThanOrEqualTo(policy.dailyBudget().plus(bound));
        }
        assertThat(admitted).as("the team launched again on the second day").isGreaterThan(policy.maxInstances());
    }

    /** Vast.ai brings a rented instance up: from no status to running. */
    private static void startLoadingInstances(InstanceTestKit kit) {
        for (VastInstance instance : kit.fakes.vast.instances(InstanceTestKit.KEY)) {
            if (instance.actualStatus().isEmpty()) {
                kit.fakes.vast.put(
                        InstanceTestKit.KEY,
                        new VastInstance(
                                instance.id(),
                                Optional.of("running"),
                                instance.intendedStatus(),
                                instance.gpuName(),
                                instance.numGpus(),
                                instance.dphTotal(),
                                instance.storageDph(),
                                instance.label(),
                                instance.startDate()));
            }
        }
    }
}
