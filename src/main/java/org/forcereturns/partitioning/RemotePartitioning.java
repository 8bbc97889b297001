package org.forcereturns.partitioning;

import io.micrometer.observation.ObservationRegistry;
import org.forcereturns.config.ForceReturnsSettings;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilder;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.channel.DirectChannel;

/**
 * Spring Batch remote partitioning over RabbitMQ (spring-batch-integration, Spring Integration AMQP): the manager
 * side of the ingest step, and the builder of the worker step wherever a {@link WorkerIntake} is present (the
 * {@code worker} command). The manager sends one {@code StepExecutionRequest} per delivery to the durable queue
 * {@code partition-queue} and polls the JobRepository until every partition has ended; no replies travel back.
 * The messaging itself ({@link PartitionMessaging}) is only in processes that use the broker.
 */
@Configuration(proxyBeanMethods = false)
public class RemotePartitioning {

    /** How often the manager reads the partitions' status from the JobRepository. */
    static final long POLL_MILLIS = 1000;

    private final BeanFactory beanFactory;
    private final ObjectProvider<WorkerIntake> worker;

    RemotePartitioning(BeanFactory beanFactory, ObjectProvider<WorkerIntake> worker) {
        this.beanFactory = beanFactory;
        this.worker = worker;
    }

    /**
     * The manager step: partitions as a local run plans them, sent to the workers, awaited through the
     * JobRepository for at most {@code worker-timeout}.
     */
    public Step managerStep(String name, JobRepository jobRepository, String workerStep, Partitioner partitioner,
                            ForceReturnsSettings settings, ObservationRegistry observations) {
        SharedJobRepository.require(beanFactory.getBean(Environment.class), "--partitioning remote");
        return new RemotePartitioningManagerStepBuilder(name, jobRepository)
                .partitioner(workerStep, partitioner)
                .outputChannel(beanFactory.getBean("partitionRequests", DirectChannel.class))
                .pollInterval(POLL_MILLIS)
                .timeout(settings.getWorkerTimeout().toMillis())
                .beanFactory(beanFactory)
                .listener(new UnfinishedPartitions(jobRepository, workerStep, settings.getWorkerTimeout()))
                .observationRegistry(observations)
                .build();
    }

    /**
     * The builder of the worker step: in a worker process, Spring Batch's worker builder, which also wires the
     * requests the worker takes to this step; elsewhere a plain one (the local partition handler runs the step).
     */
    public StepBuilder workerStepBuilder(String name, JobRepository jobRepository) {
        WorkerIntake intake = worker.getIfAvailable();
        if (intake == null) {
            return new StepBuilder(name, jobRepository);
        }
        return new RemotePartitioningWorkerStepBuilder(name, jobRepository)
                .inputChannel(intake.claimedRequests())
                .beanFactory(beanFactory);
    }
}
