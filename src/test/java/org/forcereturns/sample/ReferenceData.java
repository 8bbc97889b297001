package org.forcereturns.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The project's reference data (forces, platforms, offence codes), read from the classpath at generation time. */
final class ReferenceData {

    record ForceRef(String code, String name, String fullName, String slug, List<String> variants) {
    }

    record PlatformRef(String name, String owner, String category, List<String> variants) {
    }

    record OffenceRef(String code, boolean inScope, String description) {
    }

    private final Map<String, ForceRef> forcesBySlug = new LinkedHashMap<>();
    private final Map<String, PlatformRef> platforms = new LinkedHashMap<>();
    private final Map<String, OffenceRef> offences = new LinkedHashMap<>();

    private ReferenceData() {
    }

    static ReferenceData load() {
        ReferenceData data = new ReferenceData();
        for (CSVRecord r : read("forces.csv")) {
            data.forcesBySlug.put(r.get("police_uk_slug"), new ForceRef(r.get("force_code"), r.get("force_name"),
                    r.get("full_name"), r.get("police_uk_slug"), split(r.get("known_variants"))));
        }
        for (CSVRecord r : read("platforms.csv")) {
            data.platforms.put(r.get("platform"),
                    new PlatformRef(r.get("platform"), r.get("owner"), r.get("category"), split(r.get("known_variants"))));
        }
        for (CSVRecord r : read("offence-codes.csv")) {
            data.offences.put(r.get("offence_code"), new OffenceRef(r.get("offence_code"),
                    Boolean.parseBoolean(r.get("in_scope")), r.get("description")));
        }
        if (data.forcesBySlug.size() != 43) {
            throw new IllegalStateException("expected the 43 territorial forces, found " + data.forcesBySlug.size());
        }
        return data;
    }

    private static List<CSVRecord> read(String name) {
        String resource = "/reference/" + name;
        try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("reference data not on the classpath: " + resource);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String variants) {
        return variants.isBlank() ? List.of() : Arrays.asList(variants.split("\\|"));
    }

    /** All 43 forces in the order of forces.csv. */
    List<ForceRef> forces() {
        return new ArrayList<>(forcesBySlug.values());
    }

    ForceRef force(String slug) {
        ForceRef force = forcesBySlug.get(slug);
        if (force == null) {
            throw new IllegalArgumentException("no force with police.uk slug " + slug);
        }
        return force;
    }

    PlatformRef platform(String name) {
        PlatformRef platform = platforms.get(name);
        if (platform == null) {
            throw new IllegalArgumentException("not a canonical platform: " + name);
        }
        return platform;
    }

    List<String> inScopeCodes() {
        return offences.values().stream().filter(OffenceRef::inScope).map(OffenceRef::code).toList();
    }

    String description(String code) {
        OffenceRef ref = offences.get(code);
        if (ref == null) {
            throw new IllegalArgumentException("unknown offence code " + code);
        }
        return ref.description();
    }
}
