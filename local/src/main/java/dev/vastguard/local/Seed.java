package dev.vastguard.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Teams, principals and Vast.ai keys the local runner loads at start: the example seed, or a file named by
 * {@code VASTGUARD_SEED}.
 *
 * @param teams each team's policy (as the admin API takes it) and key
 * @param principals each principal as the admin API takes it ({@code arn}, {@code role}, {@code team})
 */
record Seed(List<SeedTeam> teams, List<ObjectNode> principals) {

    /** One team: its id, its policy object and its Vast.ai key. */
    record SeedTeam(String team, ObjectNode policy, String vastApiKey) {

        /** The Secrets Manager name the runner stores the key under. */
        String secretId() {
            return "vastguard/teams/" + team + "/vast-api-key";
        }
    }

    static Seed load(ObjectMapper json, Optional<Path> file) throws IOException {
        if (file.isPresent()) {
            try (InputStream in = Files.newInputStream(file.get())) {
                return parse(json.readTree(in), file.get().toString());
            }
        }
        try (InputStream in = Seed.class.getResourceAsStream("/seed/example-seed.json")) {
            if (in == null) {
                throw new IllegalStateException("the example seed is missing from the runner's jar");
            }
            return parse(json.readTree(in), "the example seed");
        }
    }

    private static Seed parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + " must be a JSON object with teams and principals");
        }
        List<SeedTeam> teams = new ArrayList<>();
        JsonNode teamsNode = root.path("teams");
        for (Iterator<Map.Entry<String, JsonNode>> it = teamsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode policy = entry.getValue().path("policy");
            JsonNode key = entry.getValue().path("vast_api_key");
            if (!policy.isObject() || !key.isTextual() || key.asText().isBlank()) {
                throw new IllegalArgumentException(
                        source + ": team " + entry.getKey() + " needs a policy object and a vast_api_key");
            }
            teams.add(new SeedTeam(entry.getKey(), (ObjectNode) policy, key.asText()));
        }
        List<ObjectNode> principals = new ArrayList<>();
        for (JsonNode principal : root.path("principals")) {
            if (!principal.isObject()) {
                throw new IllegalArgumentException(source + ": each principal must be an object");
            }
            principals.add((ObjectNode) principal);
        }
        return new Seed(List.copyOf(teams), List.copyOf(principals));
    }
}
