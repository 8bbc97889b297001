package org.forcereturns.partitioning;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * When the manager step fails (the workers did not finish in time, or the broker could not be reached), marks the
 * partitions still STARTING or STARTED as FAILED, so that a restart runs them again and a request still queued, or
 * a worker still at it, finds them taken ({@link RequestClaim}; a late worker's own update then fails on the
 * execution's version). It also puts the reason in one line in place of Spring Batch's bare exception.
 */
final class UnfinishedPartitions implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedPartitions.class);

    private final JobRepository repository;
    private final String workerStep;
    private final Duration timeout;

    UnfinishedPartitions(JobRepository repository, String workerStep, Duration timeout) {
        this.repository = repository;
        this.workerStep = workerStep;
        this.timeout = timeout;
    }

    @Override
    public ExitStatus afterStep(StepExecution manager) {
        if (manager.getStatus() == BatchStatus.COMPLETED) {
            return null;
        }
        JobExecution job = repository.getJobExecution(manager.getJobExecutionId());
        List<StepExecution> unfinished = job.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(workerStep + ":") && s.getStatus().isRunning())
                .toList();
        for (StepExecution partition : unfinished) {
            partition.setStatus(BatchStatus.FAILED);
            partition.setExitStatus(ExitStatus.FAILED.addExitDescription("not finished by a worker"));
            partition.setEndTime(LocalDateTime.now());
            repository.update(partition);
        }
        List<Throwable> failures = manager.getFailureExceptions();
        String reason = failures.stream().map(f -> reason(f, unfinished.size())).filter(r -> r != null).findFirst()
                .orElse(null);
        if (reason != null) {
            log.warn(reason);
            failures.clear();
            failures.add(new RemotePartitioningException(reason));
        }
        return null;
    }

    private String reason(Throwable failure, int unfinished) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException) {
                return "no worker finished " + unfinished + " deliver" + (unfinished == 1 ? "y" : "ies") + " within "
                        + "the worker timeout (" + timeout.toSeconds() + "s): is a worker running "
                        + "(force-returns-etl worker) on the same JobRepository and broker?";
            }
            if (t instanceof AmqpConnectException) {
                Throwable root = t;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                return "cannot send the deliveries to RabbitMQ (spring.rabbitmq.*): " + root.getMessage();
            }
        }
        return null;
    }

    /** Why the workers' step failed, said once. */
    static final class RemotePartitioningException extends RuntimeException {
        RemotePartitioningException(String message) {
            super(message);
        }
    }
}
