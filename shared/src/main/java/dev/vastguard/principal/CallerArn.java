package dev.vastguard.principal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the ARN that API Gateway verified into the ARN a principal is registered under.
 *
 * <p>An assumed-role session {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION} is registered as the role
 * {@code arn:aws:iam::ACCOUNT:role/ROLE}; the session name is chosen by the caller and is ignored. Other ARNs
 * (IAM users, roles) are used as they are.
 */
public final class CallerArn {

    private static final Pattern ASSUMED_ROLE =
            Pattern.compile("^arn:(aws[a-z-]*):sts::(\\d{12}):assumed-role/([^/]+)/[^/]+$");

    private CallerArn() {}

    /**
     * The registered form of a verified caller ARN.
     *
     * @param userArn {@code requestContext.identity.userArn}, possibly null or blank
     * @return the ARN to look the principal up by, or empty if there is no caller
     */
    public static Optional<String> registeredForm(String userArn) {
        if (userArn == null || userArn.isBlank()) {
            return Optional.empty();
        }
        String trimmed = userArn.trim();
        Matcher assumed = ASSUMED_ROLE.matcher(trimmed);
        if (assumed.matches()) {
            return Optional.of("arn:" + assumed.group(1) + ":iam::" + assumed.group(2) + ":role/" + assumed.group(3));
        }
        return Optional.of(trimmed);
    }
}
