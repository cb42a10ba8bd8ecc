package dev.vastguard.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vastguard.idempotency.IdempotencyStore;
import dev.vastguard.instance.Instance;
import dev.vastguard.instance.InstanceService;
import dev.vastguard.instance.OfferRequest;
import dev.vastguard.outcome.Outcome;
import dev.vastguard.principal.Principal;
import dev.vastguard.team.GpuName;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.TeamRepository;
import dev.vastguard.vast.VastOffer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The team endpoints: offers, instances and budget of the caller's own team. */
final class TeamEndpoints implements ApiRouter.Endpoints {

    private static final Pattern INSTANCE_ID = Pattern.compile("^[1-9][0-9]{0,17}$");
    private static final int MAX_GPU_NAME_LENGTH = 128;

    private final InstanceService service;
    private final TeamRepository teams;
    private final Provisioning provisioning;

    TeamEndpoints(InstanceService service, TeamRepository teams, IdempotencyStore idempotency, Clock clock) {
        this.service = service;
        this.teams = teams;
        this.provisioning = new Provisioning(service, idempotency, clock);
    }

    @Override
    public ApiResponse handle(Routes.Route route, ApiRequest request, Principal caller) {
        TeamId team = caller.team().orElseThrow(() -> ApiException.forbidden("the caller is not a team member"));
        if (teams.find(team).isEmpty()) {
            throw ApiException.forbidden("team '" + team + "' has no policy yet; an admin must PUT /teams/" + team
                    + " before its members can use the API");
        }
        String principal = request.callerArn().orElse(caller.arn());
        return switch (route.key()) {
            case "GET /offers" -> offers(team, request);
            case "POST /instances" -> provisioning.provision(team, principal, request);
            case "GET /instances" -> list(team, request);
            case "GET /instances/{id}" -> instance(service.get(team, id(request)));
            case "DELETE /instances/{id}" -> instance(service.destroy(team, principal, id(request)));
            case "POST /instances/{id}/stop" -> instance(service.stop(team, principal, id(request)));
            case "POST /instances/{id}/start" -> instance(service.start(team, principal, id(request)));
            case "GET /budget" -> budget(team, request);
            default -> throw ApiException.notFound("no route " + route.key() + " in the team API");
        };
    }

    private ApiResponse offers(TeamId team, ApiRequest request) {
        Query query = Query.of(request, Set.of("gpu_name", "num_gpus", "limit"));
        Optional<GpuName> gpu = query.string("gpu_name").map(raw -> gpuName("gpu_name", raw));
        Optional<Integer> numGpus = query.integer("num_gpus", 1, 16);
        int limit = query.integer("limit", 1, 100).orElse(20);
        Outcome<List<VastOffer>> outcome = service.offers(new OfferRequest(team, gpu, numGpus, limit));
        return switch (outcome) {
            case Outcome.Ok<List<VastOffer>> ok -> {
                ArrayNode offers = Json.newArray();
                ok.value().stream().limit(limit).map(Views::offer).forEach(offers::add);
                ObjectNode body = Json.newObject();
                body.set("offers", offers);
                yield ApiResponse.json(200, Json.write(body));
            }
            case Outcome.Denied<List<VastOffer>> denied -> Problems.denial(denied.code(), denied.detail());
        };
    }

    private ApiResponse list(TeamId team, ApiRequest request) {
        Query.of(request, Set.of());
        ArrayNode instances = Json.newArray();
        service.list(team).stream().map(Views::instance).forEach(instances::add);
        ObjectNode body = Json.newObject();
        body.set("instances", instances);
        return ApiResponse.json(200, Json.write(body));
    }

    private ApiResponse budget(TeamId team, ApiRequest request) {
        Query.of(request, Set.of());
        return ApiResponse.json(200, Json.write(Views.budget(service.budget(team))));
    }

    /**
     * The answer to a use case that yields one instance.
     *
     * @param outcome the outcome
     * @return 200 with the instance, or the denial
     */
    static ApiResponse instance(Outcome<Instance> outcome) {
        return instance(outcome, 200);
    }

    /**
     * The answer to a use case that yields one instance.
     *
     * @param outcome the outcome
     * @param status the status of a success
     * @return the instance, or the denial
     */
    static ApiResponse instance(Outcome<Instance> outcome, int status) {
        return switch (outcome) {
            case Outcome.Ok<Instance> ok -> {
                ObjectNode body = Json.newObject();
                body.set("instance", Views.instance(ok.value()));
                yield ApiResponse.json(status, Json.write(body));
            }
            case Outcome.Denied<Instance> denied -> Problems.denial(denied.code(), denied.detail());
        };
    }

    /**
     * Reads a GPU name as a request or policy writes it.
     *
     * @param field the field it came from, for the problem detail
     * @param raw the text
     * @return the name
     * @throws ApiException 400 if it is blank, too long or holds control characters
     */
    static GpuName gpuName(String field, String raw) {
        boolean readable = raw.length() <= MAX_GPU_NAME_LENGTH
                && raw.chars().noneMatch(Character::isISOControl)
                && !raw.replace('_', ' ').isBlank();
        if (!readable) {
            throw ApiException.invalid("'" + field + "' must name a GPU or family such as RTX_4090 or A100, in at most "
                    + MAX_GPU_NAME_LENGTH + " printable characters");
        }
        return GpuName.of(raw);
    }

    private static long id(ApiRequest request) {
        String raw = request.pathParameters().getOrDefault("id", "");
        if (!INSTANCE_ID.matcher(raw).matches()) {
            throw ApiException.notFound("no instance '" + abbreviate(raw) + "': instance ids are positive integers");
        }
        return Long.parseLong(raw);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
