package org.forcereturns.partitioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/** A worker runs a partition request only for a partition still waiting in a running job, and only once. */
class RequestClaimTest {

    private JobRepository repository;
    private JobExecution job;

    @BeforeEach
    void jobRepository() throws Exception {
        var db = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
                .setName("claim" + ThreadLocalRandom.current().nextInt())
                .addScript("org/springframework/batch/core/schema-h2.sql").build();
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(db);
        factory.setTransactionManager(new DataSourceTransactionManager(db));
        factory.afterPropertiesSet();
        repository = factory.getObject();
        JobParameters parameters = new JobParametersBuilder().addString("run.id", "r1").toJobParameters();
        JobInstance instance = repository.createJobInstance("forceReturnsJob", parameters);
        job = repository.createJobExecution(instance, parameters, new ExecutionContext());
        job.setStatus(BatchStatus.STARTED);
        repository.update(job);
    }

    private StepExecution partition(BatchStatus status) {
        StepExecution partition = repository.createStepExecution("ingestDelivery:d-1", job);
        if (status != BatchStatus.STARTING) {
            partition.setStatus(status);
            repository.update(partition);
        }
        return partition;
    }

    private boolean claim(long id) {
        return new RequestClaim(repository).claim(new StepExecutionRequest("ingestDelivery", id));
    }

    @Test
    void aWaitingPartitionIsTakenOnceAndMarkedStarted() {
        StepExecution partition = partition(BatchStatus.STARTING);

        assertThat(claim(partition.getId())).isTrue();
        assertThat(repository.getStepExecution(partition.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
        assertThat(claim(partition.getId())).as("the same request delivered again").isFalse();
    }

    @ParameterizedTest
    @CsvSource({"STARTED", "COMPLETED", "FAILED", "STOPPED"})
    void aPartitionAlreadyTakenOrEndedIsNotRunAgain(BatchStatus status) {
        StepExecution partition = partition(status);
        int version = repository.getStepExecution(partition.getId()).getVersion();

        assertThat(claim(partition.getId())).isFalse();
        StepExecution after = repository.getStepExecution(partition.getId());
        assertThat(after.getStatus()).isEqualTo(status);
        assertThat(after.getVersion()).as("untouched").isEqualTo(version);
    }

    @ParameterizedTest
    @CsvSource({"FAILED", "STOPPED", "COMPLETED", "STOPPING"})
    void aRequestOfARunThatIsNoLongerGoingIsNotRun(BatchStatus status) {
        StepExecution partition = partition(BatchStatus.STARTING);
        job.setStatus(status);
        repository.update(job);

        assertThat(claim(partition.getId())).isFalse();
        assertThat(repository.getStepExecution(partition.getId()).getStatus()).isEqualTo(BatchStatus.STARTING);
    }

    @Test
    void aRequestForAnUnknownStepExecutionIsNotRun() {
        assertThat(claim(9_999)).isFalse();
    }

    @Test
    void workersGivenTheSameRequestAtOnceRunItOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            long id = partition(BatchStatus.STARTING).getId();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Boolean>> workers = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    workers.add(() -> claim(id));
                }
                long taken = 0;
                for (Future<Boolean> f : pool.invokeAll(workers)) {
                    taken += f.get() ? 1 : 0;
                }
                assertThat(taken).as("round " + round).isEqualTo(1);
            } finally {
                pool.shutdown();
            }
        }
    }
}
