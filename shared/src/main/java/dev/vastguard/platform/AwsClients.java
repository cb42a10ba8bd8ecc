package dev.vastguard.platform;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The AWS SDK clients of one container, each built once with the small URL-connection HTTP client.
 *
 * <p>Region, credentials and any endpoint override ({@code AWS_ENDPOINT_URL}, {@code aws.endpointUrl}) come from
 * the SDK's default provider chains, so tests and the local runner need no special wiring.
 *
 * @param dynamoDb the DynamoDB client
 * @param enhanced the DynamoDB Enhanced Client over {@code dynamoDb}
 * @param secretsManager the Secrets Manager client
 * @param s3 the S3 client, path-style so emulators on an IP address work
 * @param sns the SNS client
 */
public record AwsClients(
        DynamoDbClient dynamoDb,
        DynamoDbEnhancedClient enhanced,
        SecretsManagerClient secretsManager,
        S3Client s3,
        SnsClient sns) {

    /**
     * Builds every client.
     *
     * @return the clients
     */
    public static AwsClients create() {
        SdkHttpClient http = UrlConnectionHttpClient.create();
        DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(http).build();
        return new AwsClients(
                dynamoDb,
                DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build(),
                SecretsManagerClient.builder().httpClient(http).build(),
                S3Client.builder().httpClient(http).forcePathStyle(true).build(),
                SnsClient.builder().httpClient(http).build());
    }
}
