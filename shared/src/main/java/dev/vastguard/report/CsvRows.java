package dev.vastguard.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * Writes the rows of a report CSV file: RFC 4180 quoting by Commons CSV, {@code \n} line ends, the header first.
 *
 * <p>Each row is formatted into one reused buffer and handed to the writer in one call, rather than a call per cell
 * and separator: a month's files have a million rows of up to forty cells, and every call into a buffered writer
 * takes its lock.
 */
final class CsvRows {

    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final Writer out;
    private final StringBuilder line = new StringBuilder(1024);

    /**
     * Starts a file by writing its header.
     *
     * @param out where the rows go; flushed by {@link #flush()}, never closed here
     * @param header the column names
     */
    CsvRows(Writer out, List<String> header) {
        this.out = out;
        row(header.toArray());
    }

    /**
     * Writes one row.
     *
     * @param cells the cells, in the header's order; an empty string is an empty cell
     */
    void row(Object... cells) {
        line.setLength(0);
        try {
            FORMAT.printRecord(line, cells);
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a report row failed", e);
        }
    }

    /** Hands the rows written so far on to the writer's destination. */
    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing report rows failed", e);
        }
    }
}
