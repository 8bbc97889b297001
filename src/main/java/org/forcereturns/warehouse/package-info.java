/**
 * What every step shares of the warehouse: the ledger of what it has ingested (in the JobRepository's database),
 * the raw archive, the published tables' schemas and the {@code clean_offences} files that ingest writes and
 * publish copies (the file system itself is {@code storage}).
 */
package org.forcereturns.warehouse;
