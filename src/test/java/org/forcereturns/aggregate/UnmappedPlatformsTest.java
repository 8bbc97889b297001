package org.forcereturns.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.forcereturns.ingest.Returns;
import org.forcereturns.ingest.Returns.Ingested;
import org.junit.jupiter.api.Test;

/** Contract section 4: values that match nothing are listed with their raw text and how often they were seen. */
class UnmappedPlatformsTest {

    private static void addFile(UnmappedPlatforms unmapped, String sourceFile, String... lines) {
        Ingested in = Returns.ingest(sourceFile, Returns.csv(lines), Returns.rules());
        assertThat(in.outcome().rowsRejected()).isZero();
        in.accepted().forEach(row -> unmapped.add(row, sourceFile));
    }

    @Test
    void listsEachUnmatchedRawValueWithOccurrencesAndFirstFile() {
        UnmappedPlatforms unmapped = new UnmappedPlatforms();
        addFile(unmapped, "2024-05-02_kent.csv", Returns.RECORD,
                "Kent,CR1,2024-05-02,86/2,Carrier pigeon",
                "Kent,CR2,2024-05-02,86/2,Snapchat",
                "Kent,CR3,2024-05-02,86/2,Snapchta",
                "Kent,CR4,2024-05-02,86/2,Not recorded",
                "Kent,CR5,2024-05-02,86/2,",
                "Kent,CR6,2024-05-02,86/2,Snapchat / Myspace");
        addFile(unmapped, "2024-06-01_essex.csv", Returns.MONTHLY,
                "Essex,2024-05,86/2,Carrier pigeon,4",
                "Essex,2024-05,86/10,Bebo,*",
                "Essex,2024-05,86/15,carrier pigeon,2");
        assertThat(unmapped.entries())
                .extracting(e -> e.rawValue(), e -> e.occurrences(), e -> e.offences(), e -> e.firstSourceFile())
                .containsExactly(
                        tuple("Carrier pigeon", 2L, 5L, "2024-05-02_kent.csv"),
                        tuple("Bebo", 1L, 0L, "2024-06-01_essex.csv"),
                        tuple("Snapchat / Myspace", 1L, 1L, "2024-05-02_kent.csv"),
                        tuple("carrier pigeon", 1L, 2L, "2024-06-01_essex.csv"));
    }
}
