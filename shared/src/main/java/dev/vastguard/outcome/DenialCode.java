package dev.vastguard.outcome;

import java.util.Locale;

/**
 * Why vastguard said no to a request that was well formed. Each code is an expected business outcome, answered
 * as a 4xx problem with the code's wire name; the declaration order is the order in which provisioning checks
 * them.
 */
public enum DenialCode {
    /** The policy does not allow the GPU (403). */
    GPU_NOT_ALLOWED,
    /** The team is suspended until its budget resets (403). */
    TEAM_SUSPENDED,
    /** The team already holds its maximum number of instances (403). */
    INSTANCE_LIMIT_REACHED,
    /** Offers exist, but all cost more than the price cap (403). */
    PRICE_CAP_EXCEEDED,
    /** No offer matches the GPU, count and reliability at all (409). */
    NO_MATCHING_OFFER,
    /** The request would take the team over its budget (403). */
    BUDGET_EXHAUSTED,
    /** No such instance for this team (404). */
    NOT_FOUND,
    /** The instance cannot do that in its state, for example start a destroyed one (409). */
    INVALID_STATE;

    /**
     * The code as the API writes it.
     *
     * @return for example {@code budget_exhausted}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
