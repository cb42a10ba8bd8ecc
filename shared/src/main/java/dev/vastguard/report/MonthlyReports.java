package dev.vastguard.report;

import java.time.YearMonth;

/** Writes a month's chargeback reports from the ledger. */
public interface MonthlyReports {

    /**
     * Writes the reports for a month; the same ledger always gives the same bytes.
     *
     * @param month the UTC month
     * @return where they were written
     */
    ReportResult write(YearMonth month);
}
