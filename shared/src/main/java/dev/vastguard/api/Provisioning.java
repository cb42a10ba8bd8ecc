package dev.vastguard.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vastguard.idempotency.IdempotencyStore;
import dev.vastguard.instance.InstanceService;
import dev.vastguard.instance.ProvisionCommand;
import dev.vastguard.team.TeamId;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /instances}: validates the body, then rents once per {@code Idempotency-Key}. Answers that a retry
 * cannot change (201 and denials) are stored for replay; failures a retry may fix (5xx) free the key again.
 */
final class Provisioning {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioning.class);

    private static final String KEY_HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("^[\\x20-\\x7E]{1,255}$");
    private static final Pattern LABEL = Pattern.compile("^[A-Za-z0-9._-]{0,64}$");
    private static final Set<String> FIELDS = Set.of("gpu_name", "num_gpus", "image", "disk_gb", "label", "max_dph");

    private final InstanceService service;
    private final IdempotencyStore idempotency;
    private final Clock clock;

    Provisioning(InstanceService service, IdempotencyStore idempotency, Clock clock) {
        this.service = service;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /**
     * Handles {@code POST /instances}.
     *
     * @param team the caller's team
     * @param principal the caller's ARN
     * @param request the request
     * @return 201 with the instance, a denial, or a replayed answer
     */
    ApiResponse provision(TeamId team, String principal, ApiRequest request) {
        Query.of(request, Set.of());
        Optional<String> key = request.header(KEY_HEADER);
        if (key.isPresent() && (!KEY.matcher(key.get()).matches() || key.get().isBlank())) {
            throw ApiException.invalid(
                    "the Idempotency-Key header must be 1 to 255 printable ASCII characters, for example a UUID");
        }
        ObjectNode body = Json.object(request.body());
        ProvisionCommand command = command(team, principal, body);
        if (key.isEmpty()) {
            return TeamEndpoints.instance(service.provision(command), 201);
        }
        IdempotencyStore.Claim claim = idempotency.claim(team, key.get(), Json.canonicalHash(body), clock.instant());
        return switch (claim) {
            case IdempotencyStore.Claimed claimed -> runClaimed(team, key.get(), command);
            case IdempotencyStore.Replay replay -> replay(replay);
            case IdempotencyStore.Mismatch mismatch ->
                throw new ApiException(
                        409,
                        "idempotency_conflict",
                        "this Idempotency-Key was already used with a different body; use a new key for a new"
                                + " request");
            case IdempotencyStore.InProgress inProgress ->
                // The first request is still renting; its answer is replayed once it is stored.
                ApiResponse.problem(
                                409,
                                "idempotency_conflict",
                                "a request with this Idempotency-Key is still in progress; retry after "
                                        + Problems.RETRY_AFTER_SECONDS + " seconds to get its answer")
                        .withHeader("Retry-After", Problems.RETRY_AFTER_SECONDS);
        };
    }

    private ApiResponse runClaimed(TeamId team, String key, ProvisionCommand command) {
        ApiResponse response;
        try {
            response = TeamEndpoints.instance(service.provision(command), 201);
        } catch (RuntimeException e) {
            release(team, key, e);
            throw e;
        }
        try {
            idempotency.complete(team, key, response.status(), response.body());
        } catch (RuntimeException e) {
            // The rental happened; answering it matters more than remembering it for a replay.
            LOG.warn("could not store the answer of an idempotent provision for team {}", team, e);
        }
        return response;
    }

    private void release(TeamId team, String key, RuntimeException failure) {
        try {
            idempotency.release(team, key);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static ApiResponse replay(IdempotencyStore.Replay replay) {
        String type = replay.status() >= 400 ? ApiResponse.PROBLEM_JSON : ApiResponse.JSON;
        return new ApiResponse(
                replay.status(), Map.of("Content-Type", type, "Idempotent-Replayed", "true"), replay.body());
    }

    private static ProvisionCommand command(TeamId team, String principal, ObjectNode body) {
        Fields fields = Fields.of(body, FIELDS);
        String gpu = fields.requiredString("gpu_name");
        int numGpus = fields.integer("num_gpus", 1, 16).orElse(1);
        String image = fields.requiredString("image");
        if (image.isBlank() || image.length() > 1024 || !imageLike(image)) {
            throw ApiException.invalid("'image' must be a Docker image name of 1 to 1024 characters, such as"
                    + " pytorch/pytorch:latest: no spaces or control characters, not starting with '-'");
        }
        int diskGb = fields.integer("disk_gb", 8, 2048).orElse(20);
        Optional<String> label = fields.string("label");
        if (label.isPresent() && !LABEL.matcher(label.get()).matches()) {
            throw ApiException.invalid("'label' may hold up to 64 of the characters A-Z a-z 0-9 . _ -");
        }
        return new ProvisionCommand(
                team,
                principal,
                TeamEndpoints.gpuName("gpu_name", gpu),
                numGpus,
                image,
                diskGb,
                label.filter(l -> !l.isEmpty()),
                fields.money("max_dph", false));
    }

    /**
     * Whether a text can be a Docker image reference as Vast.ai passes it on: no whitespace or control characters
     * (which would end up in a command line), no leading '-' (which would read as an option), and well-formed UTF-16.
     */
    private static boolean imageLike(String image) {
        if (image.startsWith("-")) {
            return false;
        }
        for (int i = 0; i < image.length(); i++) {
            char c = image.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < image.length()
                    && Character.isLowSurrogate(image.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
