package dev.vastguard.principal;

import dev.vastguard.team.TeamId;
import java.util.Optional;

/**
 * An IAM identity registered with vastguard.
 *
 * @param arn the registered ARN: an IAM role ({@code arn:aws:iam::ACCOUNT:role/NAME}) or user
 * @param role what the principal may do
 * @param team the team of a {@link Role#MEMBER}; empty for other roles
 */
public record Principal(String arn, Role role, Optional<TeamId> team) {

    /**
     * Checks that members have exactly one team and other roles none.
     *
     * @throws IllegalArgumentException if the team does not fit the role
     */
    public Principal {
        if (arn == null || arn.isBlank()) {
            throw new IllegalArgumentException("arn must not be blank");
        }
        if (role == Role.MEMBER && team.isEmpty()) {
            throw new IllegalArgumentException("a member needs a team");
        }
        if (role != Role.MEMBER && team.isPresent()) {
            throw new IllegalArgumentException("only members have a team");
        }
    }
}
