package dev.vastguard.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One instance on a sandbox account: what was rented, its label and intended state, and its {@link Timeline}. Not
 * thread-safe; the {@link Marketplace} lock guards it.
 */
final class Rental {

    private static final Duration CONTRACT_LENGTH = Duration.ofDays(90);

    private final long id;
    private final String accountKey;
    private final SandboxOffer offer;
    private final RentRequest request;
    private final Billing.Rates rates;
    private final Timeline timeline;
    private String label;
    private String intendedStatus = "running";

    Rental(long id, String accountKey, RentRequest request, Marketplace.Placement placement) {
        this.id = id;
        this.accountKey = accountKey;
        this.offer = placement.offer();
        this.request = request;
        this.rates = new Billing.Rates(offer.dphBase(), Offers.storagePerHour(offer, request.diskGb()));
        this.timeline = new Timeline(placement.now(), placement.boot());
        this.label = request.label();
    }

    /**
     * What the charges listing says about a rental.
     *
     * @param id the instance id
     * @param label its label, if any
     * @param gpuName the GPU name
     * @param numGpus how many GPUs
     * @param rates its rates
     */
    record Summary(long id, Optional<String> label, String gpuName, int numGpus, Billing.Rates rates) {}

    long id() {
        return id;
    }

    Summary summary() {
        return new Summary(id, label(), offer.gpuName(), offer.numGpus(), rates);
    }

    boolean ownedBy(String key) {
        return accountKey.equals(key);
    }

    boolean destroyed() {
        return timeline.destroyed() != null;
    }

    Timeline timeline() {
        return timeline;
    }

    Billing.Rates rates() {
        return rates;
    }

    SandboxOffer offer() {
        return offer;
    }

    Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /** Sets the label; empty means none, as Vast.ai reports an empty label as null. */
    void label(String newLabel) {
        label = newLabel == null || newLabel.isEmpty() ? null : newLabel;
    }

    String intendedStatus() {
        return intendedStatus;
    }

    void stop(Instant now) {
        if (!intendedStatus.equals("stopped")) {
            intendedStatus = "stopped";
            timeline.stop(now);
        }
    }

    void start(Instant now, Duration scheduling) {
        if (!intendedStatus.equals("running")) {
            intendedStatus = "running";
            timeline.start(now, scheduling);
        }
    }

    BigDecimal meter(Instant now) {
        return Billing.cost(timeline.slices(now), rates);
    }

    SandboxInstance snapshot(Instant now) {
        Optional<String> status = destroyed()
                ? Optional.empty()
                : Optional.ofNullable(timeline.phaseAt(now).actualStatus());
        return new SandboxInstance(
                id,
                offer.id(),
                label(),
                status,
                intendedStatus,
                offer.gpuName(),
                offer.numGpus(),
                rates.dphTotal(),
                rates.storagePerHour(),
                request.diskGb(),
                timeline.created(),
                Optional.ofNullable(timeline.destroyed()));
    }

    /** The instance object of reference section 2.4, as the v1 listing and the per-id endpoint return it. */
    ObjectNode row(Instant now) {
        Phase phase = timeline.phaseAt(now);
        ObjectNode row = Json.object()
                .put("id", id)
                .put("machine_id", offer.machineId())
                .put("host_id", offer.hostId())
                .put("bundle_id", offer.id())
                .put("actual_status", phase.actualStatus())
                .put("intended_status", intendedStatus)
                .put("cur_state", intendedStatus)
                .put("next_state", intendedStatus)
                .put("status_msg", statusMessage(phase))
                .put("label", label)
                .put("reliability2", offer.reliability())
                .put("verification", offer.verified() ? "verified" : "unverified")
                .put("geolocation", offer.geolocation());
        addHardwareAndPrices(row);
        addTimes(row, now);
        addImage(row);
        addConnection(row, phase);
        return row;
    }

    private void addHardwareAndPrices(ObjectNode row) {
        int gpuRam = Offers.gpuRamMb(offer.gpuName());
        row.put("gpu_name", offer.gpuName())
                .put("num_gpus", offer.numGpus())
                .put("gpu_ram", gpuRam)
                .put("gpu_totalram", gpuRam * offer.numGpus())
                .putNull("gpu_util")
                .putNull("gpu_temp")
                .put("disk_space", request.diskGb())
                .putNull("disk_usage")
                .put("inet_up", 800.0)
                .put("inet_down", 800.0)
                .put("dph_base", rates.dphBase())
                .put("dph_total", rates.dphTotal())
                .put("storage_cost", offer.storageCostPerGbMonth())
                .put("storage_total_cost", rates.storagePerHour())
                .put("is_bid", request.price() != null)
                .put("min_bid", request.price());
        row.set("search", Offers.pricing(rates));
        row.set("instance", Offers.pricing(rates));
    }

    private void addTimes(ObjectNode row, Instant now) {
        Instant created = timeline.created();
        row.put("start_date", Json.epoch(created))
                .put("end_date", Json.epoch(created.plus(CONTRACT_LENGTH)))
                .put("duration", Math.max(0, Duration.between(created, now).toSeconds()))
                .putNull("uptime_mins");
    }

    private void addImage(ObjectNode row) {
        row.put("image_uuid", request.image())
                .put("image_runtype", request.runtype())
                .put("onstart", request.onstart());
        row.set("extra_env", extraEnv());
    }

    private String statusMessage(Phase phase) {
        return switch (phase) {
            case PROVISIONING -> null;
            case LOADING -> "Pulling image " + request.image();
            case RUNNING -> "success, running " + request.image() + "/ssh";
            case SCHEDULING -> "Scheduling: waiting for the machine's GPUs";
            case STOPPED -> "Stopped.";
            case OFFLINE -> "Host is offline";
        };
    }

    private ArrayNode extraEnv() {
        ArrayNode pairs = Json.MAPPER.createArrayNode();
        for (Map.Entry<String, JsonNode> entry : request.env().properties()) {
            pairs.addArray().add(entry.getKey()).add(entry.getValue().asText());
        }
        return pairs;
    }

    private void addConnection(ObjectNode row, Phase phase) {
        boolean up = phase == Phase.RUNNING;
        row.put("ssh_host", up ? "ssh" + (offer.hostId() % 10) + ".vast.ai" : null);
        row.put("ssh_port", up ? (int) (10_000 + id % 50_000) : null);
        row.put("public_ipaddr", up ? "203.0.113." + (offer.machineId() % 250 + 1) : null);
        row.put("direct_port_start", up ? 40_000 : null);
        row.put("direct_port_end", up ? 40_099 : null);
    }
}
