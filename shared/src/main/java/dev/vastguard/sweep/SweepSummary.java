package dev.vastguard.sweep;

import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one sweep did, over all teams.
 *
 * @param at the instant the sweep accrued up to
 * @param teams how many teams were swept, failed ones included
 * @param instances how many instances Vast.ai listed on the teams' accounts
 * @param accrued the cost this sweep added
 * @param suspended teams this sweep suspended, by id
 * @param resumed teams whose suspension this sweep lifted, by id
 * @param stopped instances this sweep stopped because their team was suspended
 * @param destroyed instances this sweep destroyed because their team was suspended
 * @param adopted instances found without a vastguard tag and adopted
 * @param closedOut instances that vanished from Vast.ai and were closed out
 * @param failures the teams that could not be swept (completely), and why
 */
public record SweepSummary(
        Instant at,
        int teams,
        int instances,
        Money accrued,
        List<TeamId> suspended,
        List<TeamId> resumed,
        List<Long> stopped,
        List<Long> destroyed,
        List<Long> adopted,
        List<Long> closedOut,
        List<Failure> failures) {

    /** Copies the lists, sorting them so that the same work always reads the same. */
    public SweepSummary {
        suspended = suspended.stream().sorted().toList();
        resumed = resumed.stream().sorted().toList();
        stopped = stopped.stream().sorted().toList();
        destroyed = destroyed.stream().sorted().toList();
        adopted = adopted.stream().sorted().toList();
        closedOut = closedOut.stream().sorted().toList();
        failures = failures.stream().sorted(Comparator.comparing(Failure::team)).toList();
    }

    /**
     * The summary as JSON-ready values: strings, integers, dollars as {@link java.math.BigDecimal}, lists, maps.
     *
     * @return the summary, keys in snake_case in a fixed order
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("at", at.toString());
        map.put("teams", teams);
        map.put("instances", instances);
        map.put("accrued", accrued.toDollars());
        map.put("suspended", suspended.stream().map(TeamId::value).toList());
        map.put("resumed", resumed.stream().map(TeamId::value).toList());
        map.put("stopped", stopped);
        map.put("destroyed", destroyed);
        map.put("adopted", adopted);
        map.put("closed_out", closedOut);
        map.put("failures", failures.stream().map(Failure::toMap).toList());
        return map;
    }

    /**
     * A team the sweep could not finish.
     *
     * @param team the team
     * @param reason what went wrong; names secrets and operations, never a key
     */
    public record Failure(TeamId team, String reason) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("team", team.value());
            map.put("reason", reason);
            return map;
        }
    }
}
