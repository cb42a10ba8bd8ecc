package dev.vastguard.testing;

import dev.vastguard.audit.AuditEvent;
import dev.vastguard.audit.AuditLog;
import dev.vastguard.audit.AuditPage;
import dev.vastguard.team.TeamId;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An {@link AuditLog} in memory; pages of 100, the token is the index of the next event. */
public final class InMemoryAuditLog implements AuditLog {

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
        events.add(event);
    }

    @Override
    public synchronized AuditPage read(YearMonth month, Optional<TeamId> team, Optional<String> nextToken) {
        List<AuditEvent> matching = events.stream()
                .filter(e -> YearMonth.from(e.time().atZone(ZoneOffset.UTC)).equals(month))
                .filter(e -> team.isEmpty() || e.team().equals(team))
                .toList();
        int start;
        try {
            start = nextToken.map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad token", e);
        }
        int end = Math.min(matching.size(), start + 100);
        Optional<String> next = end < matching.size() ? Optional.of(Integer.toString(end)) : Optional.empty();
        return new AuditPage(matching.subList(Math.min(start, end), end), next);
    }

    /**
     * Every event recorded so far, oldest first.
     *
     * @return the events
     */
    public synchronized List<AuditEvent> all() {
        return List.copyOf(events);
    }
}
