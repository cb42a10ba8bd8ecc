package dev.vastguard.local.sandbox;

/** What an instance is doing during one stretch of sandbox time; decides its {@code actual_status} and billing. */
enum Phase {
    /** Just created, no container yet: Vast.ai reports {@code actual_status: null}. Storage is billed. */
    PROVISIONING(null),
    /** Pulling the image. Storage is billed. */
    LOADING("loading"),
    /** Running: billed at {@code dph_total}. */
    RUNNING("running"),
    /** Started again, waiting for the machine's GPUs. Storage is billed. */
    SCHEDULING("scheduling"),
    /** Stopped by the user. Storage is billed. */
    STOPPED("stopped"),
    /** The host is offline: nothing is billed. */
    OFFLINE("offline");

    private final String actualStatus;

    Phase(String actualStatus) {
        this.actualStatus = actualStatus;
    }

    /** The {@code actual_status} Vast.ai reports, or null while provisioning. */
    String actualStatus() {
        return actualStatus;
    }

    boolean billsGpu() {
        return this == RUNNING;
    }

    boolean billsStorage() {
        return this != OFFLINE;
    }
}
