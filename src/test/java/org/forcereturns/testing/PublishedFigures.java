package org.forcereturns.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

/** The sample's headline national figures (shared/reference/published-figures.md), for warehouses run elsewhere. */
public final class PublishedFigures {

    private PublishedFigures() {
    }

    /** The 2023/24 national figures of a warehouse's tables copied to local disk. */
    public static void assertNationalFigures(Path warehouse) throws Exception {
        try (Duck duck = new Duck(warehouse)) {
            Map<String, Object> n = duck.rows("SELECT * FROM {national_summary} WHERE financial_year = '2023/24'")
                    .get(0);
            assertThat(n.get("offences")).isEqualTo(38_685L);
            assertThat(n.get("platform_recorded_offences")).isEqualTo(7_338L);
            assertThat(n.get("forces_reporting_platform")).isEqualTo(20);
        }
    }
}
