package dev.vastguard.admin;

import static dev.vastguard.testing.Fixtures.anInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vastguard.audit.AuditAction;
import dev.vastguard.audit.AuditEvent;
import dev.vastguard.instance.AccrualCalculator;
import dev.vastguard.instance.Billing;
import dev.vastguard.instance.Instance;
import dev.vastguard.instance.Reservation;
import dev.vastguard.money.Money;
import dev.vastguard.platform.Platform;
import dev.vastguard.principal.Principal;
import dev.vastguard.principal.PrincipalRepository;
import dev.vastguard.principal.Role;
import dev.vastguard.report.ReportResult;
import dev.vastguard.team.BreachAction;
import dev.vastguard.team.GpuName;
import dev.vastguard.team.Policy;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.TeamState;
import dev.vastguard.testing.TestPlatform;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminServiceTest {

    private static final String CALLER = "arn:aws:iam::123456789012:role/platform-admin";
    private static final TeamId TEAM = TeamId.of("vision");

    private final TestPlatform test = new TestPlatform();
    private final AdminService admin =
            new AdminService(test.platform(), month -> new ReportResult("bucket", List.of("k")));

    @Test
    void putPolicy_newTeamWithoutSecret_isRefused() {

        assertThatThrownBy(() -> admin.putPolicy(TEAM, draft(Optional.empty()), CALLER))
                .isInstanceOf(AdminRequestException.class)
                .hasMessageContaining("vast_secret_id");
        assertThat(test.teams.find(TEAM)).isEmpty();
        assertThat(test.audit.all()).isEmpty();
    }

    @Test
    void putPolicy_updateWithoutSecret_keepsTheCurrentOne() {
        admin.putPolicy(TEAM, draft(Optional.of("vastguard/teams/vision/key")), CALLER);

        admin.putPolicy(TEAM, draft(Optional.empty()), CALLER);

        assertThat(test.teams.find(TEAM).orElseThrow().policy().vastSecretId()).isEqualTo("vastguard/teams/vision/key");
        assertThat(test.audit.all())
                .extracting(AuditEvent::action)
                .containsExactly(AuditAction.POLICY_CHANGE, AuditAction.POLICY_CHANGE);
    }

    @Test
    void stateNow_suspensionOver_readsActive() {
        admin.putPolicy(TEAM, draft(Optional.of("vastguard/teams/vision/key")), CALLER);
        test.teams.suspend(TEAM, Instant.parse("2026-11-10T00:00:00Z"), Instant.parse("2026-11-11T00:00:00Z"));
        TeamState before = admin.stateNow(admin.team(TEAM).orElseThrow());

        test.clock.advance(Duration.ofDays(1));

        assertThat(before).isEqualTo(TeamState.SUSPENDED);
        assertThat(admin.stateNow(admin.team(TEAM).orElseThrow())).isEqualTo(TeamState.ACTIVE);
    }

    @Test
    void putPrincipal_memberOfUnknownTeam_isRefused() {
        Principal member = new Principal("arn:aws:iam::1:role/x", Role.MEMBER, Optional.of(TEAM));

        assertThatThrownBy(() -> admin.putPrincipal(member, CALLER)).isInstanceOf(AdminRequestException.class);
        assertThat(test.principals.list()).isEmpty();
    }

    @Test
    void deletePrincipal_onlyAdmin_isRefusedUntilAnotherAdminExists() {
        Principal only = new Principal("arn:aws:iam::1:role/admin-a", Role.ADMIN, Optional.empty());
        admin.putPrincipal(only, CALLER);

        assertThatThrownBy(() -> admin.deletePrincipal(only.arn(), CALLER))
                .isInstanceOfSatisfying(
                        AdminRequestException.class,
                        e -> assertThat(e.isConflict()).isTrue());
        admin.putPrincipal(new Principal("arn:aws:iam::1:role/admin-b", Role.ADMIN, Optional.empty()), CALLER);

        assertThat(admin.deletePrincipal(only.arn(), CALLER)).isTrue();
    }

    @Test
    void deletePrincipal_otherAdminRemovedConcurrently_isUndoneAndRefused() {
        Principal first = new Principal("arn:aws:iam::1:role/admin-a", Role.ADMIN, Optional.empty());
        Principal second = new Principal("arn:aws:iam::1:role/admin-b", Role.ADMIN, Optional.empty());
        test.principals.put(first);
        test.principals.put(second);
        // The other admin's own request removes admin-a right after this one checked that admin-a remains.
        PrincipalRepository racing = new PrincipalRepository() {
            private boolean raced;

            @Override
            public Optional<Principal> find(String arn) {
                return test.principals.find(arn);
            }

            @Override
            public void put(Principal principal) {
                test.principals.put(principal);
            }

            @Override
            public boolean delete(String arn) {
                return test.principals.delete(arn);
            }

            @Override
            public List<Principal> list() {
                List<Principal> seen = test.principals.list();
                if (!raced) {
                    raced = true;
                    test.principals.delete(first.arn());
                }
                return seen;
            }
        };
        Platform base = test.platform();
        AdminService racingAdmin = new AdminService(
                new Platform(
                        base.config(),
                        base.clock(),
                        base.teams(),
                        racing,
                        base.instances(),
                        base.ledger(),
                        base.audit(),
                        base.idempotency(),
                        base.keys(),
                        base.vast(),
                        base.notifier(),
                        base.reports()),
                month -> new ReportResult("bucket", List.of("k")));

        assertThatThrownBy(() -> racingAdmin.deletePrincipal(second.arn(), CALLER))
                .isInstanceOfSatisfying(
                        AdminRequestException.class,
                        e -> assertThat(e.isConflict()).isTrue());

        assertThat(test.principals.find(second.arn())).contains(second);
    }

    @Test
    void deletePrincipal_unknown_returnsFalseAndAuditsNothing() {

        boolean deleted = admin.deletePrincipal("arn:aws:iam::1:role/none", CALLER);

        assertThat(deleted).isFalse();
        assertThat(test.audit.all()).isEmpty();
    }

    @Test
    void audit_badToken_isRefused() {

        assertThatThrownBy(() -> admin.audit(YearMonth.of(2026, 11), Optional.empty(), Optional.of("x")))
                .isInstanceOf(AdminRequestException.class);
    }

    @Test
    void putPolicy_budgetRaisedAboveSpend_liftsTheSuspensionAtOnce() {
        suspendedAfterSpending("10");
        test.clock.advance(Duration.ofMinutes(5));

        Team stored = admin.putPolicy(TEAM, draft(Optional.empty(), "25"), CALLER);

        assertThat(stored.state()).isEqualTo(TeamState.ACTIVE);
        assertThat(test.teams.find(TEAM).orElseThrow().isSuspendedAt(test.clock.instant()))
                .isFalse();
        assertThat(test.audit.all())
                .filteredOn(e -> e.action() == AuditAction.RESUME)
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("budget raised").contains("$10.00 of $25.00"));
    }

    @Test
    void putPolicy_budgetStillReached_keepsTheSuspension() {
        suspendedAfterSpending("10");

        Team stored = admin.putPolicy(TEAM, draft(Optional.empty(), "10"), CALLER);

        assertThat(stored.isSuspendedAt(test.clock.instant())).isTrue();
        assertThat(test.audit.all()).noneMatch(e -> e.action() == AuditAction.RESUME);
    }

    /** A team with a $10 daily budget that spent it this morning and was suspended until midnight. */
    private void suspendedAfterSpending(String dollars) {
        admin.putPolicy(TEAM, draft(Optional.of("vastguard/teams/vision/key"), "10"), CALLER);
        Instance instance = anInstance(TEAM.value(), 1)
                .dph(dollars)
                .createdAt("2026-11-10T00:00:00Z")
                .build();
        test.instances.confirm(
                new Reservation(
                        TEAM,
                        instance.tag(),
                        instance.gpuName(),
                        1,
                        instance.dphTotal(),
                        instance.storageDph(),
                        Optional.empty(),
                        instance.createdAt()),
                instance);
        test.clock.set(Instant.parse("2026-11-10T01:00:00Z"));
        test.instances.applyAccrual(AccrualCalculator.accrue(
                instance, Billing.of(instance.status()), test.clock.instant(), Optional.empty()));
        test.teams.suspend(TEAM, Instant.parse("2026-11-10T00:00:00Z"), Instant.parse("2026-11-11T00:00:00Z"));
    }

    private static PolicyDraft draft(Optional<String> secret) {
        return draft(secret, "10");
    }

    private static PolicyDraft draft(Optional<String> secret, String dailyBudget) {
        return new PolicyDraft(
                List.of(GpuName.of("A100")),
                2,
                Money.ofDollars(dailyBudget),
                Money.ofDollars("1"),
                Policy.DEFAULT_MIN_RELIABILITY,
                secret,
                BreachAction.STOP,
                Optional.empty(),
                Policy.DEFAULT_ALERT_THRESHOLDS,
                Optional.empty(),
                Policy.DEFAULT_MAX_LOADING_MINUTES);
    }
}
