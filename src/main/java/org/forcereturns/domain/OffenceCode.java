package org.forcereturns.domain;

/** A Home Office offence code in its canonical form {@code <class>/<sub>}, e.g. {@code 86/2}. */
public record OffenceCode(String offenceClass, String subClass) {

    public OffenceCode {
        if (offenceClass == null || offenceClass.isEmpty() || subClass == null || subClass.isEmpty()) {
            throw new IllegalArgumentException("offence class and sub-class are required");
        }
    }

    public static OffenceCode of(String canonical) {
        int slash = canonical.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a canonical offence code: " + canonical);
        }
        return new OffenceCode(canonical.substring(0, slash), canonical.substring(slash + 1));
    }

    @Override
    public String toString() {
        return offenceClass + "/" + subClass;
    }
}
