package dev.vastguard.sweep;

import dev.vastguard.instance.BudgetView;
import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceService;
import dev.vastguard.instance.OfferRequest;
import dev.vastguard.instance.ProvisionCommand;
import dev.vastguard.outcome.Outcome;
import dev.vastguard.platform.Platform;
import dev.vastguard.team.TeamId;
import dev.vastguard.vast.VastOffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team use cases, with instance reads brought up to date first: before listing or showing instances the team's
 * Vast.ai account is reconciled (statuses, accrual up to now), so a member sees {@code running} as soon as Vast.ai
 * does rather than after the next sweep. A reconciliation that fails is logged and the stored records are shown.
 */
public final class RefreshingInstanceService implements InstanceService {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshingInstanceService.class);

    private final InstanceService delegate;
    private final TeamSync sync;
    private final Platform platform;

    /**
     * Wraps the use cases.
     *
     * @param delegate the use cases
     * @param platform the platform, for the team, the clock and the reconciliation
     */
    public RefreshingInstanceService(InstanceService delegate, Platform platform) {
        this.delegate = delegate;
        this.sync = new TeamSync(platform);
        this.platform = platform;
    }

    @Override
    public Outcome<List<VastOffer>> offers(OfferRequest request) {
        return delegate.offers(request);
    }

    @Override
    public Outcome<Instance> provision(ProvisionCommand command) {
        return delegate.provision(command);
    }

    @Override
    public List<Instance> list(TeamId team) {
        refresh(team);
        return delegate.list(team);
    }

    @Override
    public Outcome<Instance> get(TeamId team, long id) {
        refresh(team);
        return delegate.get(team, id);
    }

    @Override
    public Outcome<Instance> destroy(TeamId team, String principal, long id) {
        return delegate.destroy(team, principal, id);
    }

    @Override
    public Outcome<Instance> stop(TeamId team, String principal, long id) {
        return delegate.stop(team, principal, id);
    }

    @Override
    public Outcome<Instance> start(TeamId team, String principal, long id) {
        return delegate.start(team, principal, id);
    }

    @Override
    public BudgetView budget(TeamId team) {
        return delegate.budget(team);
    }

    private void refresh(TeamId team) {
        try {
            platform.teams()
                    .find(team)
                    .ifPresent(t -> sync.reconcile(t, platform.clock().instant()));
        } catch (RuntimeException e) {
            // A read must still answer when Vast.ai is slow or the key is broken; the sweeper reports those.
            LOG.warn("could not refresh team {} from Vast.ai, showing stored instances: {}", team, e.getMessage());
        }
    }
}
