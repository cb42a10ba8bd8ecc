package dev.vastguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.platform.AwsFixture;
import dev.vastguard.platform.AwsResources;
import dev.vastguard.testing.MotoServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

@ExtendWith(MotoServer.class)
class S3ReportStoreIT {

    private static S3Client s3;
    private static String bucket;

    @BeforeAll
    static void createBucket() {
        s3 = AwsFixture.clients().s3();
        bucket = AwsFixture.uniquePrefix() + "reports";
        AwsResources.ensureBucket(s3, bucket);
    }

    @Test
    void put_csv_storesBodyAndContentType() {
        S3ReportStore store = new S3ReportStore(s3, bucket);
        byte[] body = "team,cost\nred,12.50\n".getBytes(StandardCharsets.UTF_8);

        store.put("reports/2026/11/totals.csv", "text/csv; charset=utf-8", body);

        ResponseBytes<GetObjectResponse> stored =
                s3.getObjectAsBytes(r -> r.bucket(bucket).key("reports/2026/11/totals.csv"));
        assertThat(stored.asByteArray()).isEqualTo(body);
        assertThat(stored.response().contentType()).isEqualTo("text/csv; charset=utf-8");
        assertThat(store.bucket()).isEqualTo(bucket);
    }
}
