package dev.vastguard.instance.dynamo;

import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.instance.Reservation;
import dev.vastguard.money.Money;
import dev.vastguard.team.BreachAction;
import dev.vastguard.team.GpuName;
import dev.vastguard.team.Policy;
import dev.vastguard.team.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Test data for instance repository tests. */
final class InstanceFixtures {

    static final Money DPH = Money.ofDollars("0.40");
    static final Money STORAGE_DPH = Money.ofDollars("0.02");

    private InstanceFixtures() {}

    static TeamId newTeamId() {
        return TeamId.of("t-" + UUID.randomUUID());
    }

    static Policy policy() {
        return new Policy(
                List.of(GpuName.of("RTX_4090")),
                4,
                Money.ofDollars("100"),
                Money.ofDollars("2"),
                Policy.DEFAULT_MIN_RELIABILITY,
                "vastguard/teams/x/vast-api-key",
                BreachAction.STOP,
                Optional.empty(),
                Policy.DEFAULT_ALERT_THRESHOLDS,
                Optional.empty(),
                Policy.DEFAULT_MAX_LOADING_MINUTES);
    }

    static Reservation reservation(TeamId team, Instant at) {
        String tag = "vastguard:" + team + ":" + UUID.randomUUID().toString().replace("-", "");
        return new Reservation(team, tag, "RTX 4090", 1, DPH, STORAGE_DPH, Optional.of("train"), at);
    }

    static Instance instance(TeamId team, long id, Instant createdAt) {
        return new Instance(
                team,
                id,
                "RTX 4090",
                1,
                DPH,
                STORAGE_DPH,
                InstanceStatus.RUNNING,
                Optional.empty(),
                "vastguard:" + team + ":" + Long.toHexString(id),
                createdAt,
                Money.ZERO,
                createdAt,
                false,
                Optional.empty());
    }
}
