package org.forcereturns.normalise;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.forcereturns.domain.OffenceCode;

/** The offence codes a job counts; other well-formed codes are skipped as out of scope. */
public final class OffenceScope {

    private final Set<OffenceCode> codes;

    private OffenceScope(Set<OffenceCode> codes) {
        if (codes.isEmpty()) {
            // An empty scope would skip every row of every file: surely a configuration mistake.
            throw new IllegalArgumentException("offence scope names no codes");
        }
        this.codes = Collections.unmodifiableSet(new LinkedHashSet<>(codes));
    }

    /** Codes in any form {@link OffenceCodeParser} accepts; a bad one throws, naming it. */
    public static OffenceScope of(Collection<String> codes) {
        Set<OffenceCode> parsed = new LinkedHashSet<>();
        for (String code : codes) {
            parsed.add(OffenceCodeParser.parse(code)
                    .orElseThrow(() -> new IllegalArgumentException("not an offence code: '" + code + "'")));
        }
        return new OffenceScope(parsed);
    }

    /** The {@code in_scope=true} rows of {@code offence-codes.csv}. */
    public static OffenceScope load(Reader offenceCodesCsv) {
        List<OffenceCode> inScope = new ArrayList<>();
        for (ReferenceCsv.Row row : ReferenceCsv.read(offenceCodesCsv, "offence-codes.csv", "offence_code", "in_scope")) {
            String code = row.required("offence_code");
            OffenceCode parsed = OffenceCodeParser.parse(code)
                    .orElseThrow(() -> row.fail("not an offence code: '" + code + "'"));
            switch (row.required("in_scope").toLowerCase(Locale.ROOT)) {
                case "true" -> inScope.add(parsed);
                case "false" -> { }
                default -> throw row.fail("in_scope must be true or false");
            }
        }
        return new OffenceScope(new LinkedHashSet<>(inScope));
    }

    /** The bundled default: 86/2, 86/10 and 86/15, the child sexual abuse image offences. */
    public static OffenceScope defaultScope() {
        return Default.INSTANCE;
    }

    public boolean contains(OffenceCode code) {
        return codes.contains(code);
    }

    /** In the order given. */
    public Set<OffenceCode> codes() {
        return codes;
    }

    @Override
    public String toString() {
        return codes.toString();
    }

    private static final class Default {
        static final OffenceScope INSTANCE = ReferenceCsv.fromClasspath("/reference/offence-codes.csv", OffenceScope::load);
    }
}
