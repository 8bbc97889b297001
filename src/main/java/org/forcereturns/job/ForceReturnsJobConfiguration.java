package org.forcereturns.job;

import org.forcereturns.metrics.RunMetrics;
import org.forcereturns.warehouse.Ledgers;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The force returns job: prepare (rebuild only) -> ingest (one partition per delivery, in parallel) -> publish.
 * Each step is configured beside its code ({@code intake}, {@code ingest}, {@code publish}); this only chains them,
 * by bean name, so that no step package is needed here.
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
}
