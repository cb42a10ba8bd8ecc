package dev.vastguard.instance;

import java.util.Locale;

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
     * The wire name used by the API.
     *
     * @return for example {@code running}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
