package org.forcereturns.publish;

import org.forcereturns.ingest.ReferenceData;
import org.forcereturns.job.PipelineFactory;
import org.forcereturns.metrics.Progress;
import org.forcereturns.metrics.RunMetrics;
import org.forcereturns.warehouse.Ledgers;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Publish: the {@code publish} step, which derives every table, the manifest and the report from the ledger. */
@Configuration(proxyBeanMethods = false)
public class PublishConfiguration {

    @Bean
    public Step publish(JobRepository jobRepository, PlatformTransactionManager tx, PipelineFactory pipelines,
                        Ledgers ledgers, ReferenceData reference, @Value("${force-returns.version:dev}") String version, RunMetrics metrics,
                        Progress progress) {
        return new StepBuilder("publish", jobRepository).observationRegistry(metrics.observations())
                .tasklet(new PublishTasklet(pipelines, ledgers, reference, version, progress), tx).build();
    }
}
