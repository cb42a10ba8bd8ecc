package dev.vastguard.instance;

import java.util.Locale;
import java.util.Optional;

/**
 * Which rate Vast.ai bills an instance at in a given state.
 *
 * <p>Vast.ai bills per second: the full {@code dph_total} while running; storage only while the instance exists
 * but is not running (provisioning, loading, stopped, exited, scheduling, and states it cannot name); nothing
 * while its host is offline or after it is destroyed.
 */
public enum Billing {
    /** Billed at {@code dph_total} (GPU and storage). */
    GPU,
    /** Billed at the storage rate only. */
    STORAGE,
    /** Not billed. */
    NONE;

    /**
     * The billing of a Vast.ai {@code actual_status}.
     *
     * @param actualStatus the status; empty while Vast.ai has not reported one yet
     * @return the billing
     */
    public static Billing ofVastStatus(Optional<String> actualStatus) {
        String status = actualStatus.map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        return switch (status) {
            case "running", "rebooting" -> GPU;
            case "offline" -> NONE;
            default -> STORAGE;
        };
    }

    /**
     * The billing of an instance in a vastguard status, for intervals where only that status is known.
     *
     * @param status the status
     * @return the billing
     */
    public static Billing of(InstanceStatus status) {
        return switch (status) {
            case RUNNING -> GPU;
            case PROVISIONING, STOPPED -> STORAGE;
            case UNKNOWN, DESTROYED -> NONE;
        };
    }
}
