package dev.vastguard.platform;

import dev.vastguard.config.Config;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Creates the tables, bucket and topic vastguard needs when they are missing, with the keys of the deployed stack.
 * Used by integration tests and the local runner; in AWS the SAM template creates them.
 */
public final class AwsResources {

    private static final Logger LOG = LoggerFactory.getLogger(AwsResources.class);

    private static final String TTL_ATTRIBUTE = "expires_at";

    private AwsResources() {}

    /**
     * Creates every missing table with its keys, index and TTL, and waits until all are active. Safe to repeat.
     *
     * @param dynamo the DynamoDB client
     * @param tables the table names
     */
    public static void ensureTables(DynamoDbClient dynamo, Config.Tables tables) {
        List<TableSpec> specs = List.of(
                new TableSpec(tables.teams(), "team", Optional.empty(), false, false),
                new TableSpec(tables.principals(), "arn", Optional.empty(), false, false),
                new TableSpec(tables.instances(), "team", Optional.of("sk"), false, true),
                new TableSpec(tables.ledger(), "team", Optional.of("sk"), false, false),
                new TableSpec(tables.audit(), "month", Optional.of("sk"), true, false),
                new TableSpec(tables.idempotency(), "pk", Optional.empty(), false, true));
        specs.forEach(spec -> create(dynamo, spec));
        for (TableSpec spec : specs) {
            dynamo.waiter().waitUntilTableExists(r -> r.tableName(spec.name()));
            if (spec.ttl()) {
                enableTtl(dynamo, spec.name());
            }
        }
    }

    /**
     * Creates a bucket, with versioning on, if it does not exist.
     *
     * @param s3 the S3 client
     * @param bucket the bucket name
     */
    public static void ensureBucket(S3Client s3, String bucket) {
        try {
            s3.headBucket(r -> r.bucket(bucket));
            return;
        } catch (NoSuchBucketException e) {
            LOG.info("Creating bucket {}", bucket);
        }
        Region region = s3.serviceClientConfiguration().region();
        try {
            if (region == null || Region.US_EAST_1.equals(region)) {
                s3.createBucket(r -> r.bucket(bucket));
            } else {
                s3.createBucket(
                        r -> r.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(region.id())));
            }
        } catch (BucketAlreadyOwnedByYouException e) {
            LOG.debug("Bucket {} was created concurrently", bucket);
        }
        // Like the deployed reports bucket: a re-written report keeps its earlier versions.
        s3.putBucketVersioning(
                r -> r.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }

    /**
     * Creates an SNS topic if it does not exist (creating a topic is idempotent in SNS).
     *
     * @param sns the SNS client
     * @param name the topic name
     * @return the topic ARN
     */
    public static String ensureTopic(SnsClient sns, String name) {
        return sns.createTopic(r -> r.name(name)).topicArn();
    }

    private static void create(DynamoDbClient dynamo, TableSpec spec) {
        try {
            dynamo.describeTable(r -> r.tableName(spec.name()));
            return;
        } catch (ResourceNotFoundException e) {
            LOG.info("Creating table {}", spec.name());
        }
        try {
            dynamo.createTable(spec.request());
        } catch (ResourceInUseException e) {
            LOG.debug("Table {} was created concurrently", spec.name());
        }
    }

    private static void enableTtl(DynamoDbClient dynamo, String table) {
        TimeToLiveStatus status = dynamo.describeTimeToLive(r -> r.tableName(table))
                .timeToLiveDescription()
                .timeToLiveStatus();
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
            return;
        }
        dynamo.updateTimeToLive(r -> r.tableName(table)
                .timeToLiveSpecification(s -> s.attributeName(TTL_ATTRIBUTE).enabled(true)));
    }

    /** One table of the schema: string keys, pay per request, and the audit table's {@code by-team} index. */
    private record TableSpec(
            String name, String partitionKey, Optional<String> sortKey, boolean byTeamIndex, boolean ttl) {

        CreateTableRequest request() {
            List<KeySchemaElement> keys = sortKey.map(sk -> List.of(hash(partitionKey), range(sk)))
                    .orElseGet(() -> List.of(hash(partitionKey)));
            CreateTableRequest.Builder builder = CreateTableRequest.builder()
                    .tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(keys);
            if (byTeamIndex) {
                builder.attributeDefinitions(string(partitionKey), string("sk"), string("team_month"))
                        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                                .indexName("by-team")
                                .keySchema(hash("team_month"), range("sk"))
                                .projection(p -> p.projectionType(ProjectionType.ALL))
                                .build());
            } else {
                builder.attributeDefinitions(
                        keys.stream().map(k -> string(k.attributeName())).toList());
            }
            return builder.build();
        }

        private static KeySchemaElement hash(String attribute) {
            return KeySchemaElement.builder()
                    .attributeName(attribute)
                    .keyType(KeyType.HASH)
                    .build();
        }

        private static KeySchemaElement range(String attribute) {
            return KeySchemaElement.builder()
                    .attributeName(attribute)
                    .keyType(KeyType.RANGE)
                    .build();
        }

        private static AttributeDefinition string(String attribute) {
            return AttributeDefinition.builder()
                    .attributeName(attribute)
                    .attributeType(ScalarAttributeType.S)
                    .build();
        }
    }
}
