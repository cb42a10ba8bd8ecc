package dev.vastguard.audit;

import java.util.Locale;

/** What an audit event records. */
public enum AuditAction {
    PROVISION,
    PROVISION_DENIED,
    DESTROY,
    STOP,
    START,
    SUSPEND,
    RESUME,
    POLICY_CHANGE,
    PRINCIPAL_CHANGE,
    ADOPT,
    CLOSE_OUT,
    THRESHOLD;

    /**
     * The wire name used by the API.
     *
     * @return for example {@code provision_denied}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
