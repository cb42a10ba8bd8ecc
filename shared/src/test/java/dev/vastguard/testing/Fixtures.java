package dev.vastguard.testing;

import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceStatus;
import dev.vastguard.money.Money;
import dev.vastguard.team.BreachAction;
import dev.vastguard.team.GpuName;
import dev.vastguard.team.Policy;
import dev.vastguard.team.TeamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Test data builders for teams, policies and instances. */
public final class Fixtures {

    private Fixtures() {}

    /**
     * A policy builder with the {@code data-science} example's limits: RTX 4090 and RTX 3090, 2 instances,
     * $10.00 a day, $0.30 an hour.
     *
     * @return the builder
     */
    public static PolicyBuilder aPolicy() {
        return new PolicyBuilder();
    }

    /**
     * An instance builder: a running RTX 4090 at $0.30 an hour created at 2026-11-10T00:00:00Z.
     *
     * @param team the team
     * @param id the Vast.ai id
     * @return the builder
     */
    public static InstanceBuilder anInstance(String team, long id) {
        return new InstanceBuilder(TeamId.of(team), id);
    }

    /** Builds policies. */
    public static final class PolicyBuilder {
        private List<GpuName> gpus = List.of(GpuName.of("RTX_4090"), GpuName.of("RTX_3090"));
        private int maxInstances = 2;
        private Money dailyBudget = Money.ofDollars("10.00");
        private Money maxDph = Money.ofDollars("0.30");
        private BigDecimal minReliability = Policy.DEFAULT_MIN_RELIABILITY;
        private BreachAction onBreach = BreachAction.STOP;
        private Optional<Money> monthlyBudget = Optional.empty();
        private Optional<BigDecimal> destroyStoppedAfterHours = Optional.empty();
        private int maxLoadingMinutes = Policy.DEFAULT_MAX_LOADING_MINUTES;
        private String vastSecretId = "vastguard/teams/test/vast-api-key";

        /**
         * Sets the whitelist.
         *
         * @param names names or families as a policy writes them
         * @return this builder
         */
        public PolicyBuilder gpus(String... names) {
            gpus = Arrays.stream(names).map(GpuName::of).toList();
            return this;
        }

        /**
         * Sets the instance limit.
         *
         * @param value the limit
         * @return this builder
         */
        public PolicyBuilder maxInstances(int value) {
            maxInstances = value;
            return this;
        }

        /**
         * Sets the daily budget.
         *
         * @param dollars for example {@code "10.00"}
         * @return this builder
         */
        public PolicyBuilder dailyBudget(String dollars) {
            dailyBudget = Money.ofDollars(dollars);
            return this;
        }

        /**
         * Sets the price cap.
         *
         * @param dollars for example {@code "0.30"}
         * @return this builder
         */
        public PolicyBuilder maxDph(String dollars) {
            maxDph = Money.ofDollars(dollars);
            return this;
        }

        /**
         * Sets the minimum reliability.
         *
         * @param value for example {@code "0.95"}
         * @return this builder
         */
        public PolicyBuilder minReliability(String value) {
            minReliability = new BigDecimal(value);
            return this;
        }

        /**
         * Sets the breach action.
         *
         * @param value stop or destroy
         * @return this builder
         */
        public PolicyBuilder onBreach(BreachAction value) {
            onBreach = value;
            return this;
        }

        /**
         * Sets a monthly budget.
         *
         * @param dollars for example {@code "200.00"}
         * @return this builder
         */
        public PolicyBuilder monthlyBudget(String dollars) {
            monthlyBudget = Optional.of(Money.ofDollars(dollars));
            return this;
        }

        /**
         * Sets the hours after a suspension at which still-stopped instances are destroyed.
         *
         * @param hours for example {@code "24"}
         * @return this builder
         */
        public PolicyBuilder destroyStoppedAfterHours(String hours) {
            destroyStoppedAfterHours = Optional.of(new BigDecimal(hours));
            return this;
        }

        /**
         * Sets the secret holding the team's Vast.ai key.
         *
         * @param secretId the secret id
         * @return this builder
         */
        public PolicyBuilder vastSecretId(String secretId) {
            vastSecretId = secretId;
            return this;
        }

        /**
         * Sets the minutes an instance may take to reach running.
         *
         * @param minutes at least 1
         * @return this builder
         */
        public PolicyBuilder maxLoadingMinutes(int minutes) {
            maxLoadingMinutes = minutes;
            return this;
        }

        /**
         * Builds the policy, with secret {@code vastguard/teams/test/vast-api-key} unless another was set.
         *
         * @return the policy
         */
        public Policy build() {
            return new Policy(
                    gpus,
                    maxInstances,
                    dailyBudget,
                    maxDph,
                    minReliability,
                    vastSecretId,
                    onBreach,
                    monthlyBudget,
                    Policy.DEFAULT_ALERT_THRESHOLDS,
                    destroyStoppedAfterHours,
                    maxLoadingMinutes);
        }
    }

    /** Builds instances. */
    public static final class InstanceBuilder {
        private final TeamId team;
        private final long id;
        private String gpuName = "RTX 4090";
        private Money dph = Money.ofDollars("0.30");
        private Money storageDph = Money.ofDollars("0.004");
        private InstanceStatus status = InstanceStatus.RUNNING;
        private Instant createdAt = Instant.parse("2026-11-10T00:00:00Z");
        private Instant accruedUntil;
        private boolean adopted;

        private InstanceBuilder(TeamId team, long id) {
            this.team = team;
            this.id = id;
        }

        /**
         * Sets the GPU name.
         *
         * @param value the name
         * @return this builder
         */
        public InstanceBuilder gpuName(String value) {
            gpuName = value;
            return this;
        }

        /**
         * Sets the running rate.
         *
         * @param dollars dollars per hour
         * @return this builder
         */
        public InstanceBuilder dph(String dollars) {
            dph = Money.ofDollars(dollars);
            return this;
        }

        /**
         * Sets the storage rate.
         *
         * @param dollars dollars per hour
         * @return this builder
         */
        public InstanceBuilder storageDph(String dollars) {
            storageDph = Money.ofDollars(dollars);
            return this;
        }

        /**
         * Sets the status.
         *
         * @param value the status
         * @return this builder
         */
        public InstanceBuilder status(InstanceStatus value) {
            status = value;
            return this;
        }

        /**
         * Sets the creation time (and the accrual start, unless set).
         *
         * @param iso an ISO-8601 instant
         * @return this builder
         */
        public InstanceBuilder createdAt(String iso) {
            createdAt = Instant.parse(iso);
            return this;
        }

        /**
         * Sets the instant the instance is accrued up to.
         *
         * @param iso an ISO-8601 instant
         * @return this builder
         */
        public InstanceBuilder accruedUntil(String iso) {
            accruedUntil = Instant.parse(iso);
            return this;
        }

        /**
         * Marks the instance as found on the team's account rather than created by vastguard.
         *
         * @return this builder
         */
        public InstanceBuilder adopted() {
            adopted = true;
            return this;
        }

        /**
         * Builds the instance.
         *
         * @return the instance
         */
        public Instance build() {
            return new Instance(
                    team,
                    id,
                    gpuName,
                    1,
                    dph,
                    storageDph,
                    status,
                    Optional.empty(),
                    "vastguard:" + team + ":" + String.format("%032x", id),
                    createdAt,
                    Money.ZERO,
                    accruedUntil == null ? createdAt : accruedUntil,
                    adopted,
                    Optional.empty());
        }
    }
}
