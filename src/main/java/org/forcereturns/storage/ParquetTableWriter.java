package org.forcereturns.storage;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.bytes.DirectByteBufferAllocator;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
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
        this.writer = settings(AvroParquetWriter.<GenericRecord>builder(HadoopOutputFile.fromPath(file, conf)),
                table, conf, metadata)
                .withSchema(table.avro())
                .withDataModel(GenericData.get())
                .build();
    }

    /**
     * The settings every table file is written with, whatever writes its records. Pages are compressed by
     * parquet-java's direct codec factory, whose ZSTD compressor keeps one context per file; its default codec opens
     * a zstd stream (a new context, its tables cleared) for every page, which for small pages costs more than the
     * compression. The pages are the same ZSTD frames at the same level.
     */
    public static <T, B extends ParquetWriter.Builder<T, B>> B settings(B builder, TableSchema table,
                                                                       Configuration conf, Map<String, String> metadata) {
        for (String column : table.withoutDictionary()) {
            builder.withDictionaryEncoding(column, false);
        }
        return builder
                .withConf(conf)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withCodecFactory(CodecFactory.createDirectCodecFactory(conf, DirectByteBufferAllocator.getInstance(),
                        ParquetProperties.DEFAULT_PAGE_SIZE))
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withPageWriteChecksumEnabled(true)
                // Size statistics (Parquet 2.10 histograms) cost time on every value and few readers use them.
                .withSizeStatisticsEnabled(false)
                .withExtraMetaData(metadata);
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
