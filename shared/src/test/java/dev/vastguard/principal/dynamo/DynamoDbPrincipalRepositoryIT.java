package dev.vastguard.principal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.platform.AwsFixture;
import dev.vastguard.principal.Principal;
import dev.vastguard.principal.Role;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.MotoServer;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoServer.class)
class DynamoDbPrincipalRepositoryIT {

    private static DynamoDbPrincipalRepository repository;

    @BeforeAll
    static void createTables() {
        repository = new DynamoDbPrincipalRepository(
                AwsFixture.clients().enhanced(), AwsFixture.freshTables().principals());
    }

    @Test
    void put_member_isFoundWithItsTeam() {
        Principal member = new Principal(roleArn(), Role.MEMBER, Optional.of(TeamId.of("ml-research")));

        repository.put(member);

        assertThat(repository.find(member.arn())).contains(member);
    }

    @Test
    void put_existingArn_replacesRoleAndTeam() {
        String arn = roleArn();
        repository.put(new Principal(arn, Role.MEMBER, Optional.of(TeamId.of("ml-research"))));
        Principal admin = new Principal(arn, Role.ADMIN, Optional.empty());

        repository.put(admin);

        assertThat(repository.find(arn)).contains(admin);
    }

    @Test
    void find_unknownArn_returnsEmpty() {
        String arn = roleArn();

        Optional<Principal> found = repository.find(arn);

        assertThat(found).isEmpty();
    }

    @Test
    void delete_existingThenAgain_reportsWhetherItExisted() {
        Principal finance = new Principal(roleArn(), Role.FINANCE, Optional.empty());
        repository.put(finance);

        boolean first = repository.delete(finance.arn());
        boolean again = repository.delete(finance.arn());

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(repository.find(finance.arn())).isEmpty();
    }

    @Test
    void list_severalPrincipals_returnsAllOrderedByArn() {
        List<Principal> principals = List.of(
                new Principal(roleArn(), Role.ADMIN, Optional.empty()),
                new Principal(roleArn(), Role.MEMBER, Optional.of(TeamId.of("vision"))),
                new Principal(roleArn(), Role.FINANCE, Optional.empty()));
        principals.forEach(repository::put);

        List<Principal> listed = repository.list();

        assertThat(listed).containsAll(principals);
        assertThat(listed.stream().map(Principal::arn).toList()).isSorted();
    }

    private static String roleArn() {
        return "arn:aws:iam::123456789012:role/caller-" + UUID.randomUUID();
    }
}
