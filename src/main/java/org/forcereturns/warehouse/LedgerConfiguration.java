package org.forcereturns.warehouse;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger lives in the JobRepository's database, beside Spring Batch's tables. */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    @Bean
    Ledgers ledgers(DataSource dataSource, @Value("${spring.batch.jdbc.table-prefix:BATCH_}") String prefix) {
        return new Ledgers(dataSource, prefix);
    }

    /** Creates the ledger's tables when they are missing, as Spring Boot does Spring Batch's (schema-*.sql). */
    @Bean
    DataSourceScriptDatabaseInitializer ledgerSchemaInitializer(DataSource dataSource) {
        DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
        settings.setSchemaLocations(new PlatformPlaceholderDatabaseDriverResolver()
                .resolveAll(dataSource, "classpath:org/forcereturns/warehouse/schema-@@platform@@.sql"));
        settings.setMode(DatabaseInitializationMode.ALWAYS);
        // As for Spring Batch's own tables: two processes starting at once on a new database both create them, and
        // PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against that race ("relation already exists").
        settings.setContinueOnError(true);
        return new DataSourceScriptDatabaseInitializer(dataSource, settings);
    }
}
