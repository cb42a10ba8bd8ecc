package dev.vastguard.instance;

import dev.vastguard.vast.CreateInstanceRequest;
import dev.vastguard.vast.OfferQuery;
import dev.vastguard.vast.VastCharge;
import dev.vastguard.vast.VastClient;
import dev.vastguard.vast.VastInstance;
import dev.vastguard.vast.VastOffer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A client that passes every call on; tests override the calls whose behaviour they change. */
class ForwardingVastClient implements VastClient {

    private final VastClient delegate;

    ForwardingVastClient(VastClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<VastOffer> searchOffers(OfferQuery query) {
        return delegate.searchOffers(query);
    }

    @Override
    public List<String> gpuNames() {
        return delegate.gpuNames();
    }

    @Override
    public long createInstance(CreateInstanceRequest request) {
        return delegate.createInstance(request);
    }

    @Override
    public List<VastInstance> listInstances() {
        return delegate.listInstances();
    }

    @Override
    public List<VastInstance> findByLabel(String label) {
        return delegate.findByLabel(label);
    }

    @Override
    public Optional<VastInstance> showInstance(long id) {
        return delegate.showInstance(id);
    }

    @Override
    public void stopInstance(long id) {
        delegate.stopInstance(id);
    }

    @Override
    public void startInstance(long id) {
        delegate.startInstance(id);
    }

    @Override
    public void labelInstance(long id, String label) {
        delegate.labelInstance(id, label);
    }

    @Override
    public boolean destroyInstance(long id) {
        return delegate.destroyInstance(id);
    }

    @Override
    public List<VastCharge> charges(LocalDate firstDay, LocalDate lastDay) {
        return delegate.charges(firstDay, lastDay);
    }
}
