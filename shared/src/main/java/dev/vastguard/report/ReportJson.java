package dev.vastguard.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vastguard.money.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The JSON of the report files: indented with {@code \n} whatever the platform, decimals written plain, so the same
 * values always give the same bytes.
 */
final class ReportJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    /** The most seconds whose count of micro-seconds fits a long. */
    private static final long MAX_EXACT_SECONDS = Long.MAX_VALUE / 1_000_000L;

    private ReportJson() {}

    /**
     * Writes a value (maps, lists, strings, numbers) as indented UTF-8 JSON ending in a newline.
     *
     * @param value the value
     * @return the bytes
     */
    static byte[] write(Object value) {
        try {
            return (WRITER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a report value could not be written as JSON", e);
        }
    }

    /**
     * Reads JSON written earlier, for example the previous manifest.
     *
     * @param bytes the bytes
     * @return the tree, or empty if the bytes are not JSON
     */
    static Optional<JsonNode> read(byte[] bytes) {
        try {
            return Optional.of(MAPPER.readTree(bytes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * An amount as a JSON number of dollars with six decimals.
     *
     * @param amount the amount
     * @return the number
     */
    static BigDecimal dollars(Money amount) {
        return amount.toDollars();
    }

    /**
     * Seconds as hours with six decimals, rounded half-even: the hours columns of every report file.
     *
     * @param seconds the seconds
     * @return the hours
     */
    static BigDecimal hours(long seconds) {
        return BigDecimal.valueOf(seconds).divide(SECONDS_PER_HOUR, 6, RoundingMode.HALF_EVEN);
    }

    /**
     * The text of {@link #hours(long)} ({@code "1.000278"}), computed with integer arithmetic: the row files print
     * several per row, and a month has a million rows.
     *
     * @param seconds the seconds, zero or more
     * @return the hours with six decimals
     */
    static String hoursText(long seconds) {
        if (seconds < 0 || seconds > MAX_EXACT_SECONDS) {
            return hours(seconds).toPlainString();
        }
        long microHours = seconds * 1_000_000L / 3600;
        long rest = seconds * 1_000_000L % 3600;
        if (rest > 1800 || (rest == 1800 && microHours % 2 == 1)) {
            microHours++;
        }
        String fraction = Long.toString(microHours % 1_000_000L);
        return (microHours / 1_000_000L) + "." + "000000".substring(fraction.length()) + fraction;
    }

    /**
     * Writes a value as JSON on one line, for a JSON value inside a CSV cell.
     *
     * @param value the value
     * @return the JSON text
     */
    static String inline(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a report value could not be written as JSON", e);
        }
    }
}
