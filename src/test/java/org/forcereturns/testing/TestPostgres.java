package org.forcereturns.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for JobRepository tests: a Testcontainers container where a Docker engine runs, otherwise
 * the server named by FORCE_RETURNS_TEST_PG_URL (default: the local service on 127.0.0.1:5432, database test,
 * user postgres). There is no skip: when neither is reachable, the tests fail and say why.
 */
public final class TestPostgres {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static PostgreSQLContainer container;

    private TestPostgres() {
    }

    public record Database(String url, String user, String password, String schema) {
        /** Spring Boot options pointing the job at this database. */
        public String[] springArgs() {
            return new String[] {"--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password};
        }
    }

    /** A fresh, empty schema, so tests never see each other's job executions. */
    public static synchronized Database freshSchema() throws SQLException {
        String base;
        String user;
        String password;
        if (System.getenv("FORCE_RETURNS_TEST_PG_URL") == null && dockerAvailable()) {
            if (container == null) {
                container = new PostgreSQLContainer("postgres:16-alpine");
                container.start();
            }
            base = container.getJdbcUrl();
            user = container.getUsername();
            password = container.getPassword();
        } else {
            base = System.getenv().getOrDefault("FORCE_RETURNS_TEST_PG_URL", DEFAULT_URL);
            user = System.getenv().getOrDefault("FORCE_RETURNS_TEST_PG_USER", "postgres");
            password = System.getenv().getOrDefault("FORCE_RETURNS_TEST_PG_PASSWORD", "");
        }
        String schema = "fr_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new SQLException("PostgreSQL is required for this test and is not reachable at " + base
                    + " (start it, or set FORCE_RETURNS_TEST_PG_URL): " + e.getMessage(), e);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Database(url, user, password, schema);
    }

    /** Counts rows of a JobRepository table in the given schema, to prove the metadata really went there. */
    public static long count(Database db, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM " + db.schema() + "." + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
