package dev.vastguard.reconcile;

import dev.vastguard.ledger.ChargeCheck;
import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What reconciling one UTC day did, over all teams.
 *
 * @param day the UTC day
 * @param teams the teams that were compared, ordered by team
 * @param failures the teams that could not be compared, and why, ordered by team
 */
public record ReconcileSummary(LocalDate day, List<TeamResult> teams, List<Failure> failures) {

    /** Copies the lists, sorting them so that the same work always reads the same. */
    public ReconcileSummary {
        teams = teams.stream()
                .sorted(Comparator.comparing(result -> result.check().team()))
                .toList();
        failures = failures.stream().sorted(Comparator.comparing(Failure::team)).toList();
    }

    /**
     * The summary as JSON-ready values: strings, booleans, dollars as {@link java.math.BigDecimal}, lists, maps.
     *
     * @return the summary, keys in snake_case in a fixed order
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("day", day.toString());
        map.put("teams", teams.stream().map(TeamResult::toMap).toList());
        map.put("failures", failures.stream().map(Failure::toMap).toList());
        return map;
    }

    /**
     * One team's comparison.
     *
     * @param check the comparison as stored
     * @param overTolerance whether the difference passes 1 % of the ledger or $1.00
     * @param notified whether this run sent the day's alert (false when an earlier run already had)
     */
    public record TeamResult(ChargeCheck check, boolean overTolerance, boolean notified) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("team", check.team().value());
            map.put("ledger", dollars(check.ledger()));
            map.put("charged", dollars(check.charged()));
            map.put("difference", dollars(check.difference()));
            map.put("over_tolerance", overTolerance);
            map.put("notified", notified);
            return map;
        }
    }

    /**
     * A team that could not be compared.
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

    private static Object dollars(Money amount) {
        return amount.toDollars();
    }
}
