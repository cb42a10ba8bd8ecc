package dev.vastguard.idempotency.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.idempotency.IdempotencyStore.Claim;
import dev.vastguard.idempotency.IdempotencyStore.Claimed;
import dev.vastguard.idempotency.IdempotencyStore.InProgress;
import dev.vastguard.idempotency.IdempotencyStore.Mismatch;
import dev.vastguard.idempotency.IdempotencyStore.Replay;
import dev.vastguard.platform.AwsFixture;
import dev.vastguard.team.TeamId;
import dev.vastguard.testing.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoServer.class)
class DynamoDbIdempotencyStoreIT {

    private static final TeamId TEAM = TeamId.of("ml-research");
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");

    private static DynamoDbIdempotencyStore store;

    @BeforeAll
    static void createTables() {
        store = new DynamoDbIdempotencyStore(
                AwsFixture.clients().dynamoDb(), AwsFixture.freshTables().idempotency());
    }

    @Test
    void claim_newKey_isClaimed() {
        String key = newKey();

        Claim claim = store.claim(TEAM, key, "hash-a", NOW);

        assertThat(claim).isInstanceOf(Claimed.class);
    }

    @Test
    void claim_completedKeyWithSameBody_replaysTheAnswer() {
        String key = newKey();
        store.claim(TEAM, key, "hash-a", NOW);
        store.complete(TEAM, key, 201, "{\"id\":4242}");

        Claim claim = store.claim(TEAM, key, "hash-a", NOW.plusSeconds(30));

        assertThat(claim).isEqualTo(new Replay(201, "{\"id\":4242}"));
    }

    @Test
    void claim_usedKeyWithOtherBody_isMismatch() {
        String key = newKey();
        store.claim(TEAM, key, "hash-a", NOW);

        Claim claim = store.claim(TEAM, key, "hash-b", NOW.plusSeconds(1));

        assertThat(claim).isInstanceOf(Mismatch.class);
    }

    @Test
    void claim_keyStillInProgress_isInProgress() {
        String key = newKey();
        store.claim(TEAM, key, "hash-a", NOW);

        Claim claim = store.claim(TEAM, key, "hash-a", NOW.plus(Duration.ofMinutes(4)));

        assertThat(claim).isInstanceOf(InProgress.class);
    }

    @Test
    void claim_inProgressForMoreThanFiveMinutes_isTakenOverOnce() {
        String key = newKey();
        store.claim(TEAM, key, "hash-a", NOW);
        Instant later = NOW.plus(Duration.ofMinutes(5));

        Claim takeover = store.claim(TEAM, key, "hash-a", later);
        Claim competitor = store.claim(TEAM, key, "hash-a", later);

        assertThat(takeover).isInstanceOf(Claimed.class);
        assertThat(competitor).isInstanceOf(InProgress.class);
    }

    @Test
    void claim_sameKeyOfAnotherTeam_isIndependent() {
        String key = newKey();
        store.claim(TEAM, key, "hash-a", NOW);

        Claim claim = store.claim(TeamId.of("vision"), key, "hash-b", NOW);

        assertThat(claim).isInstanceOf(Claimed.class);
    }

    @Test
    void claim_releasedKey_canBeClaimedAgain() {
        String key = newKey();
        store.claim(TEAM, key, "hash-a", NOW);
        store.release(TEAM, key);

        Claim claim = store.claim(TEAM, key, "hash-b", NOW.plusSeconds(5));

        assertThat(claim).isInstanceOf(Claimed.class);
    }

    @Test
    void claim_recordOlderThanRetention_countsAsNew() {
        String key = newKey();
        store.claim(TEAM, key, "hash-a", NOW);
        store.complete(TEAM, key, 201, "{}");

        Claim claim = store.claim(TEAM, key, "hash-b", NOW.plus(Duration.ofHours(25)));

        assertThat(claim).isInstanceOf(Claimed.class);
    }

    @Test
    void complete_releasedKey_doesNotRecreateTheRecord() {
        String key = newKey();
        store.claim(TEAM, key, "hash-a", NOW);
        store.release(TEAM, key);

        store.complete(TEAM, key, 201, "{}");

        assertThat(store.claim(TEAM, key, "hash-b", NOW)).isInstanceOf(Claimed.class);
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}
