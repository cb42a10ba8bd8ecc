package dev.vastguard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(MotoServer.class)
class MotoServerIT {

    @Test
    void endpoint_reachedThroughTheStandardSetting_answersDynamoDbCalls() {
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {

            assertThat(dynamo.listTables().tableNames()).isNotNull();
        }
    }
}
