/**
 * The ingest step: reading a force return (delimiter sniffing, an RFC 4180 record reader keeping raw text and line
 * numbers, header mapping, the row normaliser) and the chunk-oriented worker step that runs it on one delivery per
 * partition ({@link org.forcereturns.ingest.IngestConfiguration}). The encoding was sniffed at intake.
 */
package org.forcereturns.ingest;
