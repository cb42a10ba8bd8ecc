package dev.vastguard.instance;

import dev.vastguard.instance.OfferSelection.Search;
import dev.vastguard.outcome.DenialCode;
import dev.vastguard.outcome.Outcome;
import dev.vastguard.platform.Platform;
import dev.vastguard.team.Policy;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import dev.vastguard.vast.VastOffer;
import java.util.List;

/**
 * The team instance use cases over a {@link Platform}: offers, provisioning with atomic admission control, stop,
 * start, destroy with a final accrual, and the budget view.
 *
 * <p>Business refusals are {@link Outcome.Denied}; Vast.ai failures propagate as {@code VastApiException} or
 * {@code VastClientException}, and a decision that kept losing races to concurrent changes as
 * {@link AdmissionContentionException}. Safe for concurrent use.
 */
public final class DefaultInstanceService implements InstanceService {

    private final TeamAccess teams;
    private final OfferSelection selection;
    private final Provisioning provisioning;
    private final InstanceActions actions;
    private final Starting starting;
    private final BudgetQuery budgets;

    /**
     * Creates the service.
     *
     * @param platform the platform
     */
    public DefaultInstanceService(Platform platform) {
        this(platform, AdmissionAttempts.withRandomPause());
    }

    DefaultInstanceService(Platform platform, AdmissionAttempts attempts) {
        this.teams = new TeamAccess(platform);
        this.selection = new OfferSelection(new GpuCatalog(platform.clock()));
        this.provisioning = new Provisioning(platform, selection, attempts);
        this.actions = new InstanceActions(platform);
        this.starting = new Starting(platform, attempts);
        this.budgets = new BudgetQuery(platform);
    }

    @Override
    public Outcome<List<VastOffer>> offers(OfferRequest request) {
        Team team = teams.load(request.team());
        Policy policy = team.policy();
        if (request.gpu().isPresent() && !policy.allowsRequest(request.gpu().get())) {
            return Outcome.denied(
                    DenialCode.GPU_NOT_ALLOWED,
                    "the team's policy does not allow " + request.gpu().get() + "; it allows " + policy.gpuWhitelist());
        }
        Search search =
                new Search(request.gpu(), request.numGpus().orElse(0), OfferSelection.DEFAULT_DISK_GB, request.limit());
        return Outcome.ok(selection.search(teams.client(team), policy, search).stream()
                .filter(offer -> offer.dphTotal().compareTo(policy.maxDph()) <= 0)
                .limit(request.limit())
                .toList());
    }

    @Override
    public Outcome<Instance> provision(ProvisionCommand command) {
        return provisioning.provision(command);
    }

    @Override
    public List<Instance> list(TeamId team) {
        return actions.list(team);
    }

    @Override
    public Outcome<Instance> get(TeamId team, long id) {
        return actions.get(team, id);
    }

    @Override
    public Outcome<Instance> destroy(TeamId team, String principal, long id) {
        return actions.destroy(team, principal, id);
    }

    @Override
    public Outcome<Instance> stop(TeamId team, String principal, long id) {
        return actions.stop(team, principal, id);
    }

    @Override
    public Outcome<Instance> start(TeamId team, String principal, long id) {
        return starting.start(team, principal, id);
    }

    @Override
    public BudgetView budget(TeamId team) {
        return budgets.budget(team);
    }
}
