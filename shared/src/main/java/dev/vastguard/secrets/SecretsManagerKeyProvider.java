package dev.vastguard.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Reads team Vast.ai keys from Secrets Manager and caches them per container for a while, so a busy team does not
 * pay a Secrets Manager call (and its latency) on every request.
 *
 * <p>The secret string is either the key itself or JSON with an {@code api_key} (or {@code vast_api_key}) field.
 * Neither the key nor the secret string ever appears in a message or log.
 */
public final class SecretsManagerKeyProvider implements VastKeyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> JSON_FIELDS = List.of("api_key", "vast_api_key");

    private final SecretsManagerClient secrets;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /**
     * Creates the provider.
     *
     * @param secrets the Secrets Manager client
     * @param ttl how long a key is served from the cache ({@code Config.secretCacheTtl()})
     * @param clock the clock the cache ages by
     */
    public SecretsManagerKeyProvider(SecretsManagerClient secrets, Duration ttl, Clock clock) {
        this.secrets = secrets;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public VastApiKey keyFor(String secretId) {
        Instant now = clock.instant();
        Cached cached = cache.get(secretId);
        if (cached != null && now.isBefore(cached.fetchedAt().plus(ttl))) {
            return cached.key();
        }
        VastApiKey key = fetch(secretId);
        cache.put(secretId, new Cached(key, now));
        return key;
    }

    private VastApiKey fetch(String secretId) {
        String secretString;
        try {
            secretString = secrets.getSecretValue(r -> r.secretId(secretId)).secretString();
        } catch (ResourceNotFoundException | InvalidRequestException e) {
            // InvalidRequest is what Secrets Manager answers for a secret that is scheduled for deletion.
            throw new MissingSecretException(secretId, e);
        }
        String key = extract(secretString);
        if (key == null || key.isBlank()) {
            throw new MissingSecretException(secretId, null);
        }
        return new VastApiKey(key.trim());
    }

    private static String extract(String secretString) {
        if (secretString == null || !secretString.trim().startsWith("{")) {
            return secretString;
        }
        try {
            JsonNode json = JSON.readTree(secretString);
            return JSON_FIELDS.stream()
                    .map(json::path)
                    .filter(JsonNode::isTextual)
                    .map(JsonNode::asText)
                    .findFirst()
                    .orElse(null);
        } catch (JsonProcessingException e) {
            // Deliberately dropped: the parser's message can quote the secret string.
            return null;
        }
    }

    private record Cached(VastApiKey key, Instant fetchedAt) {}
}
