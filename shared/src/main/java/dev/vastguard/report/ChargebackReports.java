package dev.vastguard.report;

import dev.vastguard.platform.Platform;
import java.time.YearMonth;

/** Placeholder for the chargeback report writer; replaced by the real implementation. */
public final class ChargebackReports implements MonthlyReports {

    /**
     * Creates the writer.
     *
     * @param platform the platform
     */
    public ChargebackReports(Platform platform) {}

    @Override
    public ReportResult write(YearMonth month) {
        throw new UnsupportedOperationException("not built yet");
    }
}
