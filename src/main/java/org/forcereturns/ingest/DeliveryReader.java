package org.forcereturns.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one delivery's data rows, after its header, with our CSV record reader (which keeps each row's raw text
 * and line, and resumes after a broken quote); each row goes on with the delivery it came from. The reader opens the
 * delivery, so it holds the partition's {@link DeliveryInProgress}, which the writer and the outcome listener share.
 * Not restartable mid-file: a partition that failed is read again from its first row, since a Parquet file cannot be
 * appended to across transactions.
 */
class DeliveryReader implements ItemStreamReader<DeliveryRow> {

    private final DeliveryInProgress delivery;
    private CsvRecordReader reader;

    DeliveryReader(DeliveryInProgress delivery) {
        this.delivery = delivery;
    }

    DeliveryInProgress delivery() {
        return delivery;
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        try {
            delivery.open();
        } catch (IOException e) {
            throw new ItemStreamException("cannot open " + delivery.delivery.sourceFile() + ": " + e.getMessage(), e);
        }
        reader = delivery.reader();
    }

    @Override
    public DeliveryRow read() {
        CsvRecord record;
        try {
            record = reader == null ? null : reader.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (record == null) {
            delivery.exhausted = true;
            return null;
        }
        return new DeliveryRow(record, delivery);
    }
}
