package org.forcereturns.job;

import javax.sql.DataSource;
import org.forcereturns.config.ForceReturnsSettings;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.ingest.CsvRecord;
import org.forcereturns.ledger.Ledgers;
import org.forcereturns.metrics.Progress;
import org.forcereturns.metrics.RunMetrics;
import org.forcereturns.partitioning.RemotePartitioning;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The force returns job: prepare (rebuild only) -> ingest (one partition per delivery, in parallel) -> publish.
 */
@Configuration(proxyBeanMethods = false)
public class ForceReturnsJobConfiguration {

    public static final String JOB_NAME = "forceReturnsJob";

    @Bean
    public Job forceReturnsJob(JobRepository jobRepository, Step prepare, Step ingest, Step publish,
                               RunMetrics metrics, PipelineFactory pipelines, Ledgers ledgers) {
        return new JobBuilder(JOB_NAME, jobRepository).observationRegistry(metrics.observations())
                .validator(new WarehouseBindingValidator(pipelines, ledgers))
                .start(prepare).next(ingest).next(publish).build();
    }

    @Bean
    public Step prepare(JobRepository jobRepository, PlatformTransactionManager tx, PipelineFactory pipelines,
                        Ledgers ledgers) {
        return new StepBuilder("prepare", jobRepository).tasklet(new PrepareRebuildTasklet(pipelines, ledgers), tx)
                .build();
    }

    @Bean
    public Step ingest(JobRepository jobRepository, Step ingestDelivery, DeliveryPartitioner deliveryPartitioner,
                       ForceReturnsSettings settings, RunMetrics metrics, RemotePartitioning remote) {
        if (settings.getPartitioning() == ForceReturnsSettings.Partitioning.REMOTE) {
            return remote.managerStep("ingest", jobRepository, "ingestDelivery", deliveryPartitioner, settings,
                    metrics.observations());
        }
        int threads = settings.getThreads();
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("ingest-");
        executor.setConcurrencyLimit(threads);
        return new StepBuilder("ingest", jobRepository)
                .observationRegistry(metrics.observations())
                .partitioner("ingestDelivery", deliveryPartitioner)
                .step(ingestDelivery)
                .gridSize(threads)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    @StepScope
    DeliveryPartitioner deliveryPartitioner(PipelineFactory pipelines, Ledgers ledgers, Progress progress,
                                            @Value("#{stepExecution}") StepExecution stepExecution) {
        return new DeliveryPartitioner(pipelines.forRun(stepExecution.getJobExecution().getJobParameters()), ledgers,
                progress);
    }

    /**
     * The worker step, run once per delivery (partition): chunk-oriented, reading the delivery's rows, applying the
     * contract's rules, writing accepted rows to Parquet and tallies. Rejected rows are skipped by Spring Batch and
     * sent to the quarantine by the outcome listener, which also sums the file up when its last row is read. It
     * records no per-item observations: those would cost more than the rules themselves on a return's rows.
     */
    @Bean
    public Step ingestDelivery(JobRepository jobRepository, PlatformTransactionManager tx, DeliveryReader reader,
                               RowProcessor processor, CleanOffenceWriter writer, DeliveryOutcome outcome,
                               ForceReturnsSettings settings, RemotePartitioning remote) {
        return remote.workerStepBuilder("ingestDelivery", jobRepository)
                .<CsvRecord, CleanOffence>chunk(settings.getCommitInterval())
                .transactionManager(tx)
                .reader(reader)
                .processor(processor)
                .writer(writer)
                .faultTolerant()
                .skipPolicy((failure, skipped) -> failure instanceof RejectedRow)
                .listener((StepListener) outcome)
                .stream(outcome)
                .build();
    }

    /** The delivery a partition is ingesting: one instance per partition, shared by its reader, writer, listener. */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    DeliveryInProgress deliveryInProgress(@Value("#{stepExecution}") StepExecution stepExecution,
                                          PipelineFactory pipelines, Ledgers ledgers) {
        Pipeline pipeline = pipelines.forRun(stepExecution.getJobExecution().getJobParameters());
        return new DeliveryInProgress(DeliveryContext.read(stepExecution.getExecutionContext()), pipeline,
                ledgers.of(pipeline.storage(), pipeline.warehouse()), pipelines.fence(pipeline.warehouse()));
    }

    @Bean
    @StepScope
    DeliveryReader deliveryReader(DeliveryInProgress delivery) {
        return new DeliveryReader(delivery);
    }

    @Bean
    @StepScope
    RowProcessor rowProcessor(DeliveryInProgress delivery) {
        return new RowProcessor(delivery);
    }

    @Bean
    @StepScope
    CleanOffenceWriter cleanOffenceWriter(DeliveryInProgress delivery) {
        return new CleanOffenceWriter(delivery);
    }

    @Bean
    @StepScope
    DeliveryOutcome deliveryOutcome(DeliveryInProgress delivery, RunMetrics metrics, Progress progress) {
        return new DeliveryOutcome(delivery, metrics, progress);
    }

    /** The ledger lives in the JobRepository's database, beside Spring Batch's tables. */
    @Bean
    Ledgers ledgers(DataSource dataSource, @Value("${spring.batch.jdbc.table-prefix:BATCH_}") String prefix) {
        return new Ledgers(dataSource, prefix);
    }

    /** Creates the ledger's tables when they are missing, as Spring Boot does Spring Batch's (schema-*.sql). */
    @Bean
    DataSourceScriptDatabaseInitializer ledgerSchemaInitializer(DataSource dataSource) {
        DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
        settings.setSchemaLocations(new PlatformPlaceholderDatabaseDriverResolver()
                .resolveAll(dataSource, "classpath:org/forcereturns/ledger/schema-@@platform@@.sql"));
        settings.setMode(DatabaseInitializationMode.ALWAYS);
        // As for Spring Batch's own tables: two processes starting at once on a new database both create them, and
        // PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against that race ("relation already exists").
        settings.setContinueOnError(true);
        return new DataSourceScriptDatabaseInitializer(dataSource, settings);
    }

    @Bean
    public Step publish(JobRepository jobRepository, PlatformTransactionManager tx, PipelineFactory pipelines,
                        Ledgers ledgers, @Value("${force-returns.version:dev}") String version, RunMetrics metrics,
                        Progress progress) {
        return new StepBuilder("publish", jobRepository).observationRegistry(metrics.observations())
                .tasklet(new PublishTasklet(pipelines, ledgers, version, progress), tx).build();
    }
}
