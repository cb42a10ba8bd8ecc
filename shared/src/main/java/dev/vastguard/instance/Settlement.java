package dev.vastguard.instance;

import java.time.Instant;
import java.util.Optional;

/**
 * Accrues an instance up to now and records its new state, the last step of a stop, start or destroy. The span is
 * billed as Vast.ai reported the instance just before the change when that is known (an instance rented and
 * destroyed between two sweeps was running, though vastguard last recorded it as provisioning), else at the billing
 * of its recorded state.
 *
 * <p>A sweep may accrue the same instance at the same time; the repository then refuses one of the two writes, and
 * the loser reads the instance again and accrues only what is still owed. Gaps longer than the calculator's
 * longest span are accrued in several steps, the state changing only with the last.
 */
final class Settlement {

    static final int MAX_LOST_RACES = 25;

    private final InstanceRepository instances;

    Settlement(InstanceRepository instances) {
        this.instances = instances;
    }

    /**
     * Accrues and changes the state.
     *
     * @param instance the instance as last read
     * @param newStatus the state it is in from {@code now}
     * @param now the instant to accrue up to (whole seconds)
     * @param observed how Vast.ai billed the instance just before the change, if it said
     * @return the instance as stored afterwards, and whether this call changed its state (false when a concurrent
     *     request got there first, so only one of them audits the change)
     * @throws AdmissionContentionException if concurrent accruals kept winning
     */
    Settled settle(Instance instance, InstanceStatus newStatus, Instant now, Optional<Billing> observed) {
        Instance current = instance;
        int lostRaces = 0;
        while (true) {
            Billing billing = observed.orElse(Billing.of(current.status()));
            Accrual step = AccrualCalculator.accrue(current, billing, now, Optional.empty());
            boolean last = !step.to().isBefore(now);
            if (last) {
                step = AccrualCalculator.accrue(current, billing, now, Optional.of(newStatus));
            }
            Optional<Instance> applied = instances.applyAccrual(step);
            if (applied.isPresent() && last) {
                return new Settled(applied.get(), true);
            }
            if (applied.isPresent()) {
                current = applied.get();
                continue;
            }
            lostRaces++;
            if (lostRaces >= MAX_LOST_RACES) {
                throw new AdmissionContentionException("accruing instance " + instance.id() + " of team "
                        + instance.team() + " kept losing to concurrent accruals; try again");
            }
            current = reread(instance);
            if (current.status() == InstanceStatus.DESTROYED || current.status() == newStatus) {
                return new Settled(current, false);
            }
        }
    }

    /**
     * The end of a settlement.
     *
     * @param instance the instance as stored afterwards
     * @param changed whether this call made the change
     */
    record Settled(Instance instance, boolean changed) {}

    private Instance reread(Instance instance) {
        return instances
                .find(instance.team(), instance.id())
                .orElseThrow(() -> new IllegalStateException(
                        "instance " + instance.id() + " of team " + instance.team() + " disappeared while accruing"));
    }
}
