package dev.vastguard.audit;

import java.util.List;
import java.util.Optional;

/**
 * A page of audit events, oldest first.
 *
 * @param events at most 100 events
 * @param nextToken an opaque token for the next page, or empty on the last page
 */
public record AuditPage(List<AuditEvent> events, Optional<String> nextToken) {

    /** Copies the event list. */
    public AuditPage {
        events = List.copyOf(events);
    }
}
