package org.forcereturns.ingest;

/**
 * A data row of a delivery, as the worker step's reader hands it on: the record and the delivery it came from, so
 * that the processor, which is shared by every partition, applies that delivery's header mapping and counts its
 * skips (as Spring Batch's {@code ResourceAware} items know their resource).
 */
record DeliveryRow(CsvRecord record, DeliveryInProgress delivery) {
}
