package org.forcereturns.partitioning;

import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Decides whether a worker runs a partition request, before Spring Batch's {@code StepExecutionRequestHandler}
 * does (which runs whatever it is sent, even a partition already completed). A request is taken only while its
 * run is going and its partition is still STARTING, and taking it is an update of the partition's step execution
 * to STARTED that Spring Batch's version check lets exactly one worker make. So a request the broker delivers
 * twice, a request left in the queue by a run that has since failed, or two workers given the same request,
 * run the partition at most once.
 */
final class RequestClaim {

    private static final Logger log = LoggerFactory.getLogger(RequestClaim.class);

    private final JobRepository repository;

    RequestClaim(JobRepository repository) {
        this.repository = repository;
    }

    boolean claim(StepExecutionRequest request) {
        StepExecution partition;
        try {
            partition = repository.getStepExecution(request.getStepExecutionId());
        } catch (EmptyResultDataAccessException unknown) {
            partition = null;
        }
        if (partition == null) {
            log.warn("partition request for step execution {}, which this JobRepository does not have: ignored "
                    + "(is the worker on the manager's JobRepository?)", request.getStepExecutionId());
            return false;
        }
        JobExecution job = repository.getJobExecution(partition.getJobExecutionId());
        String run = job.getJobParameters().getString("run.id");
        MDC.put("run", run);
        String file = partition.getExecutionContext().containsKey("source_file")
                ? partition.getExecutionContext().getString("source_file") : partition.getStepName();
        if (partition.getStatus() != BatchStatus.STARTING) {
            log.info("{}: already {} (step execution {}); request ignored", file, partition.getStatus(),
                    partition.getId());
            return false;
        }
        if (job.getStatus() != BatchStatus.STARTED && job.getStatus() != BatchStatus.STARTING) {
            log.info("{}: run {} is {}; request ignored (restart the run to ingest it)", file, run, job.getStatus());
            return false;
        }
        partition.setStatus(BatchStatus.STARTED);
        partition.setStartTime(LocalDateTime.now());
        try {
            repository.update(partition);
        } catch (OptimisticLockingFailureException taken) {
            log.info("{}: taken by another worker (step execution {}); request ignored", file, partition.getId());
            return false;
        }
        log.info("{}: taken (step execution {})", file, partition.getId());
        return true;
    }
}
