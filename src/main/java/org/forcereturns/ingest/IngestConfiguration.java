package org.forcereturns.ingest;

import org.forcereturns.config.ForceReturnsSettings;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.intake.DeliveryContext;
import org.forcereturns.job.Pipeline;
import org.forcereturns.job.PipelineFactory;
import org.forcereturns.metrics.Progress;
import org.forcereturns.metrics.RunMetrics;
import org.forcereturns.partitioning.RemotePartitioning;
import org.forcereturns.warehouse.Ledgers;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Ingest: the partitioned {@code ingest} step, whose partitions (planned by intake's partitioner, one per delivery)
 * each run the chunk-oriented worker step {@code ingestDelivery}.
 */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

    @Bean
    public Step ingest(JobRepository jobRepository, Step ingestDelivery, Partitioner deliveryPartitioner,
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

    /**
     * The worker step, run once per delivery (partition): chunk-oriented, reading the delivery's rows, applying the
     * contract's rules, writing accepted rows to Parquet and tallies. Rejected rows are skipped by Spring Batch and
     * sent to the quarantine by the outcome listener, which also sums the file up when its last row is read. It is
     * given no observation registry: timing each row would cost more than the rules themselves.
     */
    @Bean
    public Step ingestDelivery(JobRepository jobRepository, PlatformTransactionManager tx, DeliveryReader reader,
                               RowProcessor processor, CleanOffenceWriter writer, DeliveryOutcome outcome,
                               ForceReturnsSettings settings, RemotePartitioning remote) {
        return remote.workerStepBuilder("ingestDelivery", jobRepository)
                .<DeliveryRow, CleanOffence>chunk(settings.getCommitInterval())
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

    /**
     * The partition's reader, which opens its delivery: the delivery in progress (where its rows, tallies and rejects
     * go) is made here, once per partition, and the writer and the outcome listener take it from the reader.
     */
    @Bean
    @StepScope
    DeliveryReader deliveryReader(@Value("#{stepExecution}") StepExecution stepExecution, PipelineFactory pipelines,
                                  ReferenceData reference, Ledgers ledgers) {
        Pipeline pipeline = pipelines.forRun(stepExecution.getJobExecution().getJobParameters());
        return new DeliveryReader(new DeliveryInProgress(DeliveryContext.read(stepExecution.getExecutionContext()),
                pipeline, reference, ledgers.of(pipeline.storage(), pipeline.warehouse()),
                pipelines.fence(pipeline.warehouse())));
    }

    /** Shared by every partition: each row carries its delivery. */
    @Bean
    RowProcessor rowProcessor() {
        return new RowProcessor();
    }

    /** @param reader the partition's reader (through its step-scoped proxy), for the delivery it opened */
    @Bean
    @StepScope
    CleanOffenceWriter cleanOffenceWriter(DeliveryReader reader) {
        return new CleanOffenceWriter(reader.delivery());
    }

    @Bean
    @StepScope
    DeliveryOutcome deliveryOutcome(DeliveryReader reader, RunMetrics metrics, Progress progress) {
        return new DeliveryOutcome(reader.delivery(), metrics, progress);
    }
}
