package dev.vastguard.ledger;

import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A team's ledger for one UTC day compared with what Vast.ai charged the team's account that day, per instance.
 *
 * <p>Differences are {@code charged - ledger}: positive when Vast.ai billed more than vastguard accrued.
 *
 * @param team the team
 * @param day the UTC day
 * @param instances one entry per instance that is in the ledger or in Vast.ai's charges that day, ordered by id
 * @param checkedAt when the comparison was made
 */
public record ChargeCheck(TeamId team, LocalDate day, List<PerInstance> instances, Instant checkedAt) {

    /** Copies the instances, ordered by id. */
    public ChargeCheck {
        instances = instances.stream()
                .sorted(Comparator.comparingLong(PerInstance::instanceId))
                .toList();
    }

    /**
     * What the ledger holds for the team that day.
     *
     * @return the sum over the instances
     */
    public Money ledger() {
        return instances.stream().map(PerInstance::ledger).reduce(Money.ZERO, Money::plus);
    }

    /**
     * What Vast.ai charged the team that day.
     *
     * @return the sum over the instances
     */
    public Money charged() {
        return instances.stream().map(PerInstance::charged).reduce(Money.ZERO, Money::plus);
    }

    /**
     * The team's difference that day.
     *
     * @return {@code charged() - ledger()}
     */
    public Money difference() {
        return charged().minus(ledger());
    }

    /**
     * One instance's ledger cost and charge on the day.
     *
     * @param instanceId the Vast.ai instance id
     * @param ledger what vastguard accrued, zero if it has no line for the instance
     * @param charged what Vast.ai charged, zero if it listed no charge for the instance
     */
    public record PerInstance(long instanceId, Money ledger, Money charged) {

        /**
         * The instance's difference.
         *
         * @return {@code charged - ledger}
         */
        public Money difference() {
            return charged.minus(ledger);
        }
    }
}
