package dev.vastguard.vast;

import dev.vastguard.secrets.VastApiKey;

/** Makes a {@link VastClient} for one account's key; the HTTP connection pool is shared. */
public interface VastClientFactory {

    /**
     * A client that calls Vast.ai with a key.
     *
     * @param key the account's API key
     * @return the client
     */
    VastClient forKey(VastApiKey key);
}
