package dev.vastguard.platform;

import dev.vastguard.config.Config;
import dev.vastguard.testing.MotoServer;
import java.util.UUID;

/**
 * AWS clients and freshly created, uniquely named tables for integration tests against moto. Call it from
 * {@code @BeforeAll} or later (never from a static initialiser), after {@link MotoServer} has set the endpoint.
 */
public final class AwsFixture {

    private static AwsClients clients;

    private AwsFixture() {}

    /**
     * The clients shared by every test class of the JVM, pointed at moto.
     *
     * @return the clients
     */
    public static synchronized AwsClients clients() {
        if (clients == null) {
            MotoServer.endpoint();
            clients = AwsClients.create();
        }
        return clients;
    }

    /**
     * A random prefix such as {@code it-1a2b3c4d-}, so test classes never share names.
     *
     * @return the prefix
     */
    public static String uniquePrefix() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    /**
     * Creates all six tables under a new unique prefix.
     *
     * @return the table names
     */
    public static Config.Tables freshTables() {
        Config.Tables tables = Config.Tables.withPrefix(uniquePrefix());
        AwsResources.ensureTables(clients().dynamoDb(), tables);
        return tables;
    }
}
