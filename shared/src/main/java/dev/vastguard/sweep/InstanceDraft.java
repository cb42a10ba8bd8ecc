package dev.vastguard.sweep;

import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import dev.vastguard.vast.VastInstance;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A new record for an instance found in a team's Vast.ai listing.
 *
 * @param team the team
 * @param listed the instance as listed
 * @param accruedFrom the instant its cost is counted from (whole seconds)
 */
record InstanceDraft(TeamId team, VastInstance listed, Instant accruedFrom) {

    /** Builds the record: created at Vast.ai's start date if known, nothing accrued yet. */
    Instance build(Optional<String> label, String tag, boolean adopted) {
        Instant createdAt = listed.startDate()
                .map(start -> start.truncatedTo(ChronoUnit.SECONDS))
                .orElse(accruedFrom);
        return new Instance(
                team,
                listed.id(),
                listed.gpuName(),
                listed.numGpus(),
                listed.dphTotal(),
                listed.storageDph(),
                InstanceStatus.ofVastStatus(listed.actualStatus()),
                label,
                tag,
                createdAt,
                Money.ZERO,
                accruedFrom,
                adopted,
                Optional.empty());
    }
}
