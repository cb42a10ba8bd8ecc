package dev.vastguard.secrets;

/** Looks up a team's Vast.ai API key by the secret that holds it. */
public interface VastKeyProvider {

    /**
     * The key stored in a secret.
     *
     * @param secretId the Secrets Manager secret id or name
     * @return the key
     * @throws MissingSecretException if the secret does not exist or is empty
     */
    VastApiKey keyFor(String secretId);
}
