package dev.vastguard.instance;

import java.util.Locale;
import java.util.Optional;

/** The lifecycle state of an instance as vastguard reports it. */
public enum InstanceStatus {
    /** Rented, not yet running (Vast.ai: no status yet, {@code created}, {@code loading}, scheduling). */
    PROVISIONING,
    /** Running: billed at its full {@code dph_total}. */
    RUNNING,
    /** Stopped (or exited): the GPU is released, storage is still billed. */
    STOPPED,
    /** Destroyed: nothing is billed any more; the record is kept for reports. */
    DESTROYED,
    /** The host is offline or the state is not known: nothing is billed. */
    UNKNOWN;

    /**
     * The vastguard status of a Vast.ai {@code actual_status}.
     *
     * @param actualStatus the status; empty while Vast.ai has not reported one yet
     * @return running for {@code running}/{@code rebooting}; stopped for {@code stopped}/{@code exited}/
     *     {@code frozen}; unknown for {@code offline}/{@code unknown}; provisioning otherwise
     */
    public static InstanceStatus ofVastStatus(Optional<String> actualStatus) {
        String status = actualStatus.map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        return switch (status) {
            case "running", "rebooting" -> RUNNING;
            case "stopped", "exited", "frozen" -> STOPPED;
            case "offline", "unknown" -> UNKNOWN;
            default -> PROVISIONING;
        };
    }

    /**
     * The wire name used by the API.
     *
     * @return for example {@code running}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
