package dev.vastguard.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** A small JDK HTTP caller for the sandbox tests; sends the key as a Bearer header like vastguard does. */
final class SandboxHttp {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    SandboxHttp(URI base) {
        this.base = base;
    }

    /** One answer. */
    record Reply(int status, Optional<String> contentType, String body, HttpResponse<String> raw) {

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A query parameter with a JSON value, URL-encoded as the CLI does. */
    static String param(String name, String json) {
        return name + "=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    Reply get(String key, String pathAndQuery) {
        return send(request(key, pathAndQuery).GET());
    }

    Reply post(String key, String path, String json) {
        return send(request(key, path).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String key, String path, String json) {
        return send(request(key, path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String key, String path) {
        return send(request(key, path).method("DELETE", HttpRequest.BodyPublishers.ofString("{}")));
    }

    /** Sends with a client-side timeout; throws what the JDK client throws. */
    Reply sendRaw(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(
                response.statusCode(), response.headers().firstValue("Content-Type"), response.body(), response);
    }

    HttpRequest.Builder request(String key, String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json");
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            return sendRaw(builder.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
