package org.forcereturns.sample;

import java.time.LocalDate;

/**
 * One recorded offence. Truth offences are what a correct pipeline must publish; bogus ones are written into returns
 * that a correct pipeline must not count (figures later corrected, quarantined files, ignored files).
 *
 * @param mention the platform(s) named, or null when no platform was recorded
 */
record Offence(String forceSlug, LocalDate date, String code, Mention mention, String crimeRef, boolean bogus) {
}
