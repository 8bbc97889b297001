package org.forcereturns.domain;

/** RECORD: one row per recorded offence. COUNT: one row per table cell, with a count column. */
public enum Layout {
    RECORD, COUNT
}
