package graphkit.neo4jtest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A throw-away Neo4j Community server for graphkit's tests: embedded DBMS + Bolt on 127.0.0.1 only,
 * authentication on, and file URLs in LOAD CSV refused (a query cannot read the host's files).
 *
 * <p>Usage: {@code GraphkitNeo4jLauncher HOME_DIR READY_FILE PORT} with the password in the
 * environment variable {@code GRAPHKIT_NEO4J_PASSWORD} (never on the command line, where `ps`
 * shows it). PORT 0 lets the OS choose; the port actually bound is written to READY_FILE (as
 * {@code BOLT_PORT=n}) once the password is set, so Bolt is never reachable with the default one
 * by a client that waits for the file. The JVM stops on SIGTERM, or when its standard input
 * reaches end-of-file (the Python parent exited or died), so it never outlives the tests.
 */
public final class GraphkitNeo4jLauncher {
    private GraphkitNeo4jLauncher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: GraphkitNeo4jLauncher HOME_DIR READY_FILE PORT");
            System.exit(2);
        }
        Path home = Path.of(args[0]);
        Path ready = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        String password = System.getenv("GRAPHKIT_NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("GRAPHKIT_NEO4J_PASSWORD must be set to at least 8 characters");
            System.exit(2);
        }

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(Map.of(
                        BoltConnector.enabled, true,
                        BoltConnector.listen_address, new SocketAddress("127.0.0.1", port),
                        BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED,
                        BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(200),
                        BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(200),
                        GraphDatabaseSettings.auth_enabled, true,
                        GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024,
                        GraphDatabaseSettings.keep_logical_logs, "false",
                        GraphDatabaseSettings.preallocate_logical_logs, false,
                        GraphDatabaseSettings.udc_enabled, false))
                // No LOAD CSV FROM 'file:///...': a query must never read the host's files.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "graphkit-neo4j-shutdown"));

        // The embedded API runs with full rights, so it may set the built-in user's password.
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // Restarted on kept data with the same password: Neo4j refuses "new = old", which is fine.
            if (!String.valueOf(e.getMessage()).contains("same")) {
                dbms.shutdown();
                throw e;
            }
        }

        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        HostnamePort bolt = boundBoltAddress(db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class));
        Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
        Files.writeString(tmp, "BOLT_PORT=" + bolt.getPort() + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("graphkit-neo4j: ready on bolt://127.0.0.1:" + bolt.getPort());
        System.out.flush();

        waitForEndOfInput(System.in);
        System.exit(0);  // runs the shutdown hook
    }

    /** The register is filled once Netty has bound the socket, which may lag behind build(). */
    private static HostnamePort boundBoltAddress(ConnectorPortRegister ports) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HostnamePort bolt = ports.getLocalAddress(ConnectorType.BOLT);
        while (bolt == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
            bolt = ports.getLocalAddress(ConnectorType.BOLT);
        }
        if (bolt == null) {
            throw new IllegalStateException("the Bolt connector did not bind within 60 s");
        }
        return bolt;
    }

    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // ignore anything written; only end-of-file matters
            }
        } catch (IOException ignored) {
            // a broken pipe means the parent is gone, same as end-of-file
        }
    }
}
