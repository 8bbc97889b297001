package org.forcereturns.intake;

import org.forcereturns.job.PipelineFactory;
import org.forcereturns.metrics.Progress;
import org.forcereturns.warehouse.Ledgers;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Intake: the {@code prepare} step (a rebuild forgets what was ingested) and the partitioner of the ingest step,
 * which plans the run's deliveries, one partition each.
 */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

    @Bean
    public Step prepare(JobRepository jobRepository, PlatformTransactionManager tx, PipelineFactory pipelines,
                        Ledgers ledgers) {
        return new StepBuilder("prepare", jobRepository).tasklet(new PrepareRebuildTasklet(pipelines, ledgers), tx)
                .build();
    }

    @Bean
    @StepScope
    DeliveryPartitioner deliveryPartitioner(PipelineFactory pipelines, Ledgers ledgers, Progress progress,
                                            @Value("#{stepExecution}") StepExecution stepExecution) {
        return new DeliveryPartitioner(pipelines.forRun(stepExecution.getJobExecution().getJobParameters()), ledgers,
                progress);
    }
}
