package dev.vastguard.reconcile;

import dev.vastguard.ledger.ChargeCheck;
import dev.vastguard.platform.Platform;
import dev.vastguard.platform.TeamFanOut;
import dev.vastguard.secrets.MissingSecretException;
import dev.vastguard.secrets.VastApiKey;
import dev.vastguard.team.Team;
import dev.vastguard.vast.VastApiException;
import dev.vastguard.vast.VastCharge;
import dev.vastguard.vast.VastClientException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one UTC day (issue #3): for every team, compares what the ledger accrued per instance with what
 * Vast.ai charged the team's account, stores the comparison in the ledger table, and alerts when the team's
 * difference passes the {@link ChargeTolerance}.
 *
 * <p>Teams are compared in parallel on a small pool and in isolation: a team whose key is missing or whose charges
 * cannot be read is named in the summary's failures and the others go on. Reconciling a day again replaces that
 * day's comparisons, never adds to them, and alerts each team at most once per day.
 */
public final class ChargeReconciler {

    /** How many teams are compared at once; Vast.ai rate-limits per key, so this only bounds our own load. */
    static final int POOL_SIZE = 4;

    private static final Logger LOG = LoggerFactory.getLogger(ChargeReconciler.class);
    private static final int MAX_REASON_LENGTH = 500;

    private final Platform platform;
    private final ChargeAlerts alerts;

    /**
     * Creates the reconciler.
     *
     * @param platform the platform: its teams, keys, Vast.ai clients, ledger, notifier, audit log and clock are used
     */
    public ChargeReconciler(Platform platform) {
        this.platform = platform;
        this.alerts = new ChargeAlerts(platform);
    }

    /**
     * Reconciles every team for a day.
     *
     * @param day the UTC day; best a day that is over and has been swept after its midnight
     * @return the comparisons, with the teams that failed and why
     */
    public ReconcileSummary reconcile(LocalDate day) {
        List<Team> teams = platform.teams().list();
        List<ReconcileSummary.TeamResult> results = new ArrayList<>();
        List<ReconcileSummary.Failure> failures = new ArrayList<>();
        for (Outcome outcome : reconcileAll(teams, day)) {
            switch (outcome) {
                case Outcome.Compared compared -> results.add(compared.result());
                case Outcome.Failed failed -> failures.add(failed.failure());
            }
        }
        ReconcileSummary summary = new ReconcileSummary(day, results, failures);
        LOG.info(
                "reconciled {} with Vast.ai's charges: {} teams compared, {} over tolerance, {} failed",
                day,
                results.size(),
                results.stream()
                        .filter(ReconcileSummary.TeamResult::overTolerance)
                        .count(),
                failures.size());
        return summary;
    }

    /** One team's outcome: compared, or failed. */
    private sealed interface Outcome {

        record Compared(ReconcileSummary.TeamResult result) implements Outcome {}

        record Failed(ReconcileSummary.Failure failure) implements Outcome {}
    }

    private List<Outcome> reconcileAll(List<Team> teams, LocalDate day) {
        return TeamFanOut.forEach(
                "reconcile-", POOL_SIZE, teams, team -> reconcileTeam(team, day), ChargeReconciler::failed);
    }

    private Outcome reconcileTeam(Team team, LocalDate day) {
        Optional<VastApiKey> key = Optional.empty();
        try {
            key = Optional.of(platform.keys().keyFor(team.policy().vastSecretId()));
            List<VastCharge> charges = platform.vast().forKey(key.get()).charges(day, day);
            warnAboutOtherDays(team, day, charges);
            ChargeCheck check = ChargeComparison.compare(
                    team.id(),
                    day,
                    platform.ledger().lines(team.id(), YearMonth.from(day)),
                    charges,
                    platform.clock().instant());
            platform.ledger().putChargeCheck(check);
            boolean over = ChargeTolerance.isExceeded(check.ledger(), check.difference());
            boolean notified = over && alerts.alertOnce(check);
            return new Outcome.Compared(new ReconcileSummary.TeamResult(check, over, notified));
        } catch (RuntimeException e) {
            return failed(team, reason(e, key));
        }
    }

    /** Charges Vast.ai lists for a day must start on it; one that does not cannot be split and is left out. */
    private static void warnAboutOtherDays(Team team, LocalDate day, List<VastCharge> charges) {
        long others = charges.stream().filter(c -> !c.day().equals(day)).count();
        if (others > 0) {
            LOG.warn(
                    "Vast.ai listed {} charges of team {} for {} that start on another day; they are left out",
                    others,
                    team.id(),
                    day);
        }
    }

    private static Outcome failed(Team team, String reason) {
        LOG.error("reconciling team {} with Vast.ai's charges failed: {}", team.id(), reason);
        return new Outcome.Failed(new ReconcileSummary.Failure(team.id(), reason));
    }

    /** A short reason that never holds the team's key, whatever the exception echoes. */
    private static String reason(RuntimeException failure, Optional<VastApiKey> key) {
        String message = Objects.requireNonNullElse(failure.getMessage(), "").strip();
        boolean explained = failure instanceof MissingSecretException
                || failure instanceof VastApiException
                || failure instanceof VastClientException;
        String type = failure.getClass().getSimpleName();
        String text = message.isEmpty() ? type : explained ? message : type + ": " + message;
        String scrubbed = key.map(k -> text.replace(k.value(), "[redacted]")).orElse(text);
        return scrubbed.length() > MAX_REASON_LENGTH ? scrubbed.substring(0, MAX_REASON_LENGTH) + "..." : scrubbed;
    }
}
