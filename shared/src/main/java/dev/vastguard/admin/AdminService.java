package dev.vastguard.admin;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.audit.AuditEvent;
import dev.vastguard.audit.AuditLog;
import dev.vastguard.audit.AuditPage;
import dev.vastguard.ledger.Ledger;
import dev.vastguard.money.Money;
import dev.vastguard.platform.Platform;
import dev.vastguard.principal.Principal;
import dev.vastguard.principal.PrincipalRepository;
import dev.vastguard.principal.Role;
import dev.vastguard.report.MonthlyReports;
import dev.vastguard.report.ReportDownloads;
import dev.vastguard.report.ReportMonths;
import dev.vastguard.report.ReportStore;
import dev.vastguard.team.Policy;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.TeamRepository;
import dev.vastguard.team.TeamState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What admins and finance do: manage team policies and principals, read the audit log, write reports. */
public final class AdminService {

    private static final Logger LOG = LoggerFactory.getLogger(AdminService.class);

    /** The prefix every team's Vast.ai key secret must have; the functions' IAM policies allow no other. */
    public static final String SECRET_PREFIX = "vastguard/";

    private final Clock clock;
    private final ReportStore store;
    private final TeamRepository teams;
    private final PrincipalRepository principals;
    private final AuditLog audit;
    private final Ledger ledger;
    private final MonthlyReports reports;

    /**
     * Creates the service.
     *
     * @param platform the repositories, ledger, audit log and clock
     * @param reports the report writer
     */
    public AdminService(Platform platform, MonthlyReports reports) {
        this.clock = platform.clock();
        this.teams = platform.teams();
        this.principals = platform.principals();
        this.audit = platform.audit();
        this.ledger = platform.ledger();
        this.store = platform.reports();
        this.reports = reports;
    }

    /**
     * Creates a team or replaces its policy; a draft without a secret id keeps the team's current one.
     *
     * @param team the team
     * @param draft the policy as sent
     * @param caller the caller's ARN, for the audit log
     * @return the team as stored
     * @throws AdminRequestException if the team is new and the draft names no secret
     */
    public Team putPolicy(TeamId team, PolicyDraft draft, String caller) {
        Optional<Team> current = teams.find(team);
        String secretId = draft.vastSecretId()
                .or(() -> current.map(t -> t.policy().vastSecretId()))
                .orElseThrow(() -> new AdminRequestException(
                        "'vast_secret_id' is required for a new team: name the secret that holds its Vast.ai key"));
        checkSecret(team, secretId);
        Policy policy;
        try {
            policy = draft.withSecret(secretId);
        } catch (IllegalArgumentException e) {
            throw new AdminRequestException(e.getMessage());
        }
        Team stored = teams.putPolicy(team, policy);
        String change = current.isPresent() ? "policy updated" : "team created";
        record(team, caller, AuditAction.POLICY_CHANGE, change + ": " + summary(policy));
        LOG.info("{} for team {} by {}", change, team, caller);
        return liftIfWithinBudget(stored, caller);
    }

    /**
     * Lifts a suspension at once when the new policy's budgets are no longer reached (the admin raised them), so a
     * team does not wait for the next budget period or sweep. A policy that still leaves a budget reached keeps
     * the suspension.
     */
    private Team liftIfWithinBudget(Team team, String caller) {
        Instant now = clock.instant();
        if (!team.isSuspendedAt(now)) {
            return team;
        }
        Policy policy = team.policy();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Money daySpend = ledger.daySpend(team.id(), today);
        Optional<Money> monthSpend =
                policy.monthlyBudget().map(budget -> ledger.monthSpend(team.id(), YearMonth.from(today)));
        boolean reached = Policy.reached(daySpend, policy.dailyBudget())
                || policy.monthlyBudget()
                        .map(budget -> Policy.reached(monthSpend.orElseThrow(), budget))
                        .orElse(false);
        if (reached || !teams.resume(team.id())) {
            return team;
        }
        String detail = "budget raised: spent " + daySpend + " of " + policy.dailyBudget() + " today"
                + monthSpend
                        .map(spent ->
                                ", " + spent + " of " + policy.monthlyBudget().orElseThrow() + " this month")
                        .orElse("")
                + "; launches allowed again";
        record(team.id(), caller, AuditAction.RESUME, detail);
        LOG.info("resumed team {}: {}", team.id(), detail);
        return teams.find(team.id()).orElse(team);
    }

    /**
     * Every team, ordered by id.
     *
     * @return the teams
     */
    public List<Team> teams() {
        return teams.list();
    }

    /**
     * One team.
     *
     * @param team the team id
     * @return the team, or empty if unknown
     */
    public Optional<Team> team(TeamId team) {
        return teams.find(team);
    }

    /**
     * A team's state now: a suspension whose end has passed reads as active.
     *
     * @param team the team
     * @return active or suspended
     */
    public TeamState stateNow(Team team) {
        return team.isSuspendedAt(clock.instant()) ? TeamState.SUSPENDED : TeamState.ACTIVE;
    }

    /**
     * Registers or replaces a principal.
     *
     * @param principal the principal
     * @param caller the caller's ARN, for the audit log
     * @return the principal as stored
     * @throws AdminRequestException if a member's team does not exist
     */
    public Principal putPrincipal(Principal principal, String caller) {
        if (principal.team().isPresent() && teams.find(principal.team().get()).isEmpty()) {
            TeamId team = principal.team().get();
            throw new AdminRequestException(
                    "team '" + team + "' does not exist; create it with PUT /teams/" + team + " first");
        }
        Optional<Principal> previous = principals.find(principal.arn());
        if (principal.role() != Role.ADMIN) {
            keepAnAdmin(principal.arn());
        }
        principals.put(principal);
        if (principal.role() != Role.ADMIN) {
            undoIfNoAdminLeft(previous);
        }
        String detail = "principal " + principal.arn() + " set to role "
                + principal.role().wireName()
                + principal.team().map(t -> " of team " + t).orElse("");
        record(principal.team(), caller, detail);
        LOG.info(
                "principal {} set to role {} by {}",
                principal.arn(),
                principal.role().wireName(),
                caller);
        return principal;
    }

    /**
     * Removes a principal.
     *
     * @param arn the registered ARN
     * @param caller the caller's ARN, for the audit log
     * @return true if it existed
     */
    public boolean deletePrincipal(String arn, String caller) {
        Optional<Principal> existing = principals.find(arn);
        if (existing.isEmpty()) {
            return false;
        }
        keepAnAdmin(arn);
        if (!principals.delete(arn)) {
            return false;
        }
        undoIfNoAdminLeft(existing);
        record(existing.get().team(), caller, "principal " + arn + " removed");
        LOG.info("principal {} removed by {}", arn, caller);
        return true;
    }

    /**
     * Writes a month's chargeback reports.
     *
     * @param month the UTC month, from {@link ReportMonths#FIRST} to the current one
     * @return the files written, each with a download URL
     * @throws AdminRequestException if the month has not begun or is before the first (see {@link ReportMonths})
     */
    public ReportDownloads writeReports(YearMonth month) {
        requireReportable(month);
        return ReportDownloads.of(store, reports.write(month));
    }

    /**
     * The month's reports as last written, each with a download URL; nothing is written.
     *
     * @param month the UTC month, from {@link ReportMonths#FIRST} to the current one
     * @return the files, or empty if the month's reports were never written
     * @throws AdminRequestException if the month has not begun or is before the first, so reports cannot exist
     */
    public Optional<ReportDownloads> reportDownloads(YearMonth month) {
        requireReportable(month);
        return ReportDownloads.existing(store, month);
    }

    private void requireReportable(YearMonth month) {
        ReportMonths.problem(month, clock).ifPresent(reason -> {
            throw new AdminRequestException(reason);
        });
    }

    /**
     * Reads one page of a month's audit events, oldest first.
     *
     * @param month the UTC month
     * @param team one team's events only, or all teams' if empty
     * @param nextToken the token of the previous page, if any
     * @return the page
     * @throws AdminRequestException if the token is not one the log issued
     */
    public AuditPage audit(YearMonth month, Optional<TeamId> team, Optional<String> nextToken) {
        try {
            return audit.read(month, team, nextToken);
        } catch (IllegalArgumentException e) {
            throw new AdminRequestException(
                    "'next_token' is not a token this API issued; send the next_token of the previous page as is");
        }
    }

    /**
     * Refuses to take the admin role from the only admin: nobody could then manage teams or principals through the
     * API, and the way back is a write to the principals table by hand.
     */
    private void keepAnAdmin(String arn) {
        boolean isAdmin =
                principals.find(arn).filter(p -> p.role() == Role.ADMIN).isPresent();
        boolean anotherAdmin = principals.list().stream()
                .anyMatch(p -> p.role() == Role.ADMIN && !p.arn().equals(arn));
        if (isAdmin && !anotherAdmin) {
            throw AdminRequestException.conflict("principal " + arn + " is the only admin; register another admin"
                    + " with PUT /principals before removing it or changing its role");
        }
    }

    /**
     * Puts an admin back if a concurrent change took the last other admin away between the check and the write (two
     * admins demoting each other at once): both requests then find no admin left, both restore theirs, and both are
     * refused.
     */
    private void undoIfNoAdminLeft(Optional<Principal> previous) {
        Optional<Principal> admin = previous.filter(p -> p.role() == Role.ADMIN);
        if (admin.isEmpty() || principals.list().stream().anyMatch(p -> p.role() == Role.ADMIN)) {
            return;
        }
        principals.put(admin.get());
        throw AdminRequestException.conflict("principal " + admin.get().arn() + " was the last admin once a"
                + " concurrent change landed, so this change was undone; register another admin first");
    }

    /**
     * A team's Vast.ai key must sit under {@code vastguard/} (the functions may read no other secret) and be the
     * team's own: a secret another team already names would let this team rent on, and spend, that team's account.
     */
    private void checkSecret(TeamId team, String secretId) {
        if (!secretId.startsWith(SECRET_PREFIX) || secretId.length() == SECRET_PREFIX.length()) {
            throw new AdminRequestException("'vast_secret_id' must name a secret under " + SECRET_PREFIX
                    + ", for example " + SECRET_PREFIX + "teams/" + team + "/vast-api-key; the functions may read"
                    + " no other secret");
        }
        teams.list().stream()
                .filter(other -> !other.id().equals(team))
                .filter(other -> other.policy().vastSecretId().equals(secretId))
                .findFirst()
                .ifPresent(other -> {
                    throw AdminRequestException.conflict("secret " + secretId + " already holds the Vast.ai key of"
                            + " team " + other.id() + "; give each team its own key and secret");
                });
    }

    private void record(TeamId team, String caller, AuditAction action, String detail) {
        audit.record(new AuditEvent(
                clock.instant(), Optional.of(team), caller, action, Optional.empty(), Optional.empty(), detail));
    }

    private void record(Optional<TeamId> team, String caller, String detail) {
        audit.record(new AuditEvent(
                clock.instant(),
                team,
                caller,
                AuditAction.PRINCIPAL_CHANGE,
                Optional.empty(),
                Optional.empty(),
                detail));
    }

    private static String summary(Policy policy) {
        return "daily budget " + policy.dailyBudget()
                + policy.monthlyBudget().map(m -> ", monthly budget " + m).orElse("")
                + ", max " + policy.maxInstances() + " instances at up to " + policy.maxDph() + "/h";
    }
}
