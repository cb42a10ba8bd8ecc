package dev.vastguard.vast;

import dev.vastguard.config.Config;
import dev.vastguard.secrets.VastApiKey;

/** Placeholder for the HTTP Vast.ai client factory; replaced by the real implementation. */
public final class HttpVastClientFactory implements VastClientFactory {

    private HttpVastClientFactory() {}

    /**
     * Creates the factory.
     *
     * @param config the configuration
     * @return the factory
     */
    public static HttpVastClientFactory create(Config config) {
        return new HttpVastClientFactory();
    }

    @Override
    public VastClient forKey(VastApiKey key) {
        throw new UnsupportedOperationException("not built yet");
    }
}
