package org.forcereturns.intake;

import org.forcereturns.job.Pipeline;
import org.forcereturns.job.PipelineFactory;
import org.forcereturns.warehouse.Ledgers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * For a rebuild, forgets every ingested outcome so that the ingest step re-reads each delivery from the raw
 * archive with the current reference data. Published tables stay readable until the new ones replace them.
 */
final class PrepareRebuildTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PrepareRebuildTasklet.class);

    private final PipelineFactory pipelines;
    private final Ledgers ledgers;

    PrepareRebuildTasklet(PipelineFactory pipelines, Ledgers ledgers) {
        this.pipelines = pipelines;
        this.ledgers = ledgers;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Pipeline pipeline = pipelines.forRun(contribution.getStepExecution().getJobExecution().getJobParameters());
        if (pipeline.settings().rebuild()) {
            ledgers.of(pipeline.storage(), pipeline.warehouse()).forgetIngestedFiles();
            log.info("rebuild {}: every delivery will be re-read from the raw archive", pipeline.settings().runId());
        }
        return RepeatStatus.FINISHED;
    }
}
