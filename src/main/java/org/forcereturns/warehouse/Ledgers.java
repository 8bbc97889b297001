package org.forcereturns.warehouse;

import javax.sql.DataSource;
import org.apache.hadoop.fs.Path;
import org.forcereturns.storage.Storage;

/** Opens the ledger of any warehouse in the JobRepository's database. */
public final class Ledgers {

    private final DataSource dataSource;
    private final String batchTablePrefix;

    public Ledgers(DataSource dataSource, String batchTablePrefix) {
        this.dataSource = dataSource;
        this.batchTablePrefix = batchTablePrefix;
    }

    public Ledger of(Storage storage, Path warehouse) {
        return new Ledger(storage, warehouse, dataSource, batchTablePrefix);
    }
}
