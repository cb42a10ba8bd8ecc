package dev.vastguard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.config.Config;
import dev.vastguard.emulator.SerializedWritesDynamoDbClient;
import dev.vastguard.testing.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

@ExtendWith(MotoServer.class)
class AwsResourcesIT {

    @Test
    void ensureTables_calledTwice_createsTheSchemaOnce() {
        DynamoDbClient dynamo = AwsFixture.clients().dynamoDb();
        Config.Tables tables = Config.Tables.withPrefix(AwsFixture.uniquePrefix());

        AwsResources.ensureTables(dynamo, tables);
        AwsResources.ensureTables(dynamo, tables);

        assertThat(keys(describe(dynamo, tables.teams()))).containsExactly("team:HASH");
        assertThat(keys(describe(dynamo, tables.principals()))).containsExactly("arn:HASH");
        assertThat(keys(describe(dynamo, tables.instances()))).containsExactly("team:HASH", "sk:RANGE");
        assertThat(keys(describe(dynamo, tables.ledger()))).containsExactly("team:HASH", "sk:RANGE");
        assertThat(keys(describe(dynamo, tables.idempotency()))).containsExactly("pk:HASH");
        TableDescription audit = describe(dynamo, tables.audit());
        assertThat(keys(audit)).containsExactly("month:HASH", "sk:RANGE");
        assertThat(audit.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("by-team");
            assertThat(index.keySchema())
                    .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                    .containsExactly("team_month:HASH", "sk:RANGE");
            assertThat(index.projection().projectionTypeAsString()).isEqualTo("ALL");
        });
        assertThat(audit.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(ttl(dynamo, tables.instances())).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl(dynamo, tables.idempotency())).isEqualTo(TimeToLiveStatus.ENABLED);
    }

    @Test
    void ensureTables_throughTheEmulatorSafeClient_createsTheTables() {
        DynamoDbClient dynamo =
                new SerializedWritesDynamoDbClient(AwsFixture.clients().dynamoDb());
        Config.Tables tables = Config.Tables.withPrefix(AwsFixture.uniquePrefix());

        AwsResources.ensureTables(dynamo, tables);

        assertThat(keys(describe(dynamo, tables.ledger()))).containsExactly("team:HASH", "sk:RANGE");
        assertThat(ttl(dynamo, tables.idempotency())).isEqualTo(TimeToLiveStatus.ENABLED);
    }

    @Test
    void ensureBucketAndTopic_calledTwice_succeed() {
        AwsClients clients = AwsFixture.clients();
        String name = AwsFixture.uniquePrefix() + "resources";

        AwsResources.ensureBucket(clients.s3(), name);
        AwsResources.ensureBucket(clients.s3(), name);
        String first = AwsResources.ensureTopic(clients.sns(), name);
        String second = AwsResources.ensureTopic(clients.sns(), name);

        assertThat(clients.s3().listBuckets().buckets()).anyMatch(b -> b.name().equals(name));
        assertThat(first).isEqualTo(second).endsWith(":" + name);
    }

    private static TableDescription describe(DynamoDbClient dynamo, String table) {
        return dynamo.describeTable(r -> r.tableName(table)).table();
    }

    private static java.util.List<String> keys(TableDescription table) {
        return table.keySchema().stream()
                .map(KeySchemaElement::attributeName)
                .map(name -> name + ":"
                        + table.keySchema().stream()
                                .filter(k -> k.attributeName().equals(name))
                                .findFirst()
                                .orElseThrow()
                                .keyTypeAsString())
                .toList();
    }

    private static TimeToLiveStatus ttl(DynamoDbClient dynamo, String table) {
        return dynamo.describeTimeToLive(r -> r.tableName(table))
                .timeToLiveDescription()
                .timeToLiveStatus();
    }
}
