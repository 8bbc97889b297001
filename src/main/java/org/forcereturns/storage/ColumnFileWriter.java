package org.forcereturns.storage;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes a table's Parquet file column by column, for a writer that has each row's values at hand: values go
 * straight to parquet-java's column writers, without the record layer that {@link ParquetWriter} puts in front of
 * them (a field bitmap and a null check for every field of every record). Columns named constant are written as
 * {@link ConstantColumn}s. Files have the same settings as every other table file ({@link ParquetTableWriter}):
 * ZSTD ({@link ZstdPageCompressor}), page checksums, statistics and page indexes, no size statistics, the table's
 * dictionary exceptions.
 */
public final class ColumnFileWriter implements Closeable {

    /** A row group is written once its buffered pages reach this size, as {@link ParquetWriter} does. */
    public static final long ROW_GROUP_BYTES = ParquetWriter.DEFAULT_BLOCK_SIZE;
    private static final int ROWS_PER_SIZE_CHECK = 1_000;

    private final MessageType schema;
    private final MessageType ordinarySchema;
    private final ParquetProperties props;
    private final ZstdPageCompressor zstd;
    private final ParquetFileWriter file;
    private final Map<String, String> footer;
    private final long rowGroupBytes;
    private final Column[] columns;
    private final List<Column> ordinary = new ArrayList<>();
    private final List<ConstantColumn> constants = new ArrayList<>();
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore store;
    private long rowsInGroup;
    private boolean closed;

    /**
     * @param constant    required string columns that usually hold one value per row group
     * @param metadata    the footer's key-value metadata
     * @param rowGroupBytes buffered bytes at which a row group is written
     */
    public ColumnFileWriter(OutputFile out, TableSchema table, Configuration conf, Set<String> constant,
                            Map<String, String> metadata, long rowGroupBytes) throws IOException {
        this.schema = table.parquet();
        ParquetProperties.Builder settings = ParquetProperties.builder()
                .withPageWriteChecksumEnabled(true)
                // Size statistics (Parquet 2.10 histograms) cost time on every value and few readers use them.
                .withSizeStatisticsEnabled(false);
        for (String column : table.withoutDictionary()) {
            settings.withDictionaryEncoding(column, false);
        }
        this.props = settings.build();
        this.zstd = new ZstdPageCompressor(conf);
        this.footer = new HashMap<>(metadata);
        footer.putIfAbsent(ParquetWriter.OBJECT_MODEL_NAME_PROP, "force-returns");
        this.rowGroupBytes = rowGroupBytes;
        this.columns = new Column[schema.getFieldCount()];
        List<Type> ordinaryFields = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            Type field = schema.getType(i);
            ColumnDescriptor descriptor = schema.getColumnDescription(new String[] {field.getName()});
            if (constant.contains(field.getName())) {
                ConstantColumn c = new ConstantColumn(schema, descriptor, props);
                constants.add(c);
                columns[i] = new Column(descriptor, c);
            } else {
                ordinaryFields.add(field);
                columns[i] = new Column(descriptor, null);
                ordinary.add(columns[i]);
            }
        }
        this.ordinarySchema = new MessageType(schema.getName(), ordinaryFields);
        this.file = new ParquetFileWriter(out, schema, ParquetFileWriter.Mode.OVERWRITE, rowGroupBytes,
                ParquetWriter.MAX_PADDING_SIZE_DEFAULT, null, props);
        file.start();
        startRowGroup();
    }

    /** The column of that name; its methods add the current row's value. */
    public Column column(String name) {
        return columns[schema.getFieldIndex(name)];
    }

    /** Ends the current row: every column has had one value (or null) added. */
    public void endRow() throws IOException {
        store.endRecord();
        if (++rowsInGroup % ROWS_PER_SIZE_CHECK == 0 && bufferedSize() >= rowGroupBytes) {
            writeRowGroup();
            startRowGroup();
        }
    }

    /** Bytes held in memory for the row group being written: its finished pages and the pages in progress. */
    public long bufferedSize() {
        long size = store.getBufferedSize();
        for (ConstantColumn c : constants) {
            size += c.bufferedSize();
        }
        return size;
    }

    /** Writes the rows so far as a row group of their own (nothing if there are none), freeing their memory. */
    public void endRowGroup() throws IOException {
        if (rowsInGroup > 0) {
            writeRowGroup();
            startRowGroup();
        }
    }

    private void startRowGroup() {
        pages = ColumnChunkPageWriteStore.builder()
                .withCompressorProvider(column -> zstd)
                .withSchema(schema)
                .withAllocator(props.getAllocator())
                .withColumnIndexTruncateLength(props.getColumnIndexTruncateLength())
                .withPageWriteChecksumEnabled(props.getPageWriteChecksumEnabled())
                .build();
        store = props.newColumnWriteStore(ordinarySchema, pages, pages);
        for (Column c : ordinary) {
            c.writer = store.getColumnWriter(c.descriptor);
        }
        for (ConstantColumn c : constants) {
            c.start(pages, pages);
        }
        rowsInGroup = 0;
    }

    private void writeRowGroup() throws IOException {
        try {
            if (rowsInGroup > 0) {
                file.startBlock(rowsInGroup);
                store.flush();
                for (ConstantColumn c : constants) {
                    c.flush();
                }
                pages.flushToFileWriter(file);
                file.endBlock();
            }
        } finally {
            store.close();
            pages.close();
        }
    }

    /**
     * Gives the file up after a failure part-way through a row: it is closed unfinished (no footer, so no reader
     * takes it for a table file) and {@link #close()} does nothing more.
     */
    public void abort() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            giveUp();
        } finally {
            zstd.release();
        }
    }

    /** Closes the file without its footer. */
    private void giveUp() throws IOException {
        file.abort();
        file.close();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writeRowGroup();
            file.end(footer);
        } catch (IOException | RuntimeException e) {
            try {
                giveUp();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            zstd.release();
        }
    }

    /** A column of the file; the row's value is added through it. */
    public static final class Column {
        private final ColumnDescriptor descriptor;
        private final int defined;
        private final ConstantColumn constant;
        private ColumnWriter writer;

        private Column(ColumnDescriptor descriptor, ConstantColumn constant) {
            this.descriptor = descriptor;
            this.defined = descriptor.getMaxDefinitionLevel();
            this.constant = constant;
        }

        /** A string (or other binary) value; null for a missing value of an optional column. */
        public void add(Binary value) {
            if (constant != null) {
                constant.write(value);
            } else if (value == null) {
                writer.writeNull(0, 0);
            } else {
                writer.write(value, 0, defined);
            }
        }

        public void add(int value) {
            writer.write(value, 0, defined);
        }

        public void add(long value) {
            writer.write(value, 0, defined);
        }

        public void add(boolean value) {
            writer.write(value, 0, defined);
        }

        public void addNull() {
            writer.writeNull(0, 0);
        }
    }
}
