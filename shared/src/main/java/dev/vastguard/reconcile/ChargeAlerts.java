package dev.vastguard.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vastguard.audit.AuditAction;
import dev.vastguard.audit.AuditEvent;
import dev.vastguard.audit.AuditLog;
import dev.vastguard.ledger.ChargeCheck;
import dev.vastguard.ledger.Ledger;
import dev.vastguard.notify.Notifier;
import dev.vastguard.platform.Platform;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people, once per team and day, that the ledger and Vast.ai's charges disagree: on the alert topic and in
 * the audit log.
 *
 * <p>The audit event uses the action {@code threshold} and the principal {@code system:sweeper}, the closest the
 * API contract's closed lists offer; its detail says it is about Vast.ai's charges.
 */
final class ChargeAlerts {

    /** The {@code alert} field of the message, which tells it apart from budget threshold messages. */
    static final String KIND = "charge_difference";

    private static final Logger LOG = LoggerFactory.getLogger(ChargeAlerts.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ledger ledger;
    private final Notifier notifier;
    private final AuditLog audit;

    ChargeAlerts(Platform platform) {
        this.ledger = platform.ledger();
        this.notifier = platform.notifier();
        this.audit = platform.audit();
    }

    /**
     * Alerts about a check unless the team was already alerted for that day.
     *
     * @param check the check, whose difference passes the tolerance
     * @return true if this call alerted
     */
    boolean alertOnce(ChargeCheck check) {
        if (!ledger.claimChargeAlert(check.team(), check.day())) {
            return false;
        }
        String subject = "vastguard: team " + check.team() + "'s ledger and Vast.ai's charges differ on " + check.day();
        notifier.publish(subject, message(check).toString());
        audit.record(new AuditEvent(
                check.checkedAt(),
                Optional.of(check.team()),
                AuditEvent.SWEEPER,
                AuditAction.THRESHOLD,
                Optional.empty(),
                Optional.of(check.difference()),
                "Vast.ai charged " + check.charged() + " for " + check.day() + " where the ledger holds "
                        + check.ledger() + ": a difference of " + check.difference()
                        + " passes 1% of the ledger or $1.00"));
        LOG.info(
                "team {}'s ledger and Vast.ai's charges differ by {} on {}",
                check.team(),
                check.difference(),
                check.day());
        return true;
    }

    private static ObjectNode message(ChargeCheck check) {
        ObjectNode message = JSON.createObjectNode()
                .put("alert", KIND)
                .put("team", check.team().value())
                .put("day", check.day().toString())
                .put("ledger", check.ledger().toDollars())
                .put("charged", check.charged().toDollars())
                .put("difference", check.difference().toDollars());
        ArrayNode instances = message.putArray("instances");
        for (ChargeCheck.PerInstance entry : check.instances()) {
            if (entry.difference().micros() != 0) {
                instances
                        .addObject()
                        .put("instance_id", entry.instanceId())
                        .put("ledger", entry.ledger().toDollars())
                        .put("charged", entry.charged().toDollars())
                        .put("difference", entry.difference().toDollars());
            }
        }
        return message;
    }
}
