package dev.vastguard.ledger;

import dev.vastguard.money.Money;
import dev.vastguard.team.TeamId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the spend ledger that accruals write (see {@code InstanceRepository#applyAccrual}), and keeps beside it the
 * one-time alert claims and the daily comparisons with Vast.ai's charges.
 */
public interface Ledger {

    /**
     * A team's accrued spend on one UTC day.
     *
     * @param team the team
     * @param day the UTC day
     * @return the total, zero if nothing was accrued
     */
    Money daySpend(TeamId team, LocalDate day);

    /**
     * A team's accrued spend in one UTC calendar month.
     *
     * @param team the team
     * @param month the month
     * @return the total, zero if nothing was accrued
     */
    Money monthSpend(TeamId team, YearMonth month);

    /**
     * A team's ledger lines for a month, ordered by day, then instance id; all pages read.
     *
     * @param team the team
     * @param month the month
     * @return the lines
     */
    List<LedgerLine> lines(TeamId team, YearMonth month);

    /**
     * A team's ledger lines for a month in the same order as {@link #lines}, read page by page as the stream is
     * consumed, so that a month of any size can be written out without holding it in memory.
     *
     * @param team the team
     * @param month the month
     * @return the lines, lazily read
     */
    default Stream<LedgerLine> streamLines(TeamId team, YearMonth month) {
        return lines(team, month).stream();
    }

    /**
     * Claims the one notification of a budget threshold in a period: the first caller gets true, every later one
     * (a re-run sweep, a concurrent one) false.
     *
     * @param team the team
     * @param period the budget period
     * @param threshold the fraction of the budget, for example {@code 0.8}
     * @return true if this call claimed it
     */
    boolean claimAlert(TeamId team, BudgetPeriod period, BigDecimal threshold);

    /**
     * Stores a day's comparison with Vast.ai's charges, replacing the one stored before for the same team and day,
     * so that comparing a day again never counts anything twice. A claimed alert for the day stays claimed.
     *
     * @param check the comparison
     */
    void putChargeCheck(ChargeCheck check);

    /**
     * A team's stored comparisons with Vast.ai's charges for the days of a month; all pages read.
     *
     * @param team the team
     * @param month the month
     * @return the comparisons, ordered by day; days never compared are missing
     */
    List<ChargeCheck> chargeChecks(TeamId team, YearMonth month);

    /**
     * Claims the one notification that a team's ledger and Vast.ai's charges disagree on a day: the first caller gets
     * true, every later one (a re-run, a concurrent one) false.
     *
     * @param team the team
     * @param day the UTC day
     * @return true if this call claimed it
     */
    boolean claimChargeAlert(TeamId team, LocalDate day);
}
