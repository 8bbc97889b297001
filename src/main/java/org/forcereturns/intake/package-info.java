/**
 * The intake: what a run must ingest (new inbox files by path and hash, deliveries to re-read from the raw
 * archive), each planned delivery one partition of the ingest step; and the {@code prepare} step of a rebuild.
 */
package org.forcereturns.intake;
