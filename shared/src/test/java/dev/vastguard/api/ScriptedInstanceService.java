package dev.vastguard.api;

import dev.vastguard.instance.BudgetView;
import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceService;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.instance.OfferRequest;
import dev.vastguard.instance.ProvisionCommand;
import dev.vastguard.money.Money;
import dev.vastguard.outcome.DenialCode;
import dev.vastguard.outcome.Outcome;
import dev.vastguard.secrets.VastApiKey;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.TeamState;
import dev.vastguard.vast.CreateInstanceRequest;
import dev.vastguard.vast.VastClientFactory;
import dev.vastguard.vast.VastOffer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An {@link InstanceService} for API tests: instances in memory, rentals through a {@link VastClientFactory} (so
 * {@code FakeVast} counts them), and scriptable denials and failures.
 */
public final class ScriptedInstanceService implements InstanceService {

    private final Clock clock;
    private final VastClientFactory vast;
    private final Map<TeamId, Map<Long, Instance>> instances = new ConcurrentHashMap<>();
    private final List<VastOffer> offers = new ArrayList<>();
    private volatile Outcome.Denied<?> denial;
    private volatile RuntimeException failure;
    private volatile long offerId = 1;
    private volatile BudgetView budget;
    private volatile OfferRequest lastOfferRequest;
    private volatile ProvisionCommand lastCommand;

    /**
     * Creates the service.
     *
     * @param clock the clock for creation times
     * @param vast the market rentals go to (key {@code test-key})
     */
    public ScriptedInstanceService(Clock clock, VastClientFactory vast) {
        this.clock = clock;
        this.vast = vast;
    }

    /**
     * Makes every later use case that returns an outcome answer a denial.
     *
     * @param code the denial
     * @param detail its detail
     * @return this service
     */
    public ScriptedInstanceService deny(DenialCode code, String detail) {
        denial = new Outcome.Denied<>(code, detail);
        return this;
    }

    /**
     * Makes every later use case throw.
     *
     * @param exception what to throw
     * @return this service
     */
    public ScriptedInstanceService fail(RuntimeException exception) {
        failure = exception;
        return this;
    }

    /** Clears scripted denials and failures. */
    public void behave() {
        denial = null;
        failure = null;
    }

    /**
     * Sets the offer rentals use and the offers listed.
     *
     * @param offer the offer
     * @return this service
     */
    public ScriptedInstanceService withOffer(VastOffer offer) {
        offers.add(offer);
        offerId = offer.id();
        return this;
    }

    /**
     * Sets the budget answered.
     *
     * @param view the budget
     * @return this service
     */
    public ScriptedInstanceService withBudget(BudgetView view) {
        budget = view;
        return this;
    }

    /**
     * Puts an instance in a team's list.
     *
     * @param instance the instance
     * @return this service
     */
    public ScriptedInstanceService withInstance(Instance instance) {
        instancesOf(instance.team()).put(instance.id(), instance);
        return this;
    }

    /**
     * The last offer search received.
     *
     * @return the request, or null
     */
    public OfferRequest lastOfferRequest() {
        return lastOfferRequest;
    }

    /**
     * The last provision received.
     *
     * @return the command, or null
     */
    public ProvisionCommand lastCommand() {
        return lastCommand;
    }

    @Override
    public Outcome<List<VastOffer>> offers(OfferRequest request) {
        lastOfferRequest = request;
        return this.<List<VastOffer>>scripted().orElseGet(() -> Outcome.ok(List.copyOf(offers)));
    }

    @Override
    public Outcome<Instance> provision(ProvisionCommand command) {
        lastCommand = command;
        Optional<Outcome<Instance>> scripted = scripted();
        if (scripted.isPresent()) {
            return scripted.get();
        }
        long id = vast.forKey(new VastApiKey("test-key"))
                .createInstance(new CreateInstanceRequest(
                        offerId, command.image(), command.diskGb(), "vastguard:" + command.team() + ":tag"));
        Instance instance = new Instance(
                command.team(),
                id,
                command.gpu().value(),
                command.numGpus(),
                Money.ofDollars("0.25"),
                Money.ofDollars("0.004"),
                InstanceStatus.PROVISIONING,
                command.label(),
                "vastguard:" + command.team() + ":tag",
                clock.instant(),
                Money.ZERO,
                clock.instant(),
                false,
                Optional.empty());
        instancesOf(command.team()).put(id, instance);
        return Outcome.ok(instance);
    }

    @Override
    public List<Instance> list(TeamId team) {
        throwIfFailing();
        return List.copyOf(instancesOf(team).values());
    }

    @Override
    public Outcome<Instance> get(TeamId team, long id) {
        return this.<Instance>scripted().orElseGet(() -> find(team, id));
    }

    @Override
    public Outcome<Instance> destroy(TeamId team, String principal, long id) {
        return this.<Instance>scripted().orElseGet(() -> find(team, id));
    }

    @Override
    public Outcome<Instance> stop(TeamId team, String principal, long id) {
        return this.<Instance>scripted().orElseGet(() -> find(team, id));
    }

    @Override
    public Outcome<Instance> start(TeamId team, String principal, long id) {
        return this.<Instance>scripted().orElseGet(() -> find(team, id));
    }

    @Override
    public BudgetView budget(TeamId team) {
        throwIfFailing();
        if (budget != null) {
            return budget;
        }
        return new BudgetView(
                team,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                Money.ofDollars("30"),
                Money.ZERO,
                Money.ofDollars("30"),
                TeamState.ACTIVE,
                Optional.empty(),
                2,
                0,
                Money.ZERO,
                Optional.empty());
    }

    /**
     * A plain offer for tests.
     *
     * @param id the ask id
     * @param dph the price
     * @return the offer
     */
    public static VastOffer anOffer(long id, String dph) {
        return new VastOffer(
                id, "RTX 4090", 1, Money.ofDollars(dph), Money.ofDollars("0.15"), new BigDecimal("0.99"), "Oregon, US");
    }

    private Outcome<Instance> find(TeamId team, long id) {
        Instance instance = instancesOf(team).get(id);
        return instance == null
                ? Outcome.denied(DenialCode.NOT_FOUND, "no instance " + id + " in team " + team)
                : Outcome.ok(instance);
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<Outcome<T>> scripted() {
        throwIfFailing();
        return Optional.ofNullable((Outcome<T>) denial);
    }

    private void throwIfFailing() {
        if (failure != null) {
            throw failure;
        }
    }

    private Map<Long, Instance> instancesOf(TeamId team) {
        return instances.computeIfAbsent(team, t -> new ConcurrentSkipListMap<>());
    }
}
