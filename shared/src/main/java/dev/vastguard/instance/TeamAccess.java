package dev.vastguard.instance;

import dev.vastguard.platform.Platform;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import dev.vastguard.vast.VastClient;

/** Loads a team and gives the Vast.ai client that acts with the team's own key. */
final class TeamAccess {

    private final Platform platform;

    TeamAccess(Platform platform) {
        this.platform = platform;
    }

    Team load(TeamId id) {
        // The API checks that the caller's team exists before calling, so a missing team is a broken invariant.
        return platform.teams().find(id).orElseThrow(() -> new IllegalStateException("team " + id + " does not exist"));
    }

    /** The team's client; its key is read on the first call, so checks that need no market data come first. */
    VastClient client(Team team) {
        return new DeferredVastClient(() ->
                platform.vast().forKey(platform.keys().keyFor(team.policy().vastSecretId())));
    }
}
