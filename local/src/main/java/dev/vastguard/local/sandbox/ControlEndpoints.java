package dev.vastguard.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The sandbox's own control surface under {@code /_sandbox/} (no auth, never part of Vast.ai's API): inject and
 * clear faults, read the billing meter.
 */
final class ControlEndpoints {

    private final Marketplace market;
    private final SandboxFaults faults;

    ControlEndpoints(Marketplace market, SandboxFaults faults) {
        this.market = market;
        this.faults = faults;
    }

    SandboxResponse handle(SandboxRequest request) {
        String route = request.method() + " " + request.path();
        return switch (route) {
            case "POST /_sandbox/faults" -> addFault(Json.body(request.body()));
            case "DELETE /_sandbox/faults" -> {
                faults.reset();
                yield success();
            }
            case "GET /_sandbox/meter" -> meter(request.query().get("api_key"));
            default -> SandboxResponse.json(404, error("not_found", "no such sandbox control endpoint"));
        };
    }

    private SandboxResponse addFault(ObjectNode body) {
        String method = body.path("method").asText("*");
        String prefix = body.path("path_prefix").asText("");
        int count = body.path("count").asInt(1);
        Fault fault;
        try {
            fault = Fault.valueOf(body.path("fault").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return SandboxResponse.json(
                    400,
                    error("invalid_args", "unknown fault " + body.path("fault").asText()));
        }
        if (count < 1) {
            return SandboxResponse.json(400, error("invalid_args", "count must be at least 1"));
        }
        faults.failNext(method, prefix, count, fault);
        return success();
    }

    private SandboxResponse meter(String key) {
        if (key == null || !market.knows(key)) {
            return SandboxResponse.json(404, error("unknown_account", "no sandbox account has this key"));
        }
        ObjectNode response = Json.object().put("total", market.meterTotal(key));
        var instances = response.putArray("instances");
        for (SandboxInstance instance : market.snapshots(key)) {
            instances
                    .addObject()
                    .put("id", instance.id())
                    .put("cost", market.meter(key, instance.id()))
                    .put("destroyed", instance.destroyed());
        }
        return SandboxResponse.ok(response);
    }

    private static SandboxResponse success() {
        return SandboxResponse.ok(Json.object().put("success", true));
    }

    private static JsonNode error(String code, String msg) {
        return Json.object().put("success", false).put("error", code).put("msg", msg);
    }
}
