package dev.vastguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The number texts of the report files. */
class ReportJsonTest {

    @Test
    void hoursText_isTheDecimalRoundedHalfEven_forEverySecondOfTwoDays_andLargeCounts() {
        LongStream.rangeClosed(0, 2 * 86_400)
                .forEach(seconds -> assertThat(ReportJson.hoursText(seconds))
                        .as("%d s", seconds)
                        .isEqualTo(ReportJson.hours(seconds).toPlainString()));
        new Random(4)
                .longs(10_000, 0, Long.MAX_VALUE)
                .forEach(seconds -> assertThat(ReportJson.hoursText(seconds))
                        .as("%d s", seconds)
                        .isEqualTo(ReportJson.hours(seconds).toPlainString()));
    }

    @Test
    void hoursText_examples() {
        assertThat(ReportJson.hoursText(0)).isEqualTo("0.000000");
        assertThat(ReportJson.hoursText(1)).isEqualTo("0.000278");
        assertThat(ReportJson.hoursText(3_601)).isEqualTo("1.000278");
        assertThat(ReportJson.hoursText(86_400)).isEqualTo("24.000000");
    }
}
