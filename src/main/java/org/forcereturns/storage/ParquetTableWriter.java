package org.forcereturns.storage;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/** Writes one Parquet file of one table: ZSTD, statistics on, key-value metadata naming run and versions. */
public final class ParquetTableWriter implements Closeable {

    private final ParquetWriter<GenericRecord> writer;
    private long rows;

    public ParquetTableWriter(TableSchema table, Path file, Configuration conf, Map<String, String> metadata)
            throws IOException {
        AvroParquetWriter.Builder<GenericRecord> builder = AvroParquetWriter.<GenericRecord>builder(
                HadoopOutputFile.fromPath(file, conf));
        for (String column : table.withoutDictionary()) {
            builder.withDictionaryEncoding(column, false);
        }
        this.writer = builder
                .withSchema(table.avro())
                .withDataModel(GenericData.get())
                .withConf(conf)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withPageWriteChecksumEnabled(true)
                .withExtraMetaData(metadata)
                .build();
    }

    public void write(GenericRecord record) throws IOException {
        writer.write(record);
        rows++;
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
