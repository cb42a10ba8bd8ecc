package dev.vastguard.ledger.dynamo;

import dev.vastguard.ledger.ChargeCheck;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How a {@link ChargeCheck} is stored: one item per team and day in the ledger table, sort key
 * {@code charges#YYYY-MM-DD}, with the day's totals and a map of the instances.
 */
final class ChargeCheckItems {

    /** The UTC day, a string. */
    static final String DAY = LedgerKeys.DAY;

    /** What the ledger held for the day in micro-dollars, a number. */
    static final String LEDGER = "ledger_micros";

    /** What Vast.ai charged for the day in micro-dollars, a number. */
    static final String CHARGED = "charged_micros";

    /** {@code charged - ledger} in micro-dollars, a number (stored for people reading the table). */
    static final String DIFFERENCE = "difference_micros";

    /** When the check was made, ISO-8601. */
    static final String CHECKED_AT = "checked_at";

    /** Instance id (as text) to {@code {ledger_micros, charged_micros}}, a map. */
    static final String INSTANCES = "instances";

    /** Present once the day's difference was notified, a boolean; written only by the alert claim. */
    static final String ALERTED = "charge_alerted";

    private ChargeCheckItems() {}

    /** The attributes an overwrite sets: everything but the key and the alert claim. */
    static Map<String, AttributeValue> values(ChargeCheck check) {
        Map<String, AttributeValue> instances = new HashMap<>();
        for (ChargeCheck.PerInstance entry : check.instances()) {
            instances.put(
                    Long.toString(entry.instanceId()),
                    AttributeValue.fromM(Map.of(LEDGER, micros(entry.ledger()), CHARGED, micros(entry.charged()))));
        }
        return Map.of(
                DAY, AttributeValue.fromS(check.day().toString()),
                LEDGER, micros(check.ledger()),
                CHARGED, micros(check.charged()),
                DIFFERENCE, micros(check.difference()),
                CHECKED_AT, AttributeValue.fromS(check.checkedAt().toString()),
                INSTANCES, AttributeValue.fromM(instances));
    }

    static ChargeCheck fromItem(Map<String, AttributeValue> item) {
        List<ChargeCheck.PerInstance> instances = new ArrayList<>();
        AttributeValue stored = item.get(INSTANCES);
        if (stored != null && stored.hasM()) {
            stored.m()
                    .forEach((id, value) -> instances.add(new ChargeCheck.PerInstance(
                            Long.parseLong(id), money(value.m(), LEDGER), money(value.m(), CHARGED))));
        }
        return new ChargeCheck(
                TeamId.of(item.get(LedgerKeys.PK).s()),
                LocalDate.parse(item.get(DAY).s()),
                instances,
                Instant.parse(item.get(CHECKED_AT).s()));
    }

    private static AttributeValue micros(Money amount) {
        return AttributeValue.fromN(Long.toString(amount.micros()));
    }

    private static Money money(Map<String, AttributeValue> values, String name) {
        AttributeValue value = values.get(name);
        return value == null || value.n() == null ? Money.ZERO : Money.ofMicros(Long.parseLong(value.n()));
    }
}
