package dev.vastguard.report;

import java.io.Closeable;
import java.io.Writer;
import java.time.YearMonth;
import java.util.List;

/** Placeholder until the FOCUS writer lands: writes nothing. */
public final class FocusCsv implements Closeable {

    /** The columns. */
    public static final List<String> COLUMNS = List.of();

    /**
     * Creates the writer.
     *
     * @param out where to write
     * @param month the month
     * @param billingAccountId the billing account id
     * @param billingAccountName the billing account name
     */
    public FocusCsv(Writer out, YearMonth month, String billingAccountId, String billingAccountName) {
        this.out = out;
    }

    private final Writer out;

    /**
     * Writes one row.
     *
     * @param row the row
     */
    public void write(ChargebackRow row) {
        try {
            out.write(row.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {}
}
