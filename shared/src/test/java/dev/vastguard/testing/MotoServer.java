package dev.vastguard.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points the AWS SDK at a real AWS API emulator for integration tests.
 *
 * <p>If {@code AWS_ENDPOINT_URL} is set (CI starts moto_server, or a developer runs LocalStack) that endpoint is
 * used. Otherwise one {@code moto_server} is started on a free loopback port for the whole test JVM and stopped
 * when the JVM exits. The SDK finds the endpoint through the standard {@code aws.endpointUrl} system property,
 * exactly as production code finds {@code AWS_ENDPOINT_URL}; no client is built differently for tests.
 *
 * <p>Use it with {@code @ExtendWith(MotoServer.class)}, and give each test class its own table names so classes
 * never see each other's data.
 */
public final class MotoServer implements BeforeAllCallback {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static URI endpoint;

    @Override
    public void beforeAll(ExtensionContext context) {
        endpoint();
    }

    /**
     * The emulator's endpoint, starting moto_server on first use if no endpoint was given.
     *
     * @return the endpoint, for example {@code http://127.0.0.1:41234}
     */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            String given = System.getenv("AWS_ENDPOINT_URL");
            endpoint = given != null && !given.isBlank() ? URI.create(given) : start();
            System.setProperty("aws.endpointUrl", endpoint.toString());
            setIfAbsent("aws.region", "us-east-1");
            setIfAbsent("aws.accessKeyId", "test");
            setIfAbsent("aws.secretAccessKey", "test");
        }
        return endpoint;
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static URI start() {
        Path binary = findBinary()
                .orElseThrow(() -> new IllegalStateException("moto_server was not found: install moto with its server"
                        + " extras (pip install 'moto[server]'), put moto_server on PATH or in MOTO_SERVER,"
                        + " or set AWS_ENDPOINT_URL to a running moto or LocalStack"));
        int port = freePort();
        try {
            Process process = new ProcessBuilder(binary.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
            URI uri = URI.create("http://127.0.0.1:" + port);
            awaitReady(uri, process);
            return uri;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + binary, e);
        }
    }

    private static Optional<Path> findBinary() {
        String configured = System.getenv("MOTO_SERVER");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "moto_server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return pyenvWhich();
    }

    private static Optional<Path> pyenvWhich() {
        try {
            Process which = new ProcessBuilder(List.of("pyenv", "which", "moto_server"))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(which.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return which.waitFor() == 0 && !out.isEmpty() ? Optional.of(Path.of(out)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for moto_server", e);
        }
    }

    private static void awaitReady(URI uri, Process process) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with code " + process.exitValue());
            }
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) uri.resolve("/moto-api/").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
        }
        throw new IllegalStateException("moto_server did not answer within " + START_TIMEOUT);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
