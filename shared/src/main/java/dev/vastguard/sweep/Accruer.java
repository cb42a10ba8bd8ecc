package dev.vastguard.sweep;

import dev.vastguard.instance.Accrual;
import dev.vastguard.instance.AccrualCalculator;
import dev.vastguard.instance.Billing;
import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceRepository;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * Brings one instance's accrual up to an instant, in steps of at most {@link AccrualCalculator#MAX_SPAN}, and
 * survives concurrent accruals (the API's destroy, another sweep) by reading the instance again and carrying on
 * from wherever the winner left it.
 */
final class Accruer {

    /** Enough for a year of 30-day steps plus a few lost races; more means something keeps overtaking us. */
    private static final int MAX_STEPS = 64;

    private final InstanceRepository instances;

    Accruer(InstanceRepository instances) {
        this.instances = instances;
    }

    /**
     * Accrues an instance up to an instant and moves it to a status, writing nothing if nothing would change.
     * A destroyed instance is left as it is.
     */
    Result accrue(Instance instance, Billing billing, Instant to, Optional<InstanceStatus> target) {
        Instance current = instance;
        Money added = Money.ZERO;
        boolean changed = false;
        for (int step = 0; step < MAX_STEPS && current.holdsSlot(); step++) {
            InstanceStatus status = current.status();
            Optional<InstanceStatus> change = target.filter(s -> s != status);
            Accrual accrual = AccrualCalculator.accrue(current, billing, to, change);
            if (accrual.days().isEmpty() && change.isEmpty() && !accrual.to().isAfter(accrual.from())) {
                return new Result(current, added, changed);
            }

            Optional<Instance> applied = instances.applyAccrual(accrual);
            if (applied.isPresent()) {
                added = added.plus(cost(accrual));
                changed |= change.isPresent();
                current = applied.get();
            } else {
                current = reread(current);
            }
        }
        if (!current.holdsSlot()) {
            return new Result(current, added, changed);
        }
        throw new IllegalStateException(
                "accrual of instance " + instance.id() + " did not settle after " + MAX_STEPS + " steps");
    }

    private Instance reread(Instance instance) {
        return instances
                .find(instance.team(), instance.id())
                .orElseThrow(() -> new IllegalStateException("instance " + instance.id() + " disappeared"));
    }

    private static Money cost(Accrual accrual) {
        return accrual.days().stream().map(Accrual.DayCost::cost).reduce(Money.ZERO, Money::plus);
    }

    /**
     * The outcome of an accrual.
     *
     * @param instance the instance as stored afterwards
     * @param added the cost this call added
     * @param statusChanged whether this call (not a concurrent one) wrote the status change
     */
    record Result(Instance instance, Money added, boolean statusChanged) {}
}
