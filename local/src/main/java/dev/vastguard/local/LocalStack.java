package dev.vastguard.local;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** Starts LocalStack through Testcontainers, for machines that run Docker but have no moto_server. */
final class LocalStack {

    /** A community image from before LocalStack's March 2026 change (`latest` now needs an auth token). */
    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.2.0");

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private LocalStack() {}

    /** Starts LocalStack if Docker answers; the container is added to {@code resources} to be stopped. */
    static Optional<URI> startIfDockerRuns(List<AutoCloseable> resources) {
        if (!dockerRuns()) {
            return Optional.empty();
        }
        LocalStackContainer container = new LocalStackContainer(IMAGE)
                .withServices(
                        LocalStackContainer.Service.DYNAMODB,
                        LocalStackContainer.Service.S3,
                        LocalStackContainer.Service.SECRETSMANAGER,
                        LocalStackContainer.Service.SNS);
        container.start();
        resources.add(container::stop);
        LOG.info("started LocalStack {} at {}", IMAGE, container.getEndpoint());
        return Optional.of(container.getEndpoint());
    }

    private static boolean dockerRuns() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
