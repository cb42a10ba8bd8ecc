package dev.vastguard.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vastguard.audit.AuditAction;
import dev.vastguard.ledger.BudgetPeriod;
import dev.vastguard.ledger.Ledger;
import dev.vastguard.money.Money;
import dev.vastguard.notify.Notifier;
import dev.vastguard.platform.Platform;
import dev.vastguard.team.Team;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifies each budget threshold a team's spend crosses (by default 50 %, 80 % and 100 % of its daily and monthly
 * budgets) once per period, on the alert topic and in the audit log.
 */
final class ThresholdAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(ThresholdAlerts.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ledger ledger;
    private final Notifier notifier;
    private final SweepAudit audit;

    ThresholdAlerts(Platform platform) {
        this.ledger = platform.ledger();
        this.notifier = platform.notifier();
        this.audit = new SweepAudit(platform.audit());
    }

    /**
     * Notifies the thresholds the team has crossed and not yet been told about in the current periods.
     *
     * @param team the team
     * @param spentToday the team's spend today
     * @param spentMonth the team's spend this month, when it has a monthly budget
     * @param at the sweep's instant
     */
    void check(Team team, Money spentToday, Optional<Money> spentMonth, Instant at) {
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        List<BigDecimal> thresholds =
                team.policy().alertThresholds().stream().sorted().toList();
        crossed(team, BudgetPeriod.day(today), spentToday, team.policy().dailyBudget(), thresholds, at);
        team.policy()
                .monthlyBudget()
                .ifPresent(budget -> spentMonth.ifPresent(spent ->
                        crossed(team, BudgetPeriod.month(YearMonth.from(today)), spent, budget, thresholds, at)));
    }

    private void crossed(
            Team team, BudgetPeriod period, Money spent, Money budget, List<BigDecimal> thresholds, Instant at) {
        if (budget.micros() <= 0) {
            return;
        }
        for (BigDecimal threshold : thresholds) {
            boolean reached = spent.toDollars().compareTo(budget.toDollars().multiply(threshold)) >= 0;
            if (reached && ledger.claimAlert(team.id(), period, threshold)) {
                alert(team, new Crossing(period, threshold, spent, budget), at);
            }
        }
    }

    private void alert(Team team, Crossing crossing, Instant at) {
        String percent =
                crossing.threshold().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        String subject = "vastguard: team " + team.id() + " reached " + percent + " of its "
                + crossing.period().kind().wireName() + " budget";
        ObjectNode message = JSON.createObjectNode()
                .put("team", team.id().value())
                .put("period", crossing.period().kind().wireName())
                .put("period_start", crossing.period().label())
                .put("threshold", crossing.threshold())
                .put("spent", crossing.spent().toDollars())
                .put("budget", crossing.budget().toDollars());
        notifier.publish(subject, message.toString());
        audit.team(
                team.id(),
                at,
                AuditAction.THRESHOLD,
                Optional.of(crossing.spent()),
                "reached " + percent + " of the " + crossing.period().kind().wireName() + " budget for "
                        + crossing.period().label() + ": spent " + crossing.spent() + " of " + crossing.budget());
        LOG.info(
                "team {} reached {} of its {} budget",
                team.id(),
                percent,
                crossing.period().kind().wireName());
    }

    private record Crossing(BudgetPeriod period, BigDecimal threshold, Money spent, Money budget) {}
}
