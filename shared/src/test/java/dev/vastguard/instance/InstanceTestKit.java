package dev.vastguard.instance;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.audit.AuditEvent;
import dev.vastguard.money.Money;
import dev.vastguard.team.GpuName;
import dev.vastguard.team.Policy;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.TestPlatform;
import dev.vastguard.vast.VastClientFactory;
import dev.vastguard.vast.VastInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A team on a platform of fakes, with shortcuts for arranging instances and reading effects. */
final class InstanceTestKit {

    static final TeamId TEAM = TeamId.of("team-a");
    static final TeamId OTHER_TEAM = TeamId.of("team-b");
    static final String PRINCIPAL = "arn:aws:iam::123456789012:role/team-a";
    static final String KEY = "test-key";

    final TestPlatform fakes = new TestPlatform();

    InstanceTestKit(Policy policy) {
        fakes.teams.putPolicy(TEAM, policy);
    }

    DefaultInstanceService service() {
        return new DefaultInstanceService(fakes.platform());
    }

    /** A service whose Vast.ai clients come from another factory (a decorator over the fake market). */
    DefaultInstanceService service(VastClientFactory vast) {
        return new DefaultInstanceService(fakes.platform(TestPlatform.config(), vast));
    }

    void at(String iso) {
        fakes.clock.set(Instant.parse(iso));
    }

    void advance(Duration duration) {
        fakes.clock.advance(duration);
    }

    Instant now() {
        return fakes.clock.instant();
    }

    static ProvisionCommand command(String gpu) {
        return command(gpu, 1, Optional.empty());
    }

    static ProvisionCommand command(String gpu, int numGpus, Optional<Money> maxDph) {
        return new ProvisionCommand(
                TEAM, PRINCIPAL, GpuName.of(gpu), numGpus, "pytorch/pytorch:latest", 20, Optional.empty(), maxDph);
    }

    /** Records an instance as the team's and puts it on the team's Vast.ai account in the matching state. */
    Instance holding(Instance instance) {
        fakes.instances.confirm(reservationFor(instance), instance);
        String status = switch (instance.status()) {
            case RUNNING -> "running";
            case STOPPED -> "stopped";
            case UNKNOWN -> "offline";
            case PROVISIONING -> "loading";
            case DESTROYED -> "destroyed";
        };
        if (instance.status() != InstanceStatus.DESTROYED) {
            fakes.vast.put(
                    KEY,
                    new VastInstance(
                            instance.id(),
                            Optional.of(status),
                            Optional.of(status),
                            instance.gpuName(),
                            instance.numGpus(),
                            instance.dphTotal(),
                            instance.storageDph(),
                            Optional.of(instance.tag()),
                            Optional.of(instance.createdAt())));
        }
        return instance;
    }

    /** Accrues an instance in the store as a sweep would, adding to the ledger. */
    Instance accrued(Instance instance, String untilIso) {
        Instance current = fakes.instances.find(instance.team(), instance.id()).orElseThrow();
        Accrual accrual = AccrualCalculator.accrue(
                current, Billing.of(current.status()), Instant.parse(untilIso), Optional.empty());
        return fakes.instances.applyAccrual(accrual).orElseThrow();
    }

    Instance stored(long id) {
        return fakes.instances.find(TEAM, id).orElseThrow();
    }

    List<AuditEvent> audited(AuditAction action) {
        return fakes.audit.all().stream().filter(e -> e.action() == action).toList();
    }

    Optional<VastInstance> atVast(long id) {
        return fakes.vast.instances(KEY).stream().filter(i -> i.id() == id).findFirst();
    }

    static Reservation reservationFor(Instance instance) {
        return new Reservation(
                instance.team(),
                instance.tag(),
                instance.gpuName(),
                instance.numGpus(),
                instance.dphTotal(),
                instance.storageDph(),
                instance.label(),
                instance.createdAt());
    }
}
