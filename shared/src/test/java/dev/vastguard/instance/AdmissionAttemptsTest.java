package dev.vastguard.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdmissionAttemptsTest {

    @Test
    void run_winsOnTheThirdAttempt_returnsThatDecisionAfterTwoPauses() {
        List<Integer> pauses = new ArrayList<>();
        AdmissionAttempts attempts = new AdmissionAttempts(5, pauses::add);
        AtomicInteger calls = new AtomicInteger();

        String decision =
                attempts.run("test", () -> calls.incrementAndGet() < 3 ? Optional.empty() : Optional.of("ok"));

        assertThat(decision).isEqualTo("ok");
        assertThat(pauses).containsExactly(1, 2);
    }

    @Test
    void run_alwaysLosing_throwsContentionAfterTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        AdmissionAttempts attempts = new AdmissionAttempts(4, attempt -> {});

        assertThatThrownBy(() -> attempts.run("provision for team a", () -> {
                    calls.incrementAndGet();
                    return Optional.empty();
                }))
                .isInstanceOf(AdmissionContentionException.class)
                .hasMessageContaining("provision for team a");
        assertThat(calls).hasValue(4);
    }

    @Test
    void run_interruptedWhilePausing_throwsContentionAndKeepsTheInterruptFlag() {
        AdmissionAttempts attempts = new AdmissionAttempts(4, attempt -> {
            throw new InterruptedException();
        });

        try {
            assertThatThrownBy(() -> attempts.run("test", Optional::empty))
                    .isInstanceOf(AdmissionContentionException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
