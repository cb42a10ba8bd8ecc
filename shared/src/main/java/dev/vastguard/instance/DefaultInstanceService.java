package dev.vastguard.instance;

import dev.vastguard.outcome.Outcome;
import dev.vastguard.platform.Platform;
import dev.vastguard.team.TeamId;
import dev.vastguard.vast.VastOffer;
import java.util.List;

/** Placeholder for the team instance use cases; replaced by the real implementation. */
public final class DefaultInstanceService implements InstanceService {

    /**
     * Creates the service.
     *
     * @param platform the platform
     */
    public DefaultInstanceService(Platform platform) {}

    @Override
    public Outcome<List<VastOffer>> offers(OfferRequest request) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public Outcome<Instance> provision(ProvisionCommand command) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public List<Instance> list(TeamId team) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public Outcome<Instance> get(TeamId team, long id) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public Outcome<Instance> destroy(TeamId team, String principal, long id) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public Outcome<Instance> stop(TeamId team, String principal, long id) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public Outcome<Instance> start(TeamId team, String principal, long id) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public BudgetView budget(TeamId team) {
        throw new UnsupportedOperationException("not built yet");
    }
}
