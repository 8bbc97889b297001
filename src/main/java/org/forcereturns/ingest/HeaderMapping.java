package org.forcereturns.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.forcereturns.domain.Layout;

/**
 * Which column of a force return holds which {@link Field}, and what the header says about the file's
 * layout and period form. Immutable.
 *
 * <ul>
 *   <li>Header names match {@link HeaderAliases} after {@link HeaderAliases#normalize(String)};
 *       unlisted columns are ignored.</li>
 *   <li>If two columns map to the same field, the first (leftmost) wins; the other is ignored and
 *       listed in {@link #ignoredColumns()}.</li>
 *   <li>Required: force, offence_code and one period form. Layout is {@link Layout#COUNT} when a count
 *       column exists, else {@link Layout#RECORD}.</li>
 *   <li>Period form, when several are present: recorded_date, then month, then financial_year (the
 *       finest grain wins; the other columns are still mapped and can be read).</li>
 * </ul>
 */
public final class HeaderMapping {

    /** Human name of the period requirement, as reported in {@link HeaderResolution.Missing}. */
    public static final String MISSING_PERIOD = "a period (recorded_date, month or financial_year)";

    private final int[] indexByField;
    private final List<String> headerNames;
    private final Layout layout;
    private final PeriodForm periodForm;
    private final List<String> ignoredColumns;

    private HeaderMapping(int[] indexByField, List<String> headerNames, List<String> ignoredColumns) {
        this.indexByField = indexByField;
        this.headerNames = headerNames;
        this.ignoredColumns = ignoredColumns;
        this.layout = indexByField[Field.COUNT.ordinal()] >= 0 ? Layout.COUNT : Layout.RECORD;
        if (indexByField[Field.RECORDED_DATE.ordinal()] >= 0) {
            periodForm = PeriodForm.RECORDED_DATE;
        } else if (indexByField[Field.MONTH.ordinal()] >= 0) {
            periodForm = PeriodForm.MONTH;
        } else {
            periodForm = PeriodForm.FINANCIAL_YEAR;
        }
    }

    /** Resolves a header (e.g. {@link CsvRecord#fields()} of {@link CsvRecordReader#header()}). */
    public static HeaderResolution resolve(List<String> headerNames, HeaderAliases aliases) {
        Objects.requireNonNull(aliases, "aliases");
        List<String> names = List.copyOf(headerNames);
        int[] index = new int[Field.values().length];
        Arrays.fill(index, -1);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int col = i;
            String name = names.get(i);
            aliases.lookup(name).ifPresentOrElse(f -> {
                if (index[f.ordinal()] < 0) {
                    index[f.ordinal()] = col;
                } else {
                    ignored.add(name);
                }
            }, () -> {
                if (!name.isBlank()) {
                    ignored.add(name);
                }
            });
        }
        List<String> missing = new ArrayList<>();
        if (index[Field.FORCE.ordinal()] < 0) {
            missing.add(Field.FORCE.contractName());
        }
        if (index[Field.OFFENCE_CODE.ordinal()] < 0) {
            missing.add(Field.OFFENCE_CODE.contractName());
        }
        if (index[Field.RECORDED_DATE.ordinal()] < 0 && index[Field.MONTH.ordinal()] < 0
                && index[Field.FINANCIAL_YEAR.ordinal()] < 0) {
            missing.add(MISSING_PERIOD);
        }
        if (!missing.isEmpty()) {
            return new HeaderResolution.Missing(missing);
        }
        return new HeaderResolution.Resolved(new HeaderMapping(index, names, List.copyOf(ignored)));
    }

    public Layout layout() {
        return layout;
    }

    public PeriodForm periodForm() {
        return periodForm;
    }

    /** Column index of {@code field}, or -1 if the file has no such column. */
    public int index(Field field) {
        return indexByField[field.ordinal()];
    }

    public boolean has(Field field) {
        return indexByField[field.ordinal()] >= 0;
    }

    /** The file's own header text for {@code field} (for error messages), or null if absent. */
    public String headerName(Field field) {
        int i = indexByField[field.ordinal()];
        return i < 0 ? null : headerNames.get(i);
    }

    /** The columns some field is read from (the others are never looked at). */
    public BitSet mappedColumns() {
        BitSet used = new BitSet();
        for (int index : indexByField) {
            if (index >= 0) {
                used.set(index);
            }
        }
        return used;
    }

    /** Number of columns in the header. */
    public int columnCount() {
        return headerNames.size();
    }

    /** The value of {@code field} in a record's fields, or null if the column is absent or the record too short. */
    public String value(List<String> fields, Field field) {
        int i = indexByField[field.ordinal()];
        return i >= 0 && i < fields.size() ? fields.get(i) : null;
    }

    /** Non-blank header names that map to no field, or to a field an earlier column already took. */
    public List<String> ignoredColumns() {
        return ignoredColumns;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("HeaderMapping[").append(layout).append(", ").append(periodForm);
        for (Field f : Field.values()) {
            if (has(f)) {
                sb.append(", ").append(f.contractName()).append('=').append(index(f));
            }
        }
        return sb.append(']').toString();
    }
}
