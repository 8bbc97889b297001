/**
 * The publish step: every table derived from the ledger, staged and swapped in whole, then the run's manifest and
 * report.
 */
package org.forcereturns.publish;
