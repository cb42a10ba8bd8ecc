package dev.vastguard.function.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vastguard.config.Config;
import dev.vastguard.platform.AwsFixture;
import dev.vastguard.platform.InvokeOnce;
import dev.vastguard.principal.Principal;
import dev.vastguard.principal.PrincipalRepository;
import dev.vastguard.principal.Role;
import dev.vastguard.principal.dynamo.DynamoDbPrincipalRepository;
import dev.vastguard.team.TeamId;
import dev.vastguard.team.dynamo.DynamoDbTeamRepository;
import dev.vastguard.testing.Fixtures;
import dev.vastguard.testing.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deployment jar runs on its own: a separate JVM with only the shaded jar on its class path invokes the handler
 * with a sample event from {@code events/}, configured by environment variables as Lambda configures it, against
 * DynamoDB in moto. Catches what unit tests cannot: classes or service files lost in shading.
 */
@ExtendWith(MotoServer.class)
class ShadedJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TeamId TEAM = TeamId.of("ml-research");
    private static final String MEMBER = "arn:aws:iam::123456789012:role/ml-research";

    @Test
    void budgetRequest_handledByTheShadedJarAlone_answers200WithTheTeamsBudget() throws Exception {
        Config.Tables tables = teamWithMember("200.00");

        JsonNode answer = invoke(tables, Path.of("../../events/api-get-budget-member.json"));

        assertThat(answer.path("statusCode").asInt()).as(answer.toString()).isEqualTo(200);
        JsonNode budget = JSON.readTree(answer.path("body").asText());
        assertThat(budget.path("team").asText()).isEqualTo("ml-research");
        assertThat(budget.path("daily_budget").decimalValue()).isEqualByComparingTo("200");
    }

    @Test
    void instancesRequest_withVastUnreachable_stillAnswersFromTheShadedJarAlone() throws Exception {
        Config.Tables tables = teamWithMember("10.00");

        JsonNode answer = invoke(tables, Path.of("../../events/api-list-instances-member.json"));

        // The secret is missing and Vast.ai unreachable: the team's stored instances (none) are the answer.
        assertThat(answer.path("statusCode").asInt()).as(answer.toString()).isEqualTo(200);
        assertThat(JSON.readTree(answer.path("body").asText()).path("instances").isArray())
                .isTrue();
    }

    /** Fresh tables holding ml-research with a daily budget, and its member. */
    private static Config.Tables teamWithMember(String dailyBudget) {
        Config.Tables tables = AwsFixture.freshTables();
        new DynamoDbTeamRepository(
                        AwsFixture.clients().enhanced(), AwsFixture.clients().dynamoDb(), tables.teams())
                .putPolicy(
                        TEAM,
                        Fixtures.aPolicy()
                                .dailyBudget(dailyBudget)
                                .vastSecretId("vastguard/teams/ml-research/vast-api-key")
                                .build());
        PrincipalRepository principals =
                new DynamoDbPrincipalRepository(AwsFixture.clients().enhanced(), tables.principals());
        principals.put(new Principal(MEMBER, Role.MEMBER, Optional.of(TEAM)));
        return tables;
    }

    private static JsonNode invoke(Config.Tables tables, Path event) throws IOException, InterruptedException {
        Path jar = shadedJar();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder process = new ProcessBuilder(
                java,
                "-cp",
                jar.toString(),
                InvokeOnce.class.getName(),
                TeamApiHandler.class.getName(),
                event.toString());
        Map<String, String> env = process.environment();
        env.clear();
        env.putAll(environment(tables));
        Path stderr = Files.createTempFile("invoke-once", ".log");
        process.redirectError(stderr.toFile());
        Process running = process.start();
        String stdout = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(running.exitValue()).as(Files.readString(stderr)).isZero();
        return JSON.readTree(stdout);
    }

    private static Map<String, String> environment(Config.Tables tables) {
        Map<String, String> env = new HashMap<>();
        env.put("TEAMS_TABLE", tables.teams());
        env.put("PRINCIPALS_TABLE", tables.principals());
        env.put("INSTANCES_TABLE", tables.instances());
        env.put("LEDGER_TABLE", tables.ledger());
        env.put("AUDIT_TABLE", tables.audit());
        env.put("IDEMPOTENCY_TABLE", tables.idempotency());
        env.put("AWS_ENDPOINT_URL", MotoServer.endpoint().toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("VAST_API_URL", "http://127.0.0.1:9");
        // As template.yaml gives every function: the alert topic and the reports bucket, never used here.
        env.put("ALERT_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:vastguard-alerts");
        env.put("REPORTS_BUCKET", "vastguard-reports");
        return env;
    }

    private static Path shadedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().endsWith("-lambda.jar"))
                    .toList();
            assertThat(jars).as("the shaded jar in target/").hasSize(1);
            return jars.getFirst();
        }
    }
}
