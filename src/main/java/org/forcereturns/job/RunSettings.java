package org.forcereturns.job;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The settings of one run, carried as job parameters so that a restart reads exactly what the failed run had.
 *
 * @param inbox  null for a rebuild, which reads the raw archive only
 * @param mode   {@code run} or {@code rebuild}
 * @param minCellSize force-level counts below this are published as null (0: off)
 */
public record RunSettings(String runId, String mode, String inbox, String warehouse, LocalDate runDate,
                          List<String> scope, double rejectThreshold, long minCellSize) {

    public static final String RUN = "run";
    public static final String REBUILD = "rebuild";

    public JobParameters toJobParameters() {
        JobParametersBuilder b = new JobParametersBuilder()
                .addString("run.id", runId)
                .addString("mode", mode)
                .addString("warehouse", warehouse)
                .addLocalDate("run.date", runDate)
                .addString("scope", String.join(",", scope))
                .addDouble("reject.threshold", rejectThreshold)
                .addLong("publish.min-cell-size", minCellSize);
        if (inbox != null) {
            b.addString("inbox", inbox);
        }
        return b.toJobParameters();
    }

    public static RunSettings from(JobParameters p) {
        return new RunSettings(p.getString("run.id"), p.getString("mode"), p.getString("inbox"),
                p.getString("warehouse"), p.getLocalDate("run.date"),
                Arrays.asList(p.getString("scope").split(",")), p.getDouble("reject.threshold"),
                p.getLong("publish.min-cell-size", 0L));
    }

    public boolean rebuild() {
        return REBUILD.equals(mode);
    }
}
