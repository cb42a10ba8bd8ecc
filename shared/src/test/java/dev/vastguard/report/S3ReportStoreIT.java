package dev.vastguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vastguard.platform.AwsClients;
import dev.vastguard.platform.AwsFixture;
import dev.vastguard.platform.AwsResources;
import dev.vastguard.testing.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

@ExtendWith(MotoServer.class)
class S3ReportStoreIT {

    private static S3Client s3;
    private static S3ReportStore store;
    private static String bucket;

    @BeforeAll
    static void createBucket() {
        AwsClients clients = AwsFixture.clients();
        s3 = clients.s3();
        bucket = AwsFixture.uniquePrefix() + "reports";
        AwsResources.ensureBucket(s3, bucket);
        store = new S3ReportStore(s3, clients.s3Presigner(), bucket);
    }

    @Test
    void put_csv_storesBodyAndContentType() {
        byte[] body = "team,cost\nred,12.50\n".getBytes(StandardCharsets.UTF_8);

        store.put("reports/2026/11/totals.csv", "text/csv; charset=utf-8", body);

        ResponseBytes<GetObjectResponse> stored =
                s3.getObjectAsBytes(r -> r.bucket(bucket).key("reports/2026/11/totals.csv"));
        assertThat(stored.asByteArray()).isEqualTo(body);
        assertThat(stored.response().contentType()).isEqualTo("text/csv; charset=utf-8");
        assertThat(store.bucket()).isEqualTo(bucket);
    }

    @Test
    void upload_largerThanTwoParts_arrivesWholeAsAMultipartObject() throws IOException {
        byte[] body = new byte[2 * S3ReportStore.PART_BYTES + 12_345];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }

        ReportStore.Upload upload = store.upload("big/focus.csv", "text/csv");
        for (int at = 0; at < body.length; at += 1000) {
            upload.write(body, at, Math.min(1000, body.length - at));
        }
        upload.close();

        ResponseBytes<GetObjectResponse> stored =
                s3.getObjectAsBytes(r -> r.bucket(bucket).key("big/focus.csv"));
        assertThat(Arrays.equals(stored.asByteArray(), body)).isTrue();
        assertThat(stored.response().eTag())
                .as("a multipart ETag ends in its part count")
                .endsWith("-3\"");
        assertThat(stored.response().contentType()).isEqualTo("text/csv");
        assertThat(upload.version())
                .as("the version the completed upload created is the current one")
                .isPresent()
                .isEqualTo(store.currentVersion("big/focus.csv"));
    }

    @Test
    void upload_aborted_leavesNoObjectAndNoUploadBehind() throws IOException {
        ReportStore.Upload upload = store.upload("aborted/focus.csv", "text/csv");
        upload.write(new byte[S3ReportStore.PART_BYTES + 1]);

        upload.abort();
        upload.close();

        assertThat(store.get("aborted/focus.csv")).isEmpty();
        assertThat(s3.listMultipartUploads(r -> r.bucket(bucket).prefix("aborted/"))
                        .uploads())
                .isEmpty();
    }

    @Test
    void get_missingKey_isEmpty() {
        assertThat(store.get("reports/1999/01/manifest.json")).isEmpty();
    }

    @Test
    void put_sameKeyTwice_keepsBothVersionsAndGetReadsTheLatest() {
        Optional<String> first =
                store.put("versions/summary.json", "application/json", "{\"v\":1}".getBytes(StandardCharsets.UTF_8));
        Optional<String> second =
                store.put("versions/summary.json", "application/json", "{\"v\":2}".getBytes(StandardCharsets.UTF_8));

        assertThat(first).isPresent().isNotEqualTo(second);
        assertThat(store.currentVersion("versions/summary.json")).isPresent().isEqualTo(second);
        assertThat(store.currentVersion("versions/missing.json")).isEmpty();

        assertThat(s3.listObjectVersions(r -> r.bucket(bucket).prefix("versions/"))
                        .versions())
                .extracting(ObjectVersion::key)
                .containsExactly("versions/summary.json", "versions/summary.json");
        assertThat(new String(store.get("versions/summary.json").orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("{\"v\":2}");
    }

    @Test
    void downloadUrl_fetchedWithoutCredentials_returnsTheObject() throws Exception {
        byte[] body = "<!doctype html><title>November</title>".getBytes(StandardCharsets.UTF_8);
        store.put("reports/2026/11/summary.html", "text/html; charset=utf-8", body);

        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ReportStore.SignedUrl signed = store.downloadUrl("reports/2026/11/summary.html", Duration.ofHours(1));
        URI url = signed.url();

        assertThat(url.getQuery()).contains("X-Amz-Expires=3600").contains("X-Amz-Signature=");
        assertThat(signed.expiresAt())
                .as("the expiry the signature carries: signing time plus an hour")
                .isBetween(before.plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)));
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body);
    }
}
