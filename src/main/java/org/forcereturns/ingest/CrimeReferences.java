package org.forcereturns.ingest;

import java.util.Locale;

/**
 * The crime references one file has accepted so far, compared without regard to case. An open-addressing table
 * of the upper-cased texts: one look-up per record row, with no entry objects to allocate or chase.
 */
final class CrimeReferences {

    private String[] table = new String[1 << 10];
    /** 32 minus log2 of the table's length: a slot is the top bits of the mixed hash. */
    private int shift = 32 - 10;
    private int size;

    /** Adds the reference; false when the file already had it. */
    boolean add(String reference) {
        String key = reference.toUpperCase(Locale.ROOT);
        int mask = table.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            String there = table[i];
            if (there == null) {
                table[i] = key;
                if (++size * 2 > table.length) {
                    grow();
                }
                return true;
            }
            if (there.equals(key)) {
                return false;
            }
        }
    }

    private void grow() {
        String[] old = table;
        table = new String[old.length * 2];
        shift--;
        int mask = table.length - 1;
        for (String key : old) {
            if (key != null) {
                int i = slot(key);
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = key;
            }
        }
    }

    /**
     * Fibonacci hashing: references are often numbered in sequence, so their String hashes are too; the top bits
     * of the product spread them, where the low bits (or the hash alone) would pile them into runs of slots.
     */
    private int slot(String key) {
        return (key.hashCode() * 0x9E3779B9) >>> shift;
    }
}
