package dev.vastguard.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vastguard.config.Config;
import dev.vastguard.emulator.MotoLauncher;
import dev.vastguard.emulator.SerializedWritesDynamoDbClient;
import dev.vastguard.function.admin.AdminApiHandler;
import dev.vastguard.function.api.TeamApiHandler;
import dev.vastguard.function.reporter.ReporterHandler;
import dev.vastguard.function.sweeper.ReconcilerHandler;
import dev.vastguard.function.sweeper.SweeperHandler;
import dev.vastguard.local.sandbox.VastSandbox;
import dev.vastguard.notify.SnsNotifier;
import dev.vastguard.platform.AwsClients;
import dev.vastguard.platform.AwsResources;
import dev.vastguard.platform.Platform;
import dev.vastguard.platform.PlatformFactory;
import dev.vastguard.vast.HttpVastClientFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * The vastguard local runner: the real handlers on a laptop, against an AWS emulator and a Vast.ai API, with a
 * movable clock and the sweeper and report writer on their schedules. See {@code README.md} for its settings and
 * endpoints.
 */
public final class LocalRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRunner.class);
    private static final String TABLE_PREFIX = "vastguard-local-";
    private static final String BUCKET = "vastguard-local-reports";
    private static final String TOPIC = "vastguard-local-alerts";
    private static final String SEED_ADMIN = "arn:aws:iam::000000000000:role/vastguard-local-seed";

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final LocalClock clock = new LocalClock(Clock.systemUTC());
    private LocalApiServer server;
    private LocalJobs jobs;
    private VastSandbox sandbox;

    LocalRunner() {}

    /**
     * Starts the runner and blocks until the process is stopped (Ctrl-C or SIGTERM).
     *
     * @param args none
     */
    public static void main(String[] args) {
        LocalRunner runner = new LocalRunner();
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "vastguard-local-shutdown"));
        try {
            int port = runner.start(LocalSettings.fromEnvironment());
            ready().println("vastguard local: ready on http://127.0.0.1:" + port);
            ready().flush();
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            LOG.error("vastguard local could not start: {}", e.getMessage());
            runner.close();
            System.exit(1);
        }
    }

    /** Starts everything and returns the HTTP port. */
    int start(LocalSettings settings) throws IOException {
        URI awsEndpoint = settings.awsEndpoint().orElseGet(() -> startAwsEmulator(settings));
        System.setProperty("aws.endpointUrl", awsEndpoint.toString());
        defaultProperty(settings, "aws.region", "AWS_REGION", "us-east-1");
        defaultProperty(settings, "aws.accessKeyId", "AWS_ACCESS_KEY_ID", "test");
        defaultProperty(settings, "aws.secretAccessKey", "AWS_SECRET_ACCESS_KEY", "test");

        Seed seed = Seed.load(json, settings.seed());
        URI vastUrl = settings.vastApiUrl().orElseGet(() -> startSandbox(seed));
        AwsClients clients = emulatorSafe(AwsClients.create());
        Config config = config(vastUrl, settings.sweepInterval());
        AwsResources.ensureTables(clients.dynamoDb(), config.tables());
        AwsResources.ensureBucket(clients.s3(), BUCKET);
        String topicArn = AwsResources.ensureTopic(clients.sns(), TOPIC);
        RecordingNotifier notifier = new RecordingNotifier(clock, topicArn);
        notifier.forwardTo(new SnsNotifier(clients.sns(), topicArn));
        Platform platform =
                PlatformFactory.create(config, clock, notifier, HttpVastClientFactory.create(config), clients);

        Invokers invokers = new Invokers(
                new TeamApiHandler(platform),
                new AdminApiHandler(platform),
                new SweeperHandler(platform),
                new ReporterHandler(platform),
                new ReconcilerHandler(platform));
        loadSeed(seed, clients, platform, invokers);

        jobs = new LocalJobs(clock, settings.sweepInterval(), invokers);
        resources.add(jobs);
        LocalEndpoints endpoints = new LocalEndpoints(
                json, clock, jobs, notifier, new LocalEndpoints.Health(awsEndpoint, vastUrl, config));
        server = new LocalApiServer(settings.port(), json, new ApiRoutes(), invokers.apiFunctions(), endpoints.all());
        resources.add(server);
        jobs.start();
        return server.port();
    }

    /** The embedded sandbox, when the runner started one (for tests). */
    Optional<VastSandbox> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    /** The local clock (for tests). */
    LocalClock clock() {
        return clock;
    }

    @Override
    public synchronized void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", resources.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
        resources.clear();
    }

    private URI startAwsEmulator(LocalSettings settings) {
        Optional<java.nio.file.Path> moto = MotoLauncher.findBinary(settings.environment());
        if (moto.isPresent()) {
            MotoLauncher.Running running = MotoLauncher.start(moto.get());
            resources.add(running);
            LOG.info("started moto_server at {}", running.endpoint());
            return running.endpoint();
        }
        return LocalStack.startIfDockerRuns(resources)
                .orElseThrow(() -> new IllegalStateException("no AWS emulator: install moto with its server extras"
                        + " (python3 -m pip install 'moto[server]') so moto_server is on PATH, or run Docker for"
                        + " LocalStack, or set AWS_ENDPOINT_URL to a running moto or LocalStack"));
    }

    /** The same clients, with DynamoDB writes serialised (emulators do not isolate concurrent transactions). */
    private static AwsClients emulatorSafe(AwsClients clients) {
        return clients.withDynamoDb(new SerializedWritesDynamoDbClient(clients.dynamoDb()));
    }

    private URI startSandbox(Seed seed) {
        sandbox = VastSandbox.start(new InetSocketAddress("127.0.0.1", 0), clock);
        sandbox.seedDefaultOffers();
        seed.teams().forEach(team -> sandbox.addAccount(team.vastApiKey()));
        resources.add(sandbox);
        LOG.info("started the Vast.ai sandbox at {}", sandbox.baseUrl());
        return sandbox.baseUrl();
    }

    private static Config config(URI vastUrl, Duration sweepInterval) {
        Config.Tables tables = Config.Tables.withPrefix(TABLE_PREFIX);
        return Config.fromEnvironment(Map.ofEntries(
                Map.entry("TEAMS_TABLE", tables.teams()),
                Map.entry("PRINCIPALS_TABLE", tables.principals()),
                Map.entry("INSTANCES_TABLE", tables.instances()),
                Map.entry("LEDGER_TABLE", tables.ledger()),
                Map.entry("AUDIT_TABLE", tables.audit()),
                Map.entry("IDEMPOTENCY_TABLE", tables.idempotency()),
                Map.entry("REPORTS_BUCKET", BUCKET),
                Map.entry("VAST_API_URL", vastUrl.toString()),
                Map.entry("SWEEP_INTERVAL", sweepInterval.toString()),
                Map.entry("SECRET_CACHE_TTL", "PT1M"),
                Map.entry("VAST_TIMEOUT", "PT10S"),
                Map.entry("VAST_MAX_ATTEMPTS", "3"),
                Map.entry("VAST_BACKOFF", "PT0.5S")));
    }

    /** Loads the seed the way an operator would: keys into Secrets Manager, teams and principals via the API. */
    private void loadSeed(Seed seed, AwsClients clients, Platform platform, Invokers invokers) {
        for (Seed.SeedTeam team : seed.teams()) {
            storeSecret(clients, team.secretId(), team.vastApiKey());
        }
        platform.principals()
                .put(new dev.vastguard.principal.Principal(
                        SEED_ADMIN, dev.vastguard.principal.Role.ADMIN, Optional.empty()));
        try {
            for (Seed.SeedTeam team : seed.teams()) {
                ObjectNode policy = team.policy().deepCopy();
                policy.put("vast_secret_id", team.secretId());
                seedCall(
                        invokers, "PUT", "/teams/" + team.team(), "/teams/{team}", Map.of("team", team.team()), policy);
            }
            for (ObjectNode principal : seed.principals()) {
                seedCall(invokers, "PUT", "/principals", "/principals", Map.of(), principal);
            }
        } finally {
            platform.principals().delete(SEED_ADMIN);
        }
        LOG.info(
                "loaded {} teams and {} principals",
                seed.teams().size(),
                seed.principals().size());
    }

    private void seedCall(
            Invokers invokers,
            String method,
            String path,
            String resource,
            Map<String, String> pathParameters,
            JsonNode body) {
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        identity.setUserArn(SEED_ADMIN);
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setIdentity(identity);
        context.setRequestId("seed");
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withPath(path)
                .withResource(resource)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withRequestContext(context)
                .withBody(body.toString());
        APIGatewayProxyResponseEvent response = invokers.admin(event);
        if (response.getStatusCode() >= 300) {
            throw new IllegalArgumentException(
                    "the seed was refused at " + method + " " + path + ": " + response.getBody());
        }
    }

    private static void storeSecret(AwsClients clients, String secretId, String key) {
        try {
            clients.secretsManager().createSecret(b -> b.name(secretId).secretString(key));
        } catch (ResourceExistsException e) {
            clients.secretsManager().putSecretValue(b -> b.secretId(secretId).secretString(key));
        }
    }

    private static void defaultProperty(LocalSettings settings, String property, String variable, String fallback) {
        if (System.getProperty(property) == null && !settings.has(variable)) {
            System.setProperty(property, fallback);
        }
    }

    // CHECKSTYLE.OFF: RegexpSingleline
    private static PrintStream ready() {
        // The contract's ready line goes to standard output, apart from the log.
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }
    // CHECKSTYLE.ON: RegexpSingleline
}
