package dev.vastguard.audit;

import dev.vastguard.team.TeamId;
import java.time.YearMonth;
import java.util.Optional;

/** The append-only record of every provision, destroy, stop, suspension and denial. */
public interface AuditLog {

    /**
     * Appends an event.
     *
     * @param event the event
     */
    void record(AuditEvent event);

    /**
     * Reads one page of a month's events, oldest first.
     *
     * @param month the UTC month
     * @param team only this team's events, or all teams' if empty
     * @param nextToken the token of the previous page, or empty for the first page
     * @return the page
     * @throws IllegalArgumentException if the token is not one this log issued
     */
    AuditPage read(YearMonth month, Optional<TeamId> team, Optional<String> nextToken);
}
