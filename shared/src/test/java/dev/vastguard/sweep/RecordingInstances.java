package dev.vastguard.sweep;

import dev.vastguard.instance.Accrual;
import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceRepository;
import dev.vastguard.instance.Reservation;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.InMemoryInstanceStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The in-memory store, counting writes, with a hook that runs just before the next accrual is applied. */
final class RecordingInstances implements InstanceRepository {

    private final InMemoryInstanceStore store;
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicReference<Runnable> beforeNextAccrual = new AtomicReference<>();

    RecordingInstances(InMemoryInstanceStore store) {
        this.store = store;
    }

    int writes() {
        return writes.get();
    }

    void beforeNextAccrual(Runnable hook) {
        beforeNextAccrual.set(hook);
    }

    @Override
    public Optional<Instance> find(TeamId team, long id) {
        return store.find(team, id);
    }

    @Override
    public List<Instance> list(TeamId team) {
        return store.list(team);
    }

    @Override
    public List<Reservation> reservations(TeamId team) {
        return store.reservations(team);
    }

    @Override
    public boolean reserve(Reservation reservation, long expectedTeamVersion, Money expectedDaySpend) {
        writes.incrementAndGet();
        return store.reserve(reservation, expectedTeamVersion, expectedDaySpend);
    }

    @Override
    public void confirm(Reservation reservation, Instance instance) {
        writes.incrementAndGet();
        store.confirm(reservation, instance);
    }

    @Override
    public void release(Reservation reservation) {
        writes.incrementAndGet();
        store.release(reservation);
    }

    @Override
    public boolean adopt(Instance instance) {
        writes.incrementAndGet();
        return store.adopt(instance);
    }

    @Override
    public Instant failingSince(TeamId team, long instanceId, Instant seenAt) {
        writes.incrementAndGet();
        return store.failingSince(team, instanceId, seenAt);
    }

    @Override
    public Optional<Instance> applyAccrual(Accrual accrual) {
        Runnable hook = beforeNextAccrual.getAndSet(null);
        if (hook != null) {
            hook.run();
        }
        writes.incrementAndGet();
        return store.applyAccrual(accrual);
    }
}
