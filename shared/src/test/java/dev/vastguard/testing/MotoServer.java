package dev.vastguard.testing;

import dev.vastguard.emulator.MotoLauncher;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Points the AWS SDK at a real AWS API emulator for integration tests.
 *
 * <p>Which emulator, first match wins:
 *
 * <ol>
 *   <li>{@code AWS_ENDPOINT_URL}, if set (CI starts moto_server; a developer may run LocalStack);
 *   <li>LocalStack through Testcontainers when {@code VASTGUARD_TEST_EMULATOR=localstack} (needs Docker);
 *   <li>one {@code moto_server} started on a free loopback port for the whole test JVM;
 *   <li>LocalStack through Testcontainers when moto is not installed but Docker runs.
 * </ol>
 *
 * <p>The SDK finds the endpoint through the standard {@code aws.endpointUrl} system property, exactly as production
 * code finds {@code AWS_ENDPOINT_URL}; no client is built differently for tests. Use it with
 * {@code @ExtendWith(MotoServer.class)}, and give each test class its own table names so classes never see each
 * other's data.
 */
public final class MotoServer implements BeforeAllCallback {

    /** A LocalStack community image from before its March 2026 change (`latest` now needs an auth token). */
    public static final DockerImageName LOCALSTACK_IMAGE = DockerImageName.parse("localstack/localstack:4.2.0");

    private static URI endpoint;

    @Override
    public void beforeAll(ExtensionContext context) {
        endpoint();
    }

    /**
     * The emulator's endpoint, starting one on first use if no endpoint was given.
     *
     * @return the endpoint, for example {@code http://127.0.0.1:41234}
     */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = given().orElseGet(MotoServer::start);
            System.setProperty("aws.endpointUrl", endpoint.toString());
            setIfAbsent("aws.region", "us-east-1");
            setIfAbsent("aws.accessKeyId", "test");
            setIfAbsent("aws.secretAccessKey", "test");
        }
        return endpoint;
    }

    private static Optional<URI> given() {
        return Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL"))
                .filter(value -> !value.isBlank())
                .map(URI::create);
    }

    private static URI start() {
        String wanted = Optional.ofNullable(System.getenv("VASTGUARD_TEST_EMULATOR"))
                .orElse("")
                .toLowerCase(Locale.ROOT);
        if (wanted.equals("localstack")) {
            return startLocalStack();
        }
        Optional<java.nio.file.Path> moto = MotoLauncher.findBinary(System.getenv());
        if (moto.isPresent()) {
            MotoLauncher.Running running = MotoLauncher.start(moto.get());
            Runtime.getRuntime().addShutdownHook(new Thread(running::close));
            return running.endpoint();
        }
        if (dockerRuns()) {
            return startLocalStack();
        }
        throw new IllegalStateException("no AWS emulator for the integration tests: install moto with its server extras"
                + " (pip install 'moto[server]') so moto_server is on PATH or in MOTO_SERVER, run Docker for"
                + " LocalStack, or set AWS_ENDPOINT_URL to a running moto or LocalStack");
    }

    private static URI startLocalStack() {
        LocalStackContainer localStack = new LocalStackContainer(LOCALSTACK_IMAGE)
                .withServices(
                        LocalStackContainer.Service.DYNAMODB,
                        LocalStackContainer.Service.S3,
                        LocalStackContainer.Service.SECRETSMANAGER,
                        LocalStackContainer.Service.SNS);
        localStack.start();
        Runtime.getRuntime().addShutdownHook(new Thread(localStack::stop));
        return localStack.getEndpoint();
    }

    private static boolean dockerRuns() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
