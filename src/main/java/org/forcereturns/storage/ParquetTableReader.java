package org.forcereturns.storage;

import java.io.IOException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Opens one Parquet file for reading as generic Avro records: the twin of {@link ParquetTableWriter}. */
public final class ParquetTableReader {

    private ParquetTableReader() {
    }

    public static ParquetReader<GenericRecord> open(Path file, Configuration conf) throws IOException {
        return AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(file, conf))
                .withDataModel(GenericData.get()).withConf(conf).build();
    }
}
