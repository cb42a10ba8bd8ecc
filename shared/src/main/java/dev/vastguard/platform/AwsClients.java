package dev.vastguard.platform;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The AWS SDK clients of one container, each built once with the small URL-connection HTTP client.
 *
 * <p>DynamoDB and Secrets Manager are built at once; S3 and SNS only when first asked for, so a function that never
 * writes a report or publishes an alert never loads their classes, and its deployment jar can leave them out.
 *
 * <p>Region, credentials and any endpoint override ({@code AWS_ENDPOINT_URL}, {@code aws.endpointUrl}) come from
 * the SDK's default provider chains, so tests and the local runner need no special wiring.
 */
public final class AwsClients {

    private final SdkHttpClient http;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbEnhancedClient enhanced;
    private final SecretsManagerClient secretsManager;
    private final Lazy lazy;

    private AwsClients(SdkHttpClient http, DynamoDbClient dynamoDb, SecretsManagerClient secretsManager, Lazy lazy) {
        this.http = http;
        this.dynamoDb = dynamoDb;
        this.enhanced =
                DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
        this.secretsManager = secretsManager;
        this.lazy = lazy;
    }

    /**
     * Builds the clients.
     *
     * @return the clients
     */
    public static AwsClients create() {
        SdkHttpClient http = UrlConnectionHttpClient.create();
        return new AwsClients(
                http,
                DynamoDbClient.builder().httpClient(http).build(),
                SecretsManagerClient.builder().httpClient(http).build(),
                new Lazy());
    }

    /**
     * The same clients over another DynamoDB client (a wrapper for AWS emulators, say); S3 and SNS are shared.
     *
     * @param replacement the DynamoDB client to use
     * @return the clients
     */
    public AwsClients withDynamoDb(DynamoDbClient replacement) {
        return new AwsClients(http, replacement, secretsManager, lazy);
    }

    /**
     * The DynamoDB client.
     *
     * @return the client
     */
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /**
     * The DynamoDB Enhanced Client over {@link #dynamoDb()}.
     *
     * @return the client
     */
    public DynamoDbEnhancedClient enhanced() {
        return enhanced;
    }

    /**
     * The Secrets Manager client.
     *
     * @return the client
     */
    public SecretsManagerClient secretsManager() {
        return secretsManager;
    }

    /**
     * The S3 client, path-style so emulators on an IP address work; built on first use.
     *
     * @return the client
     */
    public S3Client s3() {
        synchronized (lazy) {
            if (lazy.s3 == null) {
                lazy.s3 =
                        S3Client.builder().httpClient(http).forcePathStyle(true).build();
            }
            return lazy.s3;
        }
    }

    /**
     * Signs S3 download URLs with the S3 client's region, credentials and endpoint; built on first use.
     *
     * @return the presigner
     */
    public S3Presigner s3Presigner() {
        S3Client client = s3();
        synchronized (lazy) {
            if (lazy.s3Presigner == null) {
                S3ServiceClientConfiguration config = client.serviceClientConfiguration();
                S3Presigner.Builder builder = S3Presigner.builder()
                        .region(config.region())
                        .credentialsProvider(config.credentialsProvider())
                        .serviceConfiguration(S3Configuration.builder()
                                .pathStyleAccessEnabled(true)
                                .build());
                config.endpointOverride().ifPresent(builder::endpointOverride);
                lazy.s3Presigner = builder.build();
            }
            return lazy.s3Presigner;
        }
    }

    /**
     * The SNS client; built on first use.
     *
     * @return the client
     */
    public SnsClient sns() {
        synchronized (lazy) {
            if (lazy.sns == null) {
                lazy.sns = SnsClient.builder().httpClient(http).build();
            }
            return lazy.sns;
        }
    }

    /** The clients built on first use, shared by the copies {@link #withDynamoDb} makes. */
    private static final class Lazy {
        private S3Client s3;
        private S3Presigner s3Presigner;
        private SnsClient sns;
    }
}
