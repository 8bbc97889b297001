/**
 * Pure value normalisers for force returns (contract sections 3 and 4): force names, dates,
 * periods, offence codes, counts and free-text platforms, each turned into a domain value or an
 * explicit "no". No Spring, no I/O beyond reading reference data; every class is immutable and
 * safe to share between the threads that ingest files in parallel.
 */
package org.forcereturns.normalise;
