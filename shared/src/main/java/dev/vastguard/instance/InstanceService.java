package dev.vastguard.instance;

import dev.vastguard.outcome.Outcome;
import dev.vastguard.team.TeamId;
import dev.vastguard.vast.VastOffer;
import java.util.List;

/**
 * What a team member can do with instances: the use cases behind the team API.
 *
 * <p>Business refusals come back as {@link Outcome.Denied}; Vast.ai failures are thrown as
 * {@code VastApiException} or {@code VastClientException} and answered 502 or 503 by the API.
 */
public interface InstanceService {

    /**
     * Offers the team's policy allows, cheapest first.
     *
     * @param request the search
     * @return the offers, or {@code gpu_not_allowed}
     */
    Outcome<List<VastOffer>> offers(OfferRequest request);

    /**
     * Rents the cheapest offer that fits the request and the policy.
     *
     * @param command the request
     * @return the new instance, or the first denial that applies
     */
    Outcome<Instance> provision(ProvisionCommand command);

    /**
     * The team's instances that are not destroyed, ordered by id.
     *
     * @param team the team
     * @return the instances
     */
    List<Instance> list(TeamId team);

    /**
     * One of the team's instances, destroyed ones included.
     *
     * @param team the team
     * @param id the instance id
     * @return the instance, or {@code not_found}
     */
    Outcome<Instance> get(TeamId team, long id);

    /**
     * Destroys an instance after a final accrual; destroying a destroyed one changes nothing.
     *
     * @param team the team
     * @param principal the caller's ARN
     * @param id the instance id
     * @return the final instance, or {@code not_found}
     */
    Outcome<Instance> destroy(TeamId team, String principal, long id);

    /**
     * Stops a running instance; stopping a stopped one changes nothing.
     *
     * @param team the team
     * @param principal the caller's ARN
     * @param id the instance id
     * @return the instance, {@code not_found} or {@code invalid_state}
     */
    Outcome<Instance> stop(TeamId team, String principal, long id);

    /**
     * Starts a stopped instance, admitted like a provision; starting a running one changes nothing.
     *
     * @param team the team
     * @param principal the caller's ARN
     * @param id the instance id
     * @return the instance, or a denial
     */
    Outcome<Instance> start(TeamId team, String principal, long id);

    /**
     * The team's budget now.
     *
     * @param team the team
     * @return the budget
     */
    BudgetView budget(TeamId team);
}
