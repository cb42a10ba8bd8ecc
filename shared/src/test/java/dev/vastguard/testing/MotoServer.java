package dev.vastguard.testing;

import dev.vastguard.emulator.MotoLauncher;
import java.net.URI;
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
            endpoint = given != null && !given.isBlank() ? URI.create(given) : startMoto();
            System.setProperty("aws.endpointUrl", endpoint.toString());
            setIfAbsent("aws.region", "us-east-1");
            setIfAbsent("aws.accessKeyId", "test");
            setIfAbsent("aws.secretAccessKey", "test");
        }
        return endpoint;
    }

    private static URI startMoto() {
        MotoLauncher.Running moto = MotoLauncher.start(MotoLauncher.findBinary(System.getenv())
                .orElseThrow(() -> new IllegalStateException("moto_server was not found: install moto with its"
                        + " server extras (pip install 'moto[server]'), put moto_server on PATH or in MOTO_SERVER,"
                        + " or set AWS_ENDPOINT_URL to a running moto or LocalStack")));
        Runtime.getRuntime().addShutdownHook(new Thread(moto::close));
        return moto.endpoint();
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
