package dev.vastguard.principal;

import java.util.Locale;
import java.util.Optional;

/** What a principal may do. */
public enum Role {
    /** Works with one team's instances, offers and budget. */
    MEMBER,
    /** Manages teams, policies, principals, reports and the audit log. */
    ADMIN,
    /** Reads teams and produces reports. */
    FINANCE;

    /**
     * The wire name used by the API.
     *
     * @return {@code member}, {@code admin} or {@code finance}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name.
     *
     * @param wireName the name, for example {@code member}
     * @return the role, or empty if the name is unknown
     */
    public static Optional<Role> fromWireName(String wireName) {
        for (Role role : values()) {
            if (role.wireName().equals(wireName)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
