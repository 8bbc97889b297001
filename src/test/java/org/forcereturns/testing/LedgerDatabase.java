package org.forcereturns.testing;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * An in-memory H2 JobRepository database with Spring Batch's tables and the ledger's, for tests of code that
 * reads the ledger without running the job; step executions are inserted as Spring Batch would record them.
 */
public final class LedgerDatabase implements AutoCloseable {

    private final EmbeddedDatabase db;
    private final JdbcTemplate jdbc;
    private final long jobExecution;

    private LedgerDatabase(EmbeddedDatabase db) {
        this.db = db;
        this.jdbc = new JdbcTemplate(db);
        jdbc.update("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) "
                + "VALUES (1, 0, 'forceReturnsJob', 'k')");
        jdbc.update("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME) "
                + "VALUES (1, 0, 1, CURRENT_TIMESTAMP)");
        this.jobExecution = 1;
    }

    public static LedgerDatabase h2() {
        return new LedgerDatabase(new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
                .setName("ledger-" + UUID.randomUUID())
                .addScript("org/springframework/batch/core/schema-h2.sql")
                .addScript("org/forcereturns/warehouse/schema-h2.sql")
                .build());
    }

    public DataSource dataSource() {
        return db;
    }

    /** A partition's step execution with the counts Spring Batch keeps; returns its id. */
    public long stepExecution(String status, long read, long written, long processSkips, long filtered) {
        long id = jdbc.queryForObject("SELECT COALESCE(MAX(STEP_EXECUTION_ID), 0) + 1 FROM BATCH_STEP_EXECUTION",
                Long.class);
        jdbc.update("INSERT INTO BATCH_STEP_EXECUTION (STEP_EXECUTION_ID, VERSION, STEP_NAME, JOB_EXECUTION_ID, "
                        + "CREATE_TIME, STATUS, READ_COUNT, WRITE_COUNT, PROCESS_SKIP_COUNT, FILTER_COUNT) "
                        + "VALUES (?, 0, 'ingestDelivery:d-x', ?, CURRENT_TIMESTAMP, ?, ?, ?, ?, ?)",
                id, jobExecution, status, read, written, processSkips, filtered);
        return id;
    }

    public void complete(long stepExecution) {
        jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'COMPLETED' WHERE STEP_EXECUTION_ID = ?", stepExecution);
    }

    @Override
    public void close() {
        db.shutdown();
    }
}
