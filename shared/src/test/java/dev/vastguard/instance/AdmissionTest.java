package dev.vastguard.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.instance.Admission.Assessment;
import dev.vastguard.instance.Admission.Burn;
import dev.vastguard.instance.Admission.Period;
import dev.vastguard.instance.Admission.Timing;
import dev.vastguard.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    private static final Duration HOURLY = Duration.ofHours(1);
    private static final LocalDate DAY = LocalDate.parse("2026-11-10");

    private static Instant at(String time) {
        return Instant.parse("2026-11-10T" + time + "Z");
    }

    private static Money usd(String dollars) {
        return Money.ofDollars(dollars);
    }

    @Test
    void nextSweep_withinAnHour_isTheNextWholeHour() {
        Instant next = Admission.nextSweep(at("10:20:05"), HOURLY);

        assertThat(next).isEqualTo(at("11:00:00"));
    }

    @Test
    void nextSweep_exactlyAtASweep_isTheOneAfter() {
        Instant next = Admission.nextSweep(at("10:00:00"), HOURLY);

        assertThat(next).isEqualTo(at("11:00:00"));
    }

    @Test
    void nextSweep_intervalNotDividingTheDay_restartsAtMidnight() {
        Instant next = Admission.nextSweep(at("22:00:00"), Duration.ofHours(7));

        assertThat(next).isEqualTo(Instant.parse("2026-11-11T00:00:00Z"));
    }

    @Test
    void nextSweep_quarterHourly_countsFromMidnight() {
        Instant next = Admission.nextSweep(at("10:31:00"), Duration.ofMinutes(15));

        assertThat(next).isEqualTo(at("10:45:00"));
    }

    @Test
    void assess_runningInstance_countsItsUnaccruedBurnUpToTheNextSweep() {
        Period day = Period.day(DAY, usd("10.00"), usd("2.00"));
        List<Burn> burns = List.of(Burn.untilHorizon(usd("0.50"), at("08:00:00")));

        Assessment assessment = Admission.assess(day, burns, usd("0.40"), new Timing(at("10:30:00"), HOURLY));

        assertThat(assessment.horizon()).isEqualTo(at("11:00:00"));
        assertThat(assessment.committed()).isEqualTo(usd("3.50"));
        assertThat(assessment.requestCost()).isEqualTo(usd("0.20"));
        assertThat(assessment.left()).isEqualTo(usd("6.50"));
        assertThat(assessment.fits()).isTrue();
    }

    @Test
    void assess_burnAccruedOnlyUntilYesterday_countsFromTheStartOfToday() {
        Period day = Period.day(DAY, usd("10.00"), Money.ZERO);
        List<Burn> burns = List.of(Burn.untilHorizon(usd("1.00"), Instant.parse("2026-11-09T20:00:00Z")));

        Assessment assessment = Admission.assess(day, burns, Money.ZERO, new Timing(at("00:30:00"), HOURLY));

        assertThat(assessment.committed()).isEqualTo(usd("1.00"));
    }

    @Test
    void assess_lateInTheDayWithLongSweeps_stopsAtMidnight() {
        Period day = Period.day(DAY, usd("10.00"), Money.ZERO);

        Assessment assessment =
                Admission.assess(day, List.of(), usd("0.60"), new Timing(at("23:30:00"), Duration.ofHours(5)));

        assertThat(assessment.horizon()).isEqualTo(Instant.parse("2026-11-11T00:00:00Z"));
        assertThat(assessment.requestCost()).isEqualTo(usd("0.30"));
    }

    @Test
    void assess_burnEndingBeforeTheHorizon_countsOnlyUntilItEnds() {
        Period day = Period.day(DAY, usd("10.00"), Money.ZERO);
        List<Burn> burns = List.of(new Burn(usd("0.36"), at("09:00:00"), Optional.of(at("10:00:00"))));

        Assessment assessment = Admission.assess(day, burns, Money.ZERO, new Timing(at("10:00:00"), HOURLY));

        assertThat(assessment.committed()).isEqualTo(usd("0.36"));
    }

    @Test
    void assess_exactlyReachingTheBudget_fits() {
        Period day = Period.day(DAY, usd("1.00"), usd("0.50"));

        Assessment assessment = Admission.assess(day, List.of(), usd("1.00"), new Timing(at("10:30:00"), HOURLY));

        assertThat(assessment.fits()).isTrue();
        assertThat(assessment.admits(usd("1.000002"))).isFalse();
    }

    @Test
    void assess_overTheBudget_doesNotFitAndExplainsWhatIsLeftAndTheCost() {
        Period day = Period.day(DAY, usd("1.00"), usd("0.90"));

        Assessment assessment = Admission.assess(day, List.of(), usd("0.40"), new Timing(at("10:30:00"), HOURLY));

        assertThat(assessment.fits()).isFalse();
        assertThat(assessment.explain("offer 7 (RTX 4090 x1) at $0.40/h"))
                .contains("$0.10 of the daily budget of $1.00 is left today")
                .contains("2026-11-10T11:00:00Z")
                .contains("offer 7 (RTX 4090 x1) at $0.40/h would cost $0.20");
    }

    @Test
    void periodMonth_spansTheCalendarMonthInUtc() {
        Period month = Period.month(YearMonth.parse("2026-11"), usd("200.00"), Money.ZERO);

        assertThat(month.start()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(month.end()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void cost_reversedSpan_isZero() {
        Money cost = Admission.cost(usd("1.00"), at("11:00:00"), at("10:00:00"));

        assertThat(cost).isEqualTo(Money.ZERO);
    }

    @Test
    void runsOutAt_burning_dividesWhatIsLeftByTheRate() {
        Optional<Instant> runsOut = Admission.runsOutAt(at("10:00:00"), usd("1.00"), usd("0.40"));

        assertThat(runsOut).contains(at("12:30:00"));
    }

    @Test
    void runsOutAt_nothingBurning_isEmpty() {
        Optional<Instant> runsOut = Admission.runsOutAt(at("10:00:00"), usd("1.00"), Money.ZERO);

        assertThat(runsOut).isEmpty();
    }
}
