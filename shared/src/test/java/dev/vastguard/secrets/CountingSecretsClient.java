package dev.vastguard.secrets;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/** Reads secrets through a real client and counts the reads. */
final class CountingSecretsClient implements SecretsManagerClient {

    private final SecretsManagerClient delegate;
    private final AtomicInteger reads = new AtomicInteger();

    CountingSecretsClient(SecretsManagerClient delegate) {
        this.delegate = delegate;
    }

    int reads() {
        return reads.get();
    }

    @Override
    public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
        reads.incrementAndGet();
        return delegate.getSecretValue(request);
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        // The delegate is shared by other tests.
    }
}
