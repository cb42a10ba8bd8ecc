package dev.vastguard.vast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vastguard.secrets.VastApiKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Vast.ai REST API for one account's key, as {@code /work/shared/reference/vast-api.md} describes it. */
final class VastHttpClient implements VastClient {

    private static final Logger LOG = LoggerFactory.getLogger(VastHttpClient.class);
    private static final String INSTANCES_V1 = "/api/v1/instances/";
    /** The v1 listing's maximum page size. */
    private static final int PAGE_SIZE = 25;
    /** The per-contract charges listing. */
    private static final String CHARGES = "/api/v0/charges/";
    /** The charges listing's maximum page size. */
    private static final int CHARGES_PAGE_SIZE = 500;
    /** A guard against a server that never stops paging: 10,000 instances, 200,000 charges. */
    private static final int MAX_PAGES = 400;

    private final VastTransport transport;
    private final VastApiKey key;
    private final ObjectMapper mapper;
    private final VastDecoder decoder;
    private final VastErrors errors;

    VastHttpClient(VastTransport transport, VastApiKey key, ObjectMapper mapper) {
        this.transport = transport;
        this.key = key;
        this.mapper = mapper;
        this.decoder = new VastDecoder(mapper);
        this.errors = new VastErrors(mapper, key);
    }

    @Override
    public List<VastOffer> searchOffers(OfferQuery query) {
        String operation = "search offers";
        JsonNode root = call(VastCall.withBody(operation, "POST", "/api/v0/bundles/", write(searchBody(query))), true);
        List<VastOffer> offers = new ArrayList<>();
        for (JsonNode node : array(operation, root, "offers")) {
            offers.add(decoder.offer(operation, node));
        }
        offers.sort(Comparator.comparing(VastOffer::dphTotal).thenComparingLong(VastOffer::id));
        int limit = query.limit() > 0 ? Math.min(query.limit(), offers.size()) : offers.size();
        return List.copyOf(offers.subList(0, limit));
    }

    @Override
    public List<String> gpuNames() {
        String operation = "list GPU names";
        JsonNode root = call(VastCall.get(operation, "/api/v0/gpu_names/unique/", ""), true);
        List<String> names = new ArrayList<>();
        for (JsonNode node : array(operation, root, "gpu_names")) {
            if (node.isTextual() && !node.asText().isBlank()) {
                names.add(node.asText());
            }
        }
        return List.copyOf(names);
    }

    @Override
    public long createInstance(CreateInstanceRequest request) {
        String operation = "create instance from offer " + request.offerId();
        String path = "/api/v0/asks/" + request.offerId() + "/";
        // Never retried: a lost answer may hide a created instance, which the caller finds by its label.
        JsonNode root = call(VastCall.withBody(operation, "PUT", path, write(createBody(request))), false);
        JsonNode contract = root.get("new_contract");
        if (contract == null || !contract.canConvertToExactIntegral() || !contract.canConvertToLong()) {
            throw new VastClientException(
                    operation + ": Vast.ai answered without new_contract; look the instance up by its label", null);
        }
        LOG.info("Vast.ai created instance {} from offer {}", contract.longValue(), request.offerId());
        return contract.longValue();
    }

    @Override
    public List<VastInstance> listInstances() {
        return instances("list instances", Optional.empty());
    }

    @Override
    public List<VastInstance> findByLabel(String label) {
        ObjectNode filters = mapper.createObjectNode();
        filters.putObject("label").put("eq", label);
        // The filter runs on Vast.ai's side; checking again here costs nothing and guards against it being ignored.
        return instances("find instances by label", Optional.of(filters)).stream()
                .filter(instance -> instance.label().filter(label::equals).isPresent())
                .toList();
    }

    @Override
    public Optional<VastInstance> showInstance(long id) {
        String operation = "show instance " + id;
        VastResponse response =
                transport.send(key, VastCall.get(operation, "/api/v0/instances/" + id + "/", "owner=me"), true);
        if (!response.isSuccess()) {
            if (isNotFound(response)) {
                return Optional.empty();
            }
            throw errors.toException(operation, response.status(), errors.details(response.body()));
        }
        JsonNode instances = field(operation, successBody(operation, response), "instances");
        if (instances.isObject()) {
            return Optional.of(decoder.instance(operation, instances));
        }
        // Right after a destroy Vast.ai has answered with null or a non-object here: the instance is gone.
        if (instances.isArray()) {
            for (JsonNode node : instances) {
                if (node.isObject() && decoder.id(operation, node) == id) {
                    return Optional.of(decoder.instance(operation, node));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void stopInstance(long id) {
        changeInstance("stop instance " + id, id, mapper.createObjectNode().put("state", "stopped"));
    }

    @Override
    public void startInstance(long id) {
        changeInstance("start instance " + id, id, mapper.createObjectNode().put("state", "running"));
    }

    @Override
    public void labelInstance(long id, String label) {
        changeInstance("label instance " + id, id, mapper.createObjectNode().put("label", label));
    }

    @Override
    public boolean destroyInstance(long id) {
        String operation = "destroy instance " + id;
        VastCall call = VastCall.withBody(operation, "DELETE", "/api/v0/instances/" + id + "/", "{}");
        VastResponse response = transport.send(key, call, true);
        if (!response.isSuccess()) {
            if (isNotFound(response)) {
                // After an attempt whose answer was lost, "not found" most likely means that attempt destroyed it.
                return response.afterUncertainAttempt();
            }
            throw errors.toException(operation, response.status(), errors.details(response.body()));
        }
        successBodyOrEmpty(operation, response);
        LOG.info("Vast.ai destroyed instance {}", id);
        return true;
    }

    @Override
    public List<VastCharge> charges(LocalDate firstDay, LocalDate lastDay) {
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("the last day " + lastDay + " is before the first day " + firstDay);
        }
        String operation = "list charges from " + firstDay + " to " + lastDay;
        ObjectNode filters = mapper.createObjectNode();
        // Both bounds are required; lte is the last second of the last day, so the next day is never included.
        filters.putObject("day").put("gte", startOf(firstDay)).put("lte", startOf(lastDay.plusDays(1)) - 1);
        filters.putObject("type").putArray("in").add("instance");
        List<VastCharge> charges = new ArrayList<>();
        for (JsonNode node : allPages(operation, CHARGES, "results", after -> chargesQuery(filters, after))) {
            decoder.charge(operation, node).ifPresent(charges::add);
        }
        return List.copyOf(charges);
    }

    private void changeInstance(String operation, long id, ObjectNode body) {
        VastCall call = VastCall.withBody(operation, "PUT", "/api/v0/instances/" + id + "/", write(body));
        VastResponse response = transport.send(key, call, true);
        if (!response.isSuccess()) {
            throw errors.toException(operation, response.status(), errors.details(response.body()));
        }
        successBodyOrEmpty(operation, response);
        LOG.info("Vast.ai accepted: {}", operation);
    }

    private List<VastInstance> instances(String operation, Optional<ObjectNode> filters) {
        List<VastInstance> all = new ArrayList<>();
        for (JsonNode node : allPages(operation, INSTANCES_V1, "instances", after -> instancesQuery(filters, after))) {
            all.add(decoder.instance(operation, node));
        }
        return List.copyOf(all);
    }

    /**
     * Every row of a listing that pages with {@code next_token} and {@code after_token}, page after page until
     * Vast.ai sends no further token.
     */
    private List<JsonNode> allPages(
            String operation, String path, String field, Function<Optional<String>, String> queryAfter) {
        List<JsonNode> rows = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        Optional<String> after = Optional.empty();
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode root = call(VastCall.get(operation, path, queryAfter.apply(after)), true);
            array(operation, root, field).forEach(rows::add);
            after = VastDecoder.text(root, "next_token");
            if (after.isEmpty()) {
                return rows;
            }
            if (!tokens.add(after.get())) {
                throw new VastClientException(operation + ": Vast.ai sent the same page token twice", null);
            }
        }
        throw new VastClientException(operation + ": more than " + MAX_PAGES + " pages of " + field, null);
    }

    private String instancesQuery(Optional<ObjectNode> filters, Optional<String> after) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("limit", PAGE_SIZE);
        ArrayNode order = mapper.createArrayNode();
        order.addObject().put("col", "id").put("dir", "asc");
        params.put("order_by", order);
        filters.ifPresent(f -> params.put("select_filters", f));
        after.ifPresent(token -> params.put("after_token", token));
        return query(params);
    }

    private String chargesQuery(ObjectNode filters, Optional<String> after) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("select_filters", filters);
        params.put("limit", CHARGES_PAGE_SIZE);
        after.ifPresent(token -> params.put("after_token", token));
        return query(params);
    }

    private static long startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private ObjectNode searchBody(OfferQuery query) {
        ObjectNode body = mapper.createObjectNode();
        body.putObject("verified").put("eq", true);
        body.putObject("external").put("eq", false);
        body.putObject("rentable").put("eq", true);
        ArrayNode names = body.putObject("gpu_name").putArray("in");
        query.gpuNames().forEach(names::add);
        if (query.numGpus() > 0) {
            body.putObject("num_gpus").put("eq", query.numGpus());
        }
        if (query.minReliability() != null) {
            body.putObject("reliability").put("gte", query.minReliability());
        }
        // A machine with less disk than asked for refuses the rental; leave it out of the search.
        body.putObject("disk_space").put("gte", query.diskGb());
        body.putArray("order").addArray().add("dph_total").add("asc");
        body.put("type", "on-demand");
        body.put("allocated_storage", query.diskGb());
        body.put("limit", query.limit());
        return body;
    }

    /** No {@code price}: that would make a bid (interruptible) rental; without it the rental is on demand. */
    private ObjectNode createBody(CreateInstanceRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.put("client_id", "me");
        body.put("image", request.image());
        body.put("disk", request.diskGb());
        body.put("label", request.label());
        body.putObject("env");
        body.put("runtype", "ssh_direc ssh_proxy");
        body.put("cancel_unavail", true);
        return body;
    }

    private JsonNode call(VastCall call, boolean retryable) {
        VastResponse response = transport.send(key, call, retryable);
        if (!response.isSuccess()) {
            throw errors.toException(call.operation(), response.status(), errors.details(response.body()));
        }
        return successBody(call.operation(), response);
    }

    /** The JSON body of a 2xx answer, refusing {@code "success": false}, which Vast.ai sends even with 200. */
    private JsonNode successBody(String operation, VastResponse response) {
        JsonNode root = decoder.readObject(operation, response.body());
        JsonNode success = root.get("success");
        if (success != null && success.isBoolean() && !success.booleanValue()) {
            throw errors.toException(operation, response.status(), errors.details(root));
        }
        return root;
    }

    /** As {@link #successBody}, but state changes with an empty 2xx body count as done. */
    private void successBodyOrEmpty(String operation, VastResponse response) {
        if (!response.body().isBlank()) {
            successBody(operation, response);
        }
    }

    private boolean isNotFound(VastResponse response) {
        VastErrors.Details details = errors.details(response.body());
        return !details.isAuthFailure(response.status()) && details.isNotFound(response.status());
    }

    private static JsonNode field(String operation, JsonNode root, String name) {
        JsonNode value = root.get(name);
        if (value == null) {
            throw new VastClientException(operation + ": Vast.ai's answer has no \"" + name + "\" field", null);
        }
        return value;
    }

    /** A list field; {@code null} is an empty list, as Vast.ai writes an empty page. */
    private JsonNode array(String operation, JsonNode root, String name) {
        JsonNode value = field(operation, root, name);
        if (value.isNull()) {
            return mapper.createArrayNode();
        }
        if (!value.isArray()) {
            throw new VastClientException(operation + ": Vast.ai's \"" + name + "\" is not a list", null);
        }
        return value;
    }

    /** Query values as the Vast.ai CLI sends them: strings as they are, anything else as JSON; then URL-encoded. */
    private String query(Map<String, Object> params) {
        StringJoiner joined = new StringJoiner("&");
        params.forEach((name, value) -> {
            String text = value instanceof String string ? string : write(value);
            joined.add(name + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        });
        return joined.toString();
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Vast.ai request body", e);
        }
    }
}
