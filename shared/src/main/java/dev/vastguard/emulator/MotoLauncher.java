package dev.vastguard.emulator;

import java.io.File;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@code moto_server}, a real AWS API emulator, on a free loopback port.
 *
 * <p>Used by the integration tests and the local runner, never by a deployed function. The binary is looked for in
 * {@code MOTO_SERVER}, then on {@code PATH}, then through {@code pyenv which moto_server}.
 */
public final class MotoLauncher {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private MotoLauncher() {}

    /**
     * A running moto_server.
     *
     * @param endpoint its endpoint, for example {@code http://127.0.0.1:41234}
     * @param process the process, to stop it
     */
    public record Running(URI endpoint, Process process) implements AutoCloseable {

        /** Stops the server, forcibly after five seconds. */
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /**
     * Finds the moto_server binary.
     *
     * @param env the environment to read {@code MOTO_SERVER} and {@code PATH} from
     * @return the binary, or empty if moto is not installed
     */
    public static Optional<Path> findBinary(Map<String, String> env) {
        String configured = env.get("MOTO_SERVER");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "moto_server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return pyenvWhich();
    }

    /**
     * Starts moto_server on a free loopback port and waits until it answers.
     *
     * @param binary the moto_server binary
     * @return the running server; the caller stops it
     * @throws IllegalStateException if it does not start within 30 seconds
     */
    public static Running start(Path binary) {
        int port = freePort();
        try {
            Process process = new ProcessBuilder(binary.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Running running = new Running(URI.create("http://127.0.0.1:" + port), process);
            awaitReady(running);
            return running;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + binary, e);
        }
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

    private static void awaitReady(Running running) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!running.process().isAlive()) {
                throw new IllegalStateException(
                        "moto_server exited with code " + running.process().exitValue());
            }
            if (answers(running.endpoint())) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.close();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
        }
        running.close();
        throw new IllegalStateException("moto_server did not answer within " + START_TIMEOUT);
    }

    private static boolean answers(URI endpoint) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
