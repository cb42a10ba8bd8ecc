package dev.vastguard.sweep;

import dev.vastguard.money.Money;
import dev.vastguard.platform.Platform;
import dev.vastguard.platform.TeamFanOut;
import dev.vastguard.secrets.VastApiKey;
import dev.vastguard.team.Team;
import dev.vastguard.vast.VastClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled sweep: for every team, lifts an ended suspension, reconciles its instances with Vast.ai (accruing
 * their cost up to the sweep's instant) and enforces its budgets.
 *
 * <p>Teams are swept in parallel on a small pool and in isolation: a team whose key is missing or whose listing
 * fails is named in the summary's failures and the others go on. Sweeping twice with the same instant adds no cost
 * and writes nothing the second time.
 */
public final class Sweeper {

    /** How many teams are swept at once; Vast.ai rate-limits per key, so this only bounds our own load. */
    static final int POOL_SIZE = 8;

    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);

    private final Platform platform;
    private final TeamSync sync;
    private final BudgetEnforcer enforcer;
    private final Retirement retirement;

    /**
     * Creates the sweeper.
     *
     * @param platform the platform
     */
    public Sweeper(Platform platform) {
        this.platform = platform;
        this.sync = new TeamSync(platform);
        this.enforcer = new BudgetEnforcer(platform);
        this.retirement = new Retirement(platform);
    }

    /**
     * Sweeps every team up to an instant.
     *
     * @param at the instant to accrue up to; truncated to the second
     * @return what was done, with the teams that failed and why
     */
    public SweepSummary sweep(Instant at) {
        Instant sweepAt = at.truncatedTo(ChronoUnit.SECONDS);
        List<Team> teams = platform.teams().list();

        List<TeamTally> tallies = sweepAll(teams, sweepAt);
        SweepSummary summary = summarise(sweepAt, tallies);
        LOG.info(
                "sweep at {}: {} teams, {} instances, accrued {}, suspended {}, resumed {}, stopped {}, destroyed {}, "
                        + "adopted {}, closed out {}, {} failed",
                sweepAt,
                summary.teams(),
                summary.instances(),
                summary.accrued(),
                summary.suspended(),
                summary.resumed(),
                summary.stopped(),
                summary.destroyed(),
                summary.adopted(),
                summary.closedOut(),
                summary.failures().size());
        return summary;
    }

    private List<TeamTally> sweepAll(List<Team> teams, Instant at) {
        return TeamFanOut.forEach("sweep-", POOL_SIZE, teams, team -> sweepTeam(team, at), Sweeper::failed);
    }

    private TeamTally sweepTeam(Team team, Instant at) {
        TeamTally tally = new TeamTally(team.id());
        try {
            enforcer.resumeIfDue(team, at, tally);
            VastApiKey key = platform.keys().keyFor(team.policy().vastSecretId());
            syncAndEnforce(team, key, at, tally);
        } catch (RuntimeException e) {
            fail(tally, Failures.reason(e, Optional.empty()));
        }
        return tally;
    }

    private void syncAndEnforce(Team team, VastApiKey key, Instant at, TeamTally tally) {
        try {
            VastClient client = platform.vast().forKey(key);
            Reconciliation reconciliation = sync.reconcile(team, client, at);
            tally.add(reconciliation);
            enforcer.enforce(team, client, reconciliation, tally);
            retirement.retire(team, client, reconciliation, tally);
        } catch (RuntimeException e) {
            fail(tally, Failures.reason(e, Optional.of(key)));
        }
    }

    private static TeamTally failed(Team team, String reason) {
        TeamTally tally = new TeamTally(team.id());
        fail(tally, reason);
        return tally;
    }

    private static void fail(TeamTally tally, String reason) {
        tally.fail(reason);
        LOG.error("sweep of team {} failed: {}", tally.team(), reason);
    }

    private static SweepSummary summarise(Instant at, List<TeamTally> tallies) {
        return new SweepSummary(
                at,
                tallies.size(),
                tallies.stream().mapToInt(TeamTally::seen).sum(),
                tallies.stream().map(TeamTally::accrued).reduce(Money.ZERO, Money::plus),
                tallies.stream()
                        .filter(TeamTally::isSuspended)
                        .map(TeamTally::team)
                        .toList(),
                tallies.stream()
                        .filter(TeamTally::isResumed)
                        .map(TeamTally::team)
                        .toList(),
                tallies.stream().flatMap(t -> t.stopped().stream()).toList(),
                tallies.stream().flatMap(t -> t.destroyed().stream()).toList(),
                tallies.stream().flatMap(t -> t.adopted().stream()).toList(),
                tallies.stream().flatMap(t -> t.closedOut().stream()).toList(),
                tallies.stream()
                        .flatMap(t -> t.failure().map(r -> new SweepSummary.Failure(t.team(), r)).stream())
                        .toList());
    }
}
