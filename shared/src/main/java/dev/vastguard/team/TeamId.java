package dev.vastguard.team;

import java.util.regex.Pattern;

/**
 * The id of a team, such as {@code ml-research}.
 *
 * @param value lower-case letters, digits and hyphens; 2 to 63 characters, not starting with a hyphen
 */
public record TeamId(String value) implements Comparable<TeamId> {

    private static final Pattern FORMAT = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");

    /**
     * Validates the id.
     *
     * @throws IllegalArgumentException if the id does not match {@code ^[a-z0-9][a-z0-9-]{1,62}$}
     */
    public TeamId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("team id must match ^[a-z0-9][a-z0-9-]{1,62}$");
        }
    }

    /**
     * Parses a team id.
     *
     * @param value the text
     * @return the id
     * @throws IllegalArgumentException if the text is not a valid team id
     */
    public static TeamId of(String value) {
        return new TeamId(value);
    }

    /**
     * Whether the text is a valid team id.
     *
     * @param value the text, possibly null
     * @return true if {@link #of(String)} would accept it
     */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public int compareTo(TeamId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
