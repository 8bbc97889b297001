package org.forcereturns.cli;

import org.forcereturns.publish.PublishTasklet;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** How a run ended, for the metrics and the last log line that alerts read. */
record RunOutcome(String runId, long executionId, String status, long quarantined, long unmapped, long newUnmapped) {

    static RunOutcome of(JobExecution execution) {
        ExecutionContext c = execution.getExecutionContext();
        return new RunOutcome(execution.getJobParameters().getString("run.id"), execution.getId(),
                execution.getStatus().name(), c.getLong(PublishTasklet.QUARANTINED_THIS_RUN, 0L),
                c.getLong(PublishTasklet.UNMAPPED_VALUES, 0L), c.getLong(PublishTasklet.NEW_UNMAPPED_VALUES, 0L));
    }

    /** The process exit status this run ended with (contract section 6). */
    String exitStatus() {
        return switch (status) {
            case "COMPLETED" -> Integer.toString(quarantined > 0 ? ExitStatus.QUARANTINED : ExitStatus.SUCCESS);
            case "STARTED", "STARTING", "STOPPING" -> "-";
            default -> Integer.toString(ExitStatus.FAILED);
        };
    }

    /** One line that says everything a scheduler should alert on. */
    String summary(int exitStatus) {
        StringBuilder sb = new StringBuilder("run ").append(runId).append(" (execution ").append(executionId)
                .append(") ended ").append(status).append(", exit status ").append(exitStatus);
        if (quarantined > 0) {
            sb.append("; ").append(quarantined).append(" file(s) quarantined");
        }
        if (newUnmapped > 0) {
            sb.append("; ").append(newUnmapped).append(" new unmapped platform value(s)");
        }
        return sb.toString();
    }
}
