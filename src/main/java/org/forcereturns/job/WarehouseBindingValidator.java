package org.forcereturns.job;

import org.apache.hadoop.fs.Path;
import org.forcereturns.warehouse.Ledgers;
import org.forcereturns.warehouse.Tables;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * Refuses a run whose JobRepository has never published the warehouse it names when that warehouse already holds
 * published tables: the database that knows what those tables were made from is elsewhere (or was lost), and a
 * run from an empty ledger would replace them with only what is in the inbox now.
 */
final class WarehouseBindingValidator implements JobParametersValidator {

    private final PipelineFactory pipelines;
    private final Ledgers ledgers;

    WarehouseBindingValidator(PipelineFactory pipelines, Ledgers ledgers) {
        this.pipelines = pipelines;
        this.ledgers = ledgers;
    }

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        Pipeline pipeline = pipelines.forRun(parameters);
        Path warehouse = pipeline.warehouse();
        boolean published = pipeline.storage().exists(new Path(warehouse, Tables.FILE_INVENTORY.name()));
        if (published && ledgers.of(pipeline.storage(), warehouse).lastPublication().isEmpty()) {
            throw new InvalidJobParametersException("the warehouse " + warehouse + " holds tables that this "
                    + "JobRepository did not publish: run with the JobRepository it was published with "
                    + "(--spring.datasource.url), or publish to a new, empty warehouse");
        }
    }
}
