package org.forcereturns.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.forcereturns.aggregate.UnmappedPlatforms;
import org.forcereturns.domain.Platform;
import org.forcereturns.warehouse.Tables;

/** The rows of {@code unmapped_platforms}: each platform text no alias maps, with a suggested platform. */
final class UnmappedPlatformsTable {

    private UnmappedPlatformsTable() {
    }

    static List<GenericRecord> records(UnmappedPlatforms unmapped, Function<String, Optional<Platform>> suggester) {
        List<GenericRecord> out = new ArrayList<>();
        for (UnmappedPlatforms.Entry e : unmapped.entries()) {
            GenericData.Record r = Tables.UNMAPPED_PLATFORMS.newRecord();
            r.put("raw_value", e.rawValue());
            r.put("occurrences", e.occurrences());
            r.put("offences", e.offences());
            r.put("first_source_file", e.firstSourceFile());
            r.put("suggested_platform", suggester.apply(e.rawValue()).map(Platform::name).orElse(null));
            out.add(r);
        }
        return out;
    }
}
