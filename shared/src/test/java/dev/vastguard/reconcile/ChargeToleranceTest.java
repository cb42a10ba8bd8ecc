package dev.vastguard.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.money.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChargeToleranceTest {

    @ParameterizedTest(name = "ledger {0}, difference {1}: exceeded {2}")
    @CsvSource({
        // Above $100 of ledger the $1.00 limit comes first.
        "200.00, 1.00, false",
        "200.00, 1.000001, true",
        "200.00, -1.000001, true",
        "200.00, -1.00, false",
        // Below $100 the 1 % limit comes first.
        "50.00, 0.50, false",
        "50.00, 0.500001, true",
        "50.00, -0.500001, true",
        "99.999999, 0.999999, false",
        "99.999999, 1.00, true",
        // Exact in micro-dollars: 1 % of 150 micro-dollars is 1.5 of them.
        "0.00015, 0.000001, false",
        "0.00015, 0.000002, true",
        // Nothing accrued: any charge passes 1 %.
        "0.00, 0.00, false",
        "0.00, 0.000001, true",
        "100.00, 1.00, false",
    })
    void isExceeded_atTheBoundaries_passesOnlyStrictlyAboveALimit(String ledger, String difference, boolean exceeded) {
        boolean result = ChargeTolerance.isExceeded(Money.ofDollars(ledger), Money.ofDollars(difference));

        assertThat(result).isEqualTo(exceeded);
    }
}
