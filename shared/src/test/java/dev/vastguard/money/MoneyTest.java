package dev.vastguard.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void ofDollars_withSixDecimals_isExact() {
        assertThat(Money.ofDollars("0.802134").micros()).isEqualTo(802_134);
    }

    @Test
    void ofDollars_withSevenDecimals_isRejected() {
        assertThatThrownBy(() -> Money.ofDollars("0.0000001"))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("Rounding");
    }

    @Test
    void ofDollarsRounded_withManyDecimals_roundsHalfEven() {
        assertThat(Money.ofDollarsRounded(new BigDecimal("0.4166665")).micros()).isEqualTo(416_666);
        assertThat(Money.ofDollarsRounded(new BigDecimal("0.4166675")).micros()).isEqualTo(416_668);
    }

    @Test
    void forSeconds_oneHourAtRate_isTheRate() {
        assertThat(Money.forSeconds(Money.ofDollars("0.8021"), 3600)).isEqualTo(Money.ofDollars("0.8021"));
    }

    @Test
    void forSeconds_oneSecond_roundsToTheMicroDollar() {
        assertThat(Money.forSeconds(Money.ofDollars("4.00"), 1)).isEqualTo(Money.ofMicros(1111));
    }

    @Test
    void toPlainString_keepsCentsAndDropsTrailingZeros() {
        assertThat(Money.ofDollars("12.5").toPlainString()).isEqualTo("12.50");
        assertThat(Money.ofDollars("0.000278").toPlainString()).isEqualTo("0.000278");
        assertThat(Money.ZERO.toPlainString()).isEqualTo("0.00");
    }

    @Test
    void plus_onOverflow_throws() {
        assertThatThrownBy(() -> Money.ofMicros(Long.MAX_VALUE).plus(Money.ofMicros(1)))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("overflow");
    }
}
