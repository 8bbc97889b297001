package org.forcereturns.storage;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;

/**
 * Builds one Parquet file from the whole row groups of others with the same schema, copying their encoded,
 * compressed column chunks byte for byte (with their statistics, column indexes and offset indexes) rather than
 * decoding and re-encoding every value.
 */
public final class ParquetConcatenation implements Closeable {

    private final ParquetFileWriter out;
    private final MessageType schema;
    private final Configuration conf;
    private final Map<String, String> metadata;
    private long rows;

    public ParquetConcatenation(Path file, MessageType schema, Configuration conf, Map<String, String> metadata)
            throws IOException {
        this.schema = schema;
        this.conf = conf;
        this.metadata = metadata;
        this.out = new ParquetFileWriter(HadoopOutputFile.fromPath(file, conf), schema, ParquetFileWriter.Mode.OVERWRITE,
                ParquetWriter.DEFAULT_BLOCK_SIZE, 0);
        out.start();
    }

    /** Appends every row group of {@code file}; returns the rows appended. */
    public long append(Path file) throws IOException {
        InputFile input = HadoopInputFile.fromPath(file, conf);
        // With our configuration: the reader's default builds a new one, which re-parses Hadoop's XML defaults.
        ParquetReadOptions options = HadoopReadOptions.builder(conf).build();
        long appended = 0;
        try (ParquetFileReader reader = ParquetFileReader.open(input, options);
             SeekableInputStream bytes = input.newStream()) {
            MessageType theirs = reader.getFooter().getFileMetaData().getSchema();
            if (!theirs.equals(schema)) {
                throw new IOException(file + " has another schema than the table it is appended to: " + theirs);
            }
            List<ColumnDescriptor> columns = schema.getColumns();
            for (BlockMetaData block : reader.getFooter().getBlocks()) {
                out.startBlock(block.getRowCount());
                List<ColumnChunkMetaData> chunks = block.getColumns();
                for (int i = 0; i < chunks.size(); i++) {
                    ColumnChunkMetaData chunk = chunks.get(i);
                    if (!chunk.getPath().equals(ColumnPath.get(columns.get(i).getPath()))) {
                        throw new IOException(file + ": column " + chunk.getPath() + " is out of the schema's order");
                    }
                    out.appendColumnChunk(columns.get(i), bytes, chunk, reader.readBloomFilter(chunk),
                            reader.readColumnIndex(chunk), reader.readOffsetIndex(chunk));
                }
                out.endBlock();
                appended += block.getRowCount();
            }
        }
        rows += appended;
        return appended;
    }

    public long rows() {
        return rows;
    }

    /** Writes the footer, with {@code metadata} as its key-value metadata. */
    @Override
    public void close() throws IOException {
        out.end(metadata);
    }
}
