package dev.vastguard.secrets;

/**
 * A team's Vast.ai API key. Its {@code toString} never shows the key, so it cannot end up in a log by accident.
 *
 * @param value the key
 */
public record VastApiKey(String value) {

    /**
     * Rejects an empty key.
     *
     * @throws IllegalArgumentException if the key is blank
     */
    public VastApiKey {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Vast.ai API key is empty");
        }
    }

    @Override
    public String toString() {
        return "VastApiKey[redacted]";
    }
}
