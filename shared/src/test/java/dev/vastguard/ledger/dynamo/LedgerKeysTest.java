package dev.vastguard.ledger.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class LedgerKeysTest {

    @Test
    void line_dayAndId_padsIdToTwentyDigits() {
        String key = LedgerKeys.line(LocalDate.parse("2026-11-05"), 4242);

        assertThat(key).isEqualTo("line#2026-11-05#00000000000000004242");
    }

    @Test
    void linePrefix_month_matchesOnlyThatMonthsLines() {
        String prefix = LedgerKeys.linePrefix(YearMonth.of(2026, 1));

        assertThat(LedgerKeys.line(LocalDate.parse("2026-01-31"), 1)).startsWith(prefix);
        assertThat(LedgerKeys.line(LocalDate.parse("2026-10-01"), 1)).doesNotStartWith(prefix);
    }

    @Test
    void dayAndMonth_formatIsoDates() {
        String day = LedgerKeys.day(LocalDate.parse("2026-11-05"));
        String month = LedgerKeys.month(YearMonth.of(2026, 11));

        assertThat(day).isEqualTo("day#2026-11-05");
        assertThat(month).isEqualTo("month#2026-11");
    }

    @Test
    void chargeCheck_dayAndMonthPrefix_neverMatchLinesOrTotals() {
        String check = LedgerKeys.chargeCheck(LocalDate.parse("2026-11-05"));
        String prefix = LedgerKeys.chargeCheckPrefix(YearMonth.of(2026, 11));

        assertThat(check).isEqualTo("charges#2026-11-05").startsWith(prefix);
        assertThat(LedgerKeys.chargeCheck(LocalDate.parse("2026-12-01"))).doesNotStartWith(prefix);
        assertThat(LedgerKeys.line(LocalDate.parse("2026-11-05"), 1)).doesNotStartWith(prefix);
        assertThat(check).doesNotStartWith(LedgerKeys.linePrefix(YearMonth.of(2026, 11)));
    }
}
