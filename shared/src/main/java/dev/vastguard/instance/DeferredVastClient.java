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
import java.util.function.Supplier;

/**
 * A Vast.ai client whose key is read only when the first call is made. Checks that need no market data (suspension,
 * instance limit) are thereby answered even when the team's secret is broken, as the denial order requires.
 */
final class DeferredVastClient implements VastClient {

    private final Supplier<VastClient> factory;
    private VastClient client;

    DeferredVastClient(Supplier<VastClient> factory) {
        this.factory = factory;
    }

    private synchronized VastClient client() {
        if (client == null) {
            client = factory.get();
        }
        return client;
    }

    @Override
    public List<VastOffer> searchOffers(OfferQuery query) {
        return client().searchOffers(query);
    }

    @Override
    public List<String> gpuNames() {
        return client().gpuNames();
    }

    @Override
    public long createInstance(CreateInstanceRequest request) {
        return client().createInstance(request);
    }

    @Override
    public List<VastInstance> listInstances() {
        return client().listInstances();
    }

    @Override
    public List<VastInstance> findByLabel(String label) {
        return client().findByLabel(label);
    }

    @Override
    public Optional<VastInstance> showInstance(long id) {
        return client().showInstance(id);
    }

    @Override
    public void stopInstance(long id) {
        client().stopInstance(id);
    }

    @Override
    public void startInstance(long id) {
        client().startInstance(id);
    }

    @Override
    public void labelInstance(long id, String label) {
        client().labelInstance(id, label);
    }

    @Override
    public boolean destroyInstance(long id) {
        return client().destroyInstance(id);
    }

    @Override
    public List<VastCharge> charges(LocalDate firstDay, LocalDate lastDay) {
        return client().charges(firstDay, lastDay);
    }
}
