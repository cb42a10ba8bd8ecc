package dev.vastguard.sweep;

import dev.vastguard.money.Money;
import dev.vastguard.vast.VastInstance;
import java.time.Instant;
import java.util.Optional;

/** Builds instances as Vast.ai lists them, for the sweeper's tests. */
final class Listed {

    private final long id;
    private Optional<String> status = Optional.of("running");
    private Optional<String> intended = Optional.empty();
    private Optional<String> label = Optional.empty();
    private Optional<Instant> startDate = Optional.of(Instant.parse("2026-11-10T00:00:00Z"));
    private Money dph = Money.ofDollars("0.30");
    private Money storageDph = Money.ofDollars("0.004");

    private Listed(long id) {
        this.id = id;
    }

    static Listed listed(long id) {
        return new Listed(id);
    }

    Listed status(String value) {
        status = Optional.ofNullable(value);
        return this;
    }

    /** Sets what the owner asked for, when it differs from the actual status (a failure). */
    Listed intended(String value) {
        intended = Optional.of(value);
        return this;
    }

    Listed label(String value) {
        label = Optional.of(value);
        return this;
    }

    Listed startedAt(String iso) {
        startDate = Optional.of(Instant.parse(iso));
        return this;
    }

    Listed dph(String dollars) {
        dph = Money.ofDollars(dollars);
        return this;
    }

    VastInstance build() {
        return new VastInstance(
                id, status, intended.isPresent() ? intended : status, "RTX 4090", 1, dph, storageDph, label, startDate);
    }
}
