package dev.vastguard.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vastguard.audit.AuditEvent;
import dev.vastguard.instance.BudgetView;
import dev.vastguard.instance.Instance;
import dev.vastguard.principal.Principal;
import dev.vastguard.team.GpuName;
import dev.vastguard.team.Policy;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.TeamState;
import dev.vastguard.vast.VastOffer;
import java.util.Optional;

/** The JSON shapes of the contract: {@code offer}, {@code instance}, {@code budget}, {@code team}, {@code event}. */
final class Views {

    private Views() {}

    static ObjectNode offer(VastOffer offer) {
        ObjectNode node = Json.newObject();
        node.put("offer_id", offer.id());
        node.put("gpu_name", offer.gpuName());
        node.put("num_gpus", offer.numGpus());
        Json.putMoney(node, "dph_total", Optional.of(offer.dphTotal()));
        node.put("reliability", offer.reliability());
        node.put("geolocation", offer.geolocation());
        return node;
    }

    static ObjectNode instance(Instance instance) {
        ObjectNode node = Json.newObject();
        node.put("id", instance.id());
        node.put("team", instance.team().value());
        node.put("gpu_name", instance.gpuName());
        node.put("num_gpus", instance.numGpus());
        Json.putMoney(node, "dph_total", Optional.of(instance.dphTotal()));
        node.put("status", instance.status().wireName());
        node.put("label", instance.label().orElse(null));
        Json.putTime(node, "created_at", Optional.of(instance.createdAt()));
        Json.putMoney(node, "accrued_cost", Optional.of(instance.accruedCost()));
        return node;
    }

    static ObjectNode budget(BudgetView budget) {
        ObjectNode node = Json.newObject();
        node.put("team", budget.team().value());
        node.put("budget_day", budget.budgetDay().toString());
        Json.putMoney(node, "daily_budget", Optional.of(budget.dailyBudget()));
        Json.putMoney(node, "spent_today", Optional.of(budget.spentToday()));
        Json.putMoney(
                node, "remaining_today", Optional.of(budget.remainingToday().atLeastZero()));
        node.put("state", budget.state().wireName());
        Json.putTime(
                node,
                "suspended_until",
                budget.state() == TeamState.SUSPENDED ? budget.suspendedUntil() : Optional.empty());
        node.put("max_instances", budget.maxInstances());
        node.put("active_instances", budget.activeInstances());
        Json.putMoney(node, "burn_rate_dph", Optional.of(budget.burnRate()));
        budget.monthly().ifPresent(monthly -> {
            node.put("budget_month", monthly.month().toString());
            Json.putMoney(node, "monthly_budget", Optional.of(monthly.monthlyBudget()));
            Json.putMoney(node, "spent_month", Optional.of(monthly.spentMonth()));
            Json.putMoney(
                    node,
                    "remaining_month",
                    Optional.of(monthly.remainingMonth().atLeastZero()));
            Json.putTime(node, "runs_out_at", monthly.runsOutAt());
        });
        return node;
    }

    static ObjectNode team(Team team, TeamState state) {
        ObjectNode node = Json.newObject();
        node.put("team", team.id().value());
        node.set("policy", policy(team.policy()));
        node.put("state", state.wireName());
        return node;
    }

    static ObjectNode policy(Policy policy) {
        ObjectNode node = Json.newObject();
        ArrayNode gpus = node.putArray("gpu_whitelist");
        policy.gpuWhitelist().stream().map(GpuName::value).forEach(gpus::add);
        node.put("max_instances", policy.maxInstances());
        Json.putMoney(node, "daily_budget", Optional.of(policy.dailyBudget()));
        Json.putMoney(node, "max_dph", Optional.of(policy.maxDph()));
        node.put("min_reliability", policy.minReliability());
        node.put("vast_secret_id", policy.vastSecretId());
        node.put("on_budget_exceeded", policy.onBudgetExceeded().wireName());
        Json.putMoney(node, "monthly_budget", policy.monthlyBudget());
        ArrayNode thresholds = node.putArray("alert_thresholds");
        policy.alertThresholds().forEach(thresholds::add);
        node.put(
                "destroy_stopped_after_hours", policy.destroyStoppedAfterHours().orElse(null));
        node.put("max_loading_minutes", policy.maxLoadingMinutes());
        return node;
    }

    static ObjectNode principal(Principal principal) {
        ObjectNode node = Json.newObject();
        node.put("arn", principal.arn());
        node.put("role", principal.role().wireName());
        node.put("team", principal.team().map(TeamId::value).orElse(null));
        return node;
    }

    static ObjectNode event(AuditEvent event) {
        ObjectNode node = Json.newObject();
        Json.putTime(node, "time", Optional.of(event.time()));
        node.put("team", event.team().map(TeamId::value).orElse(null));
        node.put("principal", event.principal());
        node.put("action", event.action().wireName());
        if (event.instanceId().isPresent()) {
            node.put("instance_id", event.instanceId().get());
        } else {
            node.putNull("instance_id");
        }
        Json.putMoney(node, "amount", event.amount());
        node.put("detail", event.detail());
        return node;
    }
}
