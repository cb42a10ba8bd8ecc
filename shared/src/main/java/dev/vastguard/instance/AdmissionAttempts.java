package dev.vastguard.instance;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs an optimistic admission decision again while it loses races: each attempt reads, decides and writes
 * conditionally, and a lost race (the team changed meanwhile) is retried after a short random pause so that
 * concurrent requests spread out.
 */
final class AdmissionAttempts {

    static final int DEFAULT_MAX_ATTEMPTS = 25;

    private final int maxAttempts;
    private final Pause pause;

    AdmissionAttempts(int maxAttempts, Pause pause) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed");
        }
        this.maxAttempts = maxAttempts;
        this.pause = pause;
    }

    static AdmissionAttempts withRandomPause() {
        return new AdmissionAttempts(DEFAULT_MAX_ATTEMPTS, attempt -> {
            long bound = 5L * Math.min(attempt, 8);
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        });
    }

    /**
     * Runs attempts until one decides.
     *
     * @param what what is being decided, for the exception message
     * @param attempt one attempt: the decision, or empty if its conditional write lost a race
     * @param <T> the decision type
     * @return the first decision
     * @throws AdmissionContentionException if every attempt lost, or the thread was interrupted while pausing
     */
    <T> T run(String what, Supplier<Optional<T>> attempt) {
        for (int count = 1; ; count++) {
            Optional<T> decision = attempt.get();
            if (decision.isPresent()) {
                return decision.get();
            }
            if (count >= maxAttempts) {
                throw new AdmissionContentionException(
                        what + " lost " + maxAttempts + " races against concurrent changes; try again");
            }
            try {
                pause.pause(count);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AdmissionContentionException(what + " was interrupted while waiting to try again");
            }
        }
    }

    /** Waits before another attempt. */
    @FunctionalInterface
    interface Pause {

        /**
         * Waits.
         *
         * @param attempt how many attempts have been made
         * @throws InterruptedException if interrupted while waiting
         */
        void pause(int attempt) throws InterruptedException;
    }
}
