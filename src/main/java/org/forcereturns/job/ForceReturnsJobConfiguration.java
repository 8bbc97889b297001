package org.forcereturns.job;

import org.forcereturns.config.ForceReturnsSettings;
import org.forcereturns.metrics.Progress;
import org.forcereturns.metrics.RunMetrics;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
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
 * The force returns job: prepare (rebuild only) -> ingest (one partition per delivery, in parallel) -> publish.
 */
@Configuration(proxyBeanMethods = false)
public class ForceReturnsJobConfiguration {

    public static final String JOB_NAME = "forceReturnsJob";

    @Bean
    public Job forceReturnsJob(JobRepository jobRepository, Step prepare, Step ingest, Step publish,
                               RunMetrics metrics) {
        return new JobBuilder(JOB_NAME, jobRepository).observationRegistry(metrics.observations())
                .start(prepare).next(ingest).next(publish).build();
    }

    @Bean
    public Step prepare(JobRepository jobRepository, PlatformTransactionManager tx, PipelineFactory pipelines) {
        return new StepBuilder("prepare", jobRepository).tasklet(new PrepareRebuildTasklet(pipelines), tx).build();
    }

    @Bean
    public Step ingest(JobRepository jobRepository, Step ingestDelivery, DeliveryPartitioner deliveryPartitioner,
                       ForceReturnsSettings settings, RunMetrics metrics) {
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
    DeliveryPartitioner deliveryPartitioner(PipelineFactory pipelines, Progress progress,
                                            @Value("#{stepExecution}") StepExecution stepExecution) {
        return new DeliveryPartitioner(pipelines.forRun(stepExecution.getJobExecution().getJobParameters()), progress);
    }

    @Bean
    public Step ingestDelivery(JobRepository jobRepository, PlatformTransactionManager tx, PipelineFactory pipelines,
                               RunMetrics metrics, Progress progress) {
        return new StepBuilder("ingestDelivery", jobRepository).observationRegistry(metrics.observations())
                .tasklet(new IngestDeliveryTasklet(pipelines, metrics, progress), tx).build();
    }

    @Bean
    public Step publish(JobRepository jobRepository, PlatformTransactionManager tx, PipelineFactory pipelines,
                        @Value("${force-returns.version:dev}") String version, RunMetrics metrics,
                        Progress progress) {
        return new StepBuilder("publish", jobRepository).observationRegistry(metrics.observations())
                .tasklet(new PublishTasklet(pipelines, version, progress), tx).build();
    }
}
