package dev.vastguard.platform;

import dev.vastguard.audit.dynamo.DynamoDbAuditLog;
import dev.vastguard.config.Config;
import dev.vastguard.idempotency.dynamo.DynamoDbIdempotencyStore;
import dev.vastguard.instance.dynamo.DynamoDbInstanceRepository;
import dev.vastguard.ledger.dynamo.DynamoDbLedger;
import dev.vastguard.notify.LoggingNotifier;
import dev.vastguard.notify.Notifier;
import dev.vastguard.notify.SnsNotifier;
import dev.vastguard.principal.dynamo.DynamoDbPrincipalRepository;
import dev.vastguard.report.ReportStore;
import dev.vastguard.report.S3ReportStore;
import dev.vastguard.secrets.SecretsManagerKeyProvider;
import dev.vastguard.team.dynamo.DynamoDbTeamRepository;
import dev.vastguard.vast.HttpVastClientFactory;
import dev.vastguard.vast.VastClientFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Builds the {@link Platform} on AWS: DynamoDB repositories, Secrets Manager keys, SNS alerts and the S3 bucket. */
public final class PlatformFactory {

    private PlatformFactory() {}

    /**
     * Builds the platform of a Lambda container from its environment, with the system clock.
     *
     * @return the platform
     * @throws IllegalStateException if the environment is incomplete (see {@link Config#fromEnvironment()})
     */
    public static Platform fromEnvironment() {
        Config config = Config.fromEnvironment();
        AwsClients clients = AwsClients.create();
        return create(config, Clock.systemUTC(), notifier(config, clients), vastClients(config), clients);
    }

    /**
     * Builds the platform with a given clock and notifier (the local runner and tests).
     *
     * @param config the configuration
     * @param clock the clock every decision reads
     * @param notifier where notifications go
     * @return the platform
     */
    public static Platform create(Config config, Clock clock, Notifier notifier) {
        return create(config, clock, notifier, vastClients(config));
    }

    /**
     * Builds the platform with a given clock, notifier and Vast.ai client factory.
     *
     * @param config the configuration
     * @param clock the clock every decision reads
     * @param notifier where notifications go
     * @param vast the Vast.ai client factory (a stub in tests)
     * @return the platform
     */
    public static Platform create(Config config, Clock clock, Notifier notifier, VastClientFactory vast) {
        return create(config, clock, notifier, vast, AwsClients.create());
    }

    /**
     * The notifier a configuration asks for: the SNS alert topic if one is set, otherwise the log.
     *
     * @param config the configuration
     * @param clients the AWS clients
     * @return the notifier
     */
    public static Notifier notifier(Config config, AwsClients clients) {
        return config.alertTopicArn()
                .<Notifier>map(arn -> new LazySns(clients, arn))
                .orElseGet(LoggingNotifier::new);
    }

    /**
     * Builds the platform on clients the caller already made (the local runner also uses them to create its
     * resources).
     *
     * @param config the configuration
     * @param clock the clock every decision reads
     * @param notifier where notifications go
     * @param vast the Vast.ai client factory
     * @param clients the AWS clients
     * @return the platform
     */
    public static Platform create(
            Config config, Clock clock, Notifier notifier, VastClientFactory vast, AwsClients clients) {
        Config.Tables tables = config.tables();
        return new Platform(
                config,
                clock,
                new DynamoDbTeamRepository(clients.enhanced(), clients.dynamoDb(), tables.teams()),
                new DynamoDbPrincipalRepository(clients.enhanced(), tables.principals()),
                new DynamoDbInstanceRepository(clients.enhanced(), clients.dynamoDb(), tables),
                new DynamoDbLedger(clients.enhanced(), clients.dynamoDb(), tables.ledger()),
                new DynamoDbAuditLog(clients.enhanced(), tables.audit()),
                new DynamoDbIdempotencyStore(clients.dynamoDb(), tables.idempotency()),
                new SecretsManagerKeyProvider(clients.secretsManager(), config.secretCacheTtl(), clock),
                vast,
                notifier,
                new LazyReports(clients, config.reportsBucket()));
    }

    private static VastClientFactory vastClients(Config config) {
        return HttpVastClientFactory.create(config);
    }

    /** Publishes to SNS through a client built on first use: most invocations never publish. */
    private static final class LazySns implements Notifier {
        private final AwsClients clients;
        private final String topicArn;

        LazySns(AwsClients clients, String topicArn) {
            this.clients = clients;
            this.topicArn = topicArn;
        }

        @Override
        public void publish(String subject, String message) {
            new SnsNotifier(clients.sns(), topicArn).publish(subject, message);
        }
    }

    /** Writes reports to S3 through a client built on first use: only the report writers ever write. */
    private static final class LazyReports implements ReportStore {
        private final AwsClients clients;
        private final String bucket;

        LazyReports(AwsClients clients, String bucket) {
            this.clients = clients;
            this.bucket = bucket;
        }

        private ReportStore store() {
            return new S3ReportStore(clients.s3(), clients.s3Presigner(), bucket);
        }

        @Override
        public String bucket() {
            return bucket;
        }

        @Override
        public Optional<String> put(String key, String contentType, byte[] body) {
            return store().put(key, contentType, body);
        }

        @Override
        public Upload upload(String key, String contentType) {
            return store().upload(key, contentType);
        }

        @Override
        public Optional<byte[]> get(String key) {
            return store().get(key);
        }

        @Override
        public Optional<String> currentVersion(String key) {
            return store().currentVersion(key);
        }

        @Override
        public SignedUrl downloadUrl(String key, Duration validity) {
            return store().downloadUrl(key, validity);
        }
    }
}
