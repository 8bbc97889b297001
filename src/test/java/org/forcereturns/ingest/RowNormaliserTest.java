package org.forcereturns.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forcereturns.ingest.Returns.header;
import static org.forcereturns.ingest.Returns.normalise;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.forcereturns.domain.CleanOffence;
import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;
import org.forcereturns.domain.Force;
import org.forcereturns.domain.OffenceCode;
import org.forcereturns.domain.Platform;
import org.forcereturns.domain.Reject;
import org.forcereturns.domain.RejectReason;
import org.forcereturns.domain.SkipReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Contract section 4, one row at a time. Layouts (see {@link Returns}):
 * RECORD = {@value Returns#RECORD}; MONTHLY = {@value Returns#MONTHLY};
 * QUARTERLY = {@value Returns#QUARTERLY}. The run date is {@code 2024-06-30}.
 */
class RowNormaliserTest {

    private static CleanOffence accepted(String layout, String row) {
        RowOutcome outcome = normalise(header(layout), row);
        assertThat(outcome).as(row).isInstanceOf(RowOutcome.Accepted.class);
        return ((RowOutcome.Accepted) outcome).offence();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    // ------------------------------------------------------------------ rejects

    @ParameterizedTest(name = "[{index}] {1} -> {2} {3}=''{4}''")
    @CsvSource(delimiter = '|', textBlock = """
            # layout  | row                                        | reason            | column             | value
            RECORD    | Narnia,CR1,2024-05-02,86/2,Snapchat         | UNKNOWN_FORCE     | Force              | Narnia
            RECORD    | Kent Fire Service,CR1,2024-05-02,86/2,      | UNKNOWN_FORCE     | Force              | Kent Fire Service
            MONTHLY   | E99999999,2024-05,86/2,,5                   | UNKNOWN_FORCE     | Force              | E99999999
            RECORD    | Kent,CR1,2024-13-02,86/2,Snapchat           | BAD_DATE          | Date Recorded      | 2024-13-02
            RECORD    | Kent,CR1,31/02/2024,86/2,                   | BAD_DATE          | Date Recorded      | 31/02/2024
            RECORD    | Kent,CR1,02/05/24,86/2,                     | BAD_DATE          | Date Recorded      | 02/05/24
            RECORD    | Kent,CR1,05/13/2024,86/2,                   | BAD_DATE          | Date Recorded      | 05/13/2024
            RECORD    | Kent,CR1,2024-05-02 25:00,86/2,             | BAD_DATE          | Date Recorded      | 2024-05-02 25:00
            RECORD    | Kent,CR1,yesterday,86/2,                    | BAD_DATE          | Date Recorded      | yesterday
            RECORD    | Kent,CR1,2002-03-31,86/2,                   | DATE_OUT_OF_RANGE | Date Recorded      | 2002-03-31
            RECORD    | Kent,CR1,31/03/2002 23:59,86/2,             | DATE_OUT_OF_RANGE | Date Recorded      | 31/03/2002 23:59
            RECORD    | Kent,CR1,2024-07-01,86/2,                   | DATE_OUT_OF_RANGE | Date Recorded      | 2024-07-01
            RECORD    | Kent,CR1,1 Jan 2099,86/2,                   | DATE_OUT_OF_RANGE | Date Recorded      | 1 Jan 2099
            MONTHLY   | Kent,2002-03,86/2,,5                        | DATE_OUT_OF_RANGE | Month              | 2002-03
            MONTHLY   | Kent,Jul 2024,86/2,,5                       | DATE_OUT_OF_RANGE | Month              | Jul 2024
            QUARTERLY | Kent,2001/02,4,86/2,,5                      | DATE_OUT_OF_RANGE | Financial Year     | 2001/02
            QUARTERLY | Kent,2001/02,,86/2,,5                       | DATE_OUT_OF_RANGE | Financial Year     | 2001/02
            QUARTERLY | Kent,2024/25,2,86/2,,5                      | DATE_OUT_OF_RANGE | Quarter            | 2
            QUARTERLY | Kent,2024/25,Q4,86/2,,5                     | DATE_OUT_OF_RANGE | Quarter            | Q4
            QUARTERLY | Kent,2025/26,1,86/2,,5                      | DATE_OUT_OF_RANGE | Financial Year     | 2025/26
            QUARTERLY | Kent,2025/26,,86/2,,5                       | DATE_OUT_OF_RANGE | Financial Year     | 2025/26
            MONTHLY   | Kent,2024-13,86/2,,5                        | BAD_PERIOD        | Month              | 2024-13
            MONTHLY   | Kent,Smarch 2024,86/2,,5                    | BAD_PERIOD        | Month              | Smarch 2024
            MONTHLY   | Kent,2024/25,86/2,,5                        | BAD_PERIOD        | Month              | 2024/25
            QUARTERLY | Kent,2023/25,1,86/2,,5                      | BAD_PERIOD        | Financial Year     | 2023/25
            QUARTERLY | Kent,23/24,1,86/2,,5                        | BAD_PERIOD        | Financial Year     | 23/24
            QUARTERLY | Kent,2023,1,86/2,,5                         | BAD_PERIOD        | Financial Year     | 2023
            QUARTERLY | Kent,2023/24,5,86/2,,5                      | BAD_PERIOD        | Quarter            | 5
            QUARTERLY | Kent,2023/24,Q0,86/2,,5                     | BAD_PERIOD        | Quarter            | Q0
            QUARTERLY | Kent,2023/24,Apr-Jun,86/2,,5                | BAD_PERIOD        | Quarter            | Apr-Jun
            RECORD    | Kent,CR1,2024-05-02,86,Snapchat             | BAD_OFFENCE_CODE  | Offence Code       | 86
            RECORD    | Kent,CR1,2024-05-02,8602,                   | BAD_OFFENCE_CODE  | Offence Code       | 8602
            RECORD    | Kent,CR1,2024-05-02,indecent images,        | BAD_OFFENCE_CODE  | Offence Code       | indecent images
            MONTHLY   | Kent,2024-05,86/2/1,,5                      | BAD_OFFENCE_CODE  | Offence Code       | 86/2/1
            MONTHLY   | Kent,2024-05,86/2,,-3                       | BAD_COUNT         | Number of Offences | -3
            MONTHLY   | Kent,2024-05,86/2,,2.5                      | BAD_COUNT         | Number of Offences | 2.5
            MONTHLY   | Kent,2024-05,86/2,,lots                     | BAD_COUNT         | Number of Offences | lots
            MONTHLY   | Kent,2024-05,86/2,,"1,23"                   | BAD_COUNT         | Number of Offences | 1,23
            MONTHLY   | Kent,2024-05,86/2,Snapchat,                 | BAD_COUNT         | Number of Offences | ''
            QUARTERLY | Kent,2023/24,1,86/2,,<five                  | BAD_COUNT         | Count              | <five
            RECORD    | ,CR1,2024-05-02,86/2,Snapchat               | MISSING_VALUE     | Force              | ''
            MONTHLY   | ,2024-05,86/2,,5                            | MISSING_VALUE     | Force              | ''
            RECORD    | Kent,CR1,2024-05-02,,Snapchat               | MISSING_VALUE     | Offence Code       | ''
            RECORD    | Kent,CR1,,86/2,Snapchat                     | MISSING_VALUE     | Date Recorded      | ''
            MONTHLY   | Kent,,86/2,,5                               | MISSING_VALUE     | Month              | ''
            QUARTERLY | Kent,,1,86/2,,5                             | MISSING_VALUE     | Financial Year     | ''
            RECORD    | Kent,CR1,2024-05-02,86/2                    | MALFORMED_ROW     |                    | expected 5 fields, found 4
            RECORD    | Kent,CR1,2024-05-02,86/2,Snapchat,extra     | MALFORMED_ROW     |                    | expected 5 fields, found 6
            MONTHLY   | Kent,"2024-05"x,86/2,,5                     | MALFORMED_ROW     |                    | text after closing quote
            """)
    void rejectsWithReasonColumnAndValue(String layout, String row, RejectReason reason, String column, String value) {
        RowOutcome outcome = normalise(header(layout), row);
        assertThat(outcome).isInstanceOf(RowOutcome.Rejected.class);
        Reject reject = ((RowOutcome.Rejected) outcome).reject();
        assertThat(reject).isEqualTo(new Reject("test.csv", 2, reason, column, orEmpty(value), row));
    }

    // ------------------------------------------------------------------ skips

    @ParameterizedTest(name = "[{index}] {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # layout  | row                                          | skip
            RECORD    | Total,,2024-05-02,86/2,                       | TOTALS_ROW
            RECORD    | Grand Total,,2024-05-02,86/2,                 | TOTALS_ROW
            MONTHLY   | All forces,2024-05,86/2,,120                  | TOTALS_ROW
            MONTHLY   | England and Wales,2024-05,86/2,,120           | TOTALS_ROW
            MONTHLY   | ENGLAND & WALES,2024-05,86/2,,120             | TOTALS_ROW
            QUARTERLY | grand total,2023/24,1,86/2,,300               | TOTALS_ROW
            RECORD    | Kent,CR1,2024-05-02,86/11,Snapchat            | OUT_OF_SCOPE_OFFENCE
            RECORD    | Kent,CR1,2024-05-02,071/17,Snapchat           | OUT_OF_SCOPE_OFFENCE
            MONTHLY   | Kent,2024-05,88.5,,4                          | OUT_OF_SCOPE_OFFENCE
            RECORD    | British Transport Police,CR1,2024-05-02,86/2, | OUT_OF_SCOPE_FORCE
            MONTHLY   | BTP,2024-05,86/2,,3                           | OUT_OF_SCOPE_FORCE
            """)
    void skips(String layout, String row, SkipReason skip) {
        assertThat(normalise(header(layout), row)).isEqualTo(new RowOutcome.Skipped(skip));
    }

    @ParameterizedTest(name = "[{index}] {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # a row that is skipped is not judged on its other values
            # layout  | row                                              | skip
            RECORD    | Total,,not a date,bad code,                       | TOTALS_ROW
            RECORD    | Grand Total,,,,                                   | TOTALS_ROW
            MONTHLY   | England and Wales,2099-01,86/2,,lots              | TOTALS_ROW
            QUARTERLY | All forces,2023/25,Q9,86/2,,-1                    | TOTALS_ROW
            RECORD    | British Transport Police,CR1,31/02/2024,86/2,     | OUT_OF_SCOPE_FORCE
            MONTHLY   | British Transport Police,,86/2,,-4                | OUT_OF_SCOPE_FORCE
            RECORD    | Narnia,CR1,not a date,86/11,                      | OUT_OF_SCOPE_OFFENCE
            RECORD    | ,CR1,,86/11,                                      | OUT_OF_SCOPE_OFFENCE
            MONTHLY   | Kent,2002-01,86/11,,-5                            | OUT_OF_SCOPE_OFFENCE
            QUARTERLY | Kent,2023/24,Q9,86/12,,x1                         | OUT_OF_SCOPE_OFFENCE
            """)
    void skippedRowIsNotRejectedForItsOtherValues(String layout, String row, SkipReason skip) {
        assertThat(normalise(header(layout), row)).isEqualTo(new RowOutcome.Skipped(skip));
    }

    // ------------------------------------------------------------------ values

    @Test
    void acceptedRecordKeepsEveryValue() {
        CleanOffence offence = accepted("RECORD", "Kent Police,KE/123/24,02/05/2024 14:30,086/02,Snapchat app");
        assertThat(offence).isEqualTo(new CleanOffence(new Force("E23000032", "Kent"), "KE/123/24",
                LocalDate.of(2024, 5, 2), FinancialPeriod.ofMonth(YearMonth.of(2024, 5)), OffenceCode.of("86/2"),
                List.of(platform("Snapchat")), "Snapchat app", 1L, false, 2));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # force as written                        | ONS code  | canonical name
            Kent                                      | E23000032 | Kent
            Kent Police                               | E23000032 | Kent
            KENT POLICE                               | E23000032 | Kent
            kent constabulary                         | E23000032 | Kent
            E23000032                                 | E23000032 | Kent
            e23000032                                 | E23000032 | Kent
            Metropolitan Police Service               | E23000001 | Metropolitan Police
            The Metropolitan Police                   | E23000001 | Metropolitan Police
            Devon and Cornwall                        | E23000035 | Devon & Cornwall
            Devon & Cornwall Police                   | E23000035 | Devon & Cornwall
            Avon & Somerset Constabulary              | E23000036 | Avon and Somerset
            Dyfed Powys                               | W15000004 | Dyfed-Powys
            Hampshire and Isle of Wight Constabulary  | E23000030 | Hampshire
            "London, City of"                         | E23000034 | City of London
            Greater Manchester Police                 | E23000005 | Greater Manchester
            """)
    void forceForms(String force, String code, String name) {
        CleanOffence offence = accepted("RECORD", force + ",CR1,2024-05-02,86/2,");
        assertThat(offence.force()).isEqualTo(new Force(code, name));
    }

    @ParameterizedTest(name = "[{index}] {0} ''{1}'' -> {3} Q{4}, {5} months from {6}")
    @CsvSource(delimiter = '|', textBlock = """
            # layout  | period values     | recorded date | year    | quarter | months | first month
            RECORD    | 2024-05-02        | 2024-05-02    | 2024/25 | 1       | 1      | 2024-05
            RECORD    | 02/05/2024        | 2024-05-02    | 2024/25 | 1       | 1      | 2024-05
            RECORD    | 2/5/2024          | 2024-05-02    | 2024/25 | 1       | 1      | 2024-05
            RECORD    | 02-05-2024        | 2024-05-02    | 2024/25 | 1       | 1      | 2024-05
            RECORD    | 2 May 2024        | 2024-05-02    | 2024/25 | 1       | 1      | 2024-05
            RECORD    | 02-May-24         | 2024-05-02    | 2024/25 | 1       | 1      | 2024-05
            RECORD    | 2024-05-02 14:30  | 2024-05-02    | 2024/25 | 1       | 1      | 2024-05
            RECORD    | 02/05/2024 23:59:59 | 2024-05-02  | 2024/25 | 1       | 1      | 2024-05
            RECORD    | 2024-03-31        | 2024-03-31    | 2023/24 | 4       | 1      | 2024-03
            RECORD    | 29/02/2024        | 2024-02-29    | 2023/24 | 4       | 1      | 2024-02
            RECORD    | 2023-12-25        | 2023-12-25    | 2023/24 | 3       | 1      | 2023-12
            RECORD    | 2002-04-01        | 2002-04-01    | 2002/03 | 1       | 1      | 2002-04
            RECORD    | 2024-06-30        | 2024-06-30    | 2024/25 | 1       | 1      | 2024-06
            MONTHLY   | 2024-01           |               | 2023/24 | 4       | 1      | 2024-01
            MONTHLY   | Jan 2024          |               | 2023/24 | 4       | 1      | 2024-01
            MONTHLY   | September 2023    |               | 2023/24 | 2       | 1      | 2023-09
            MONTHLY   | 2002-04           |               | 2002/03 | 1       | 1      | 2002-04
            MONTHLY   | Jun 2024          |               | 2024/25 | 1       | 1      | 2024-06
            QUARTERLY | 2023/24,1         |               | 2023/24 | 1       | 3      | 2023-04
            QUARTERLY | 2023-24,Q2        |               | 2023/24 | 2       | 3      | 2023-07
            QUARTERLY | 2023/2024,q3      |               | 2023/24 | 3       | 3      | 2023-10
            QUARTERLY | 2023-2024,4       |               | 2023/24 | 4       | 3      | 2024-01
            QUARTERLY | FY2023/24,Q4      |               | 2023/24 | 4       | 3      | 2024-01
            QUARTERLY | 2024/25,1         |               | 2024/25 | 1       | 3      | 2024-04
            QUARTERLY | 2023/24,          |               | 2023/24 |         | 12     | 2023-04
            QUARTERLY | 2024/25,          |               | 2024/25 |         | 12     | 2024-04
            QUARTERLY | 2002/03,          |               | 2002/03 |         | 12     | 2002-04
            """)
    void periodForms(String layout, String period, LocalDate date, String year, Integer quarter, int months,
                     YearMonth first) {
        String row = switch (layout) {
            case "RECORD" -> "Kent,CR1," + period + ",86/2,";
            case "MONTHLY" -> "Kent," + period + ",86/2,,4";
            default -> "Kent," + period + ",86/2,,4";
        };
        CleanOffence offence = accepted(layout, row);
        FinancialPeriod p = offence.period();
        assertThat(offence.recordedDate()).isEqualTo(date);
        assertThat(p.year().label()).isEqualTo(year);
        assertThat(p.quarter()).isEqualTo(quarter);
        assertThat(p.months()).hasSize(months).startsWith(first)
                .isEqualTo(java.util.stream.IntStream.range(0, months).mapToObj(first::plusMonths).toList());
        assertThat(p.month()).isEqualTo(months == 1 ? first : null);
    }

    @Test
    void yearOnlyCoversTheTwelveMonthsAprilToMarch() {
        CleanOffence offence = accepted("QUARTERLY", "Kent,2023/24,,86/2,,4");
        assertThat(offence.period()).isEqualTo(FinancialPeriod.ofYear(new FinancialYear(2023)));
        assertThat(offence.period().months()).first().isEqualTo(YearMonth.of(2023, 4));
        assertThat(offence.period().months()).last().isEqualTo(YearMonth.of(2024, 3));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            86/2     | 86/2
            086/02   | 86/2
            86 / 2   | 86/2
            86-2     | 86/2
            86.2     | 86/2
            08602    | 86/2
            86/10    | 86/10
            086/010  | 86/10
            08610    | 86/10
            86.15    | 86/15
            86 - 15  | 86/15
            """)
    void offenceCodeForms(String code, String canonical) {
        CleanOffence offence = accepted("RECORD", "Kent,CR1,2024-05-02," + code + ",");
        assertThat(offence.offenceCode().toString()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # count cell as written | offences (blank = suppressed)
            0                       | 0
            7                       | 7
            "1,234"                 | 1234
            "12,345,678"            | 12345678
            " 42 "                  | 42
            *                       |
            <5                      |
            < 10                    |
            [c]                     |
            [x]                     |
            c                       |
            x                       |
            X                       |
            """)
    void countForms(String count, Long offences) {
        CleanOffence offence = accepted("MONTHLY", "Kent,2024-05,86/2,Snapchat," + count);
        assertThat(offence.offences()).isEqualTo(offences);
        assertThat(offence.suppressed()).isEqualTo(offences == null);
        assertThat(offence.countedOffences()).isEqualTo(offences == null ? 0 : offences);
    }

    @Test
    void recordLayoutRowIsOneOffenceNeverSuppressed() {
        CleanOffence offence = accepted("RECORD", "Kent,CR1,2024-05-02,86/2,");
        assertThat(offence.offences()).isEqualTo(1L);
        assertThat(offence.suppressed()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # platform as written        | canonical platforms (; between) | raw kept
            ''                           | ''                              |
            N/A                          | ''                              | N/A
            NA                           | ''                              | NA
            None                         | ''                              | None
            Unknown                      | ''                              | Unknown
            Not known                    | ''                              | Not known
            Not recorded                 | ''                              | Not recorded
            Not stated                   | ''                              | Not stated
            -                            | ''                              | -
            Snapchat                     | Snapchat                        | Snapchat
            snapchat                     | Snapchat                        | snapchat
            Snapchta                     | Snapchat                        | Snapchta
            Instagarm                    | Instagram                       | Instagarm
            Whatsap                      | WhatsApp                        | Whatsap
            FB                           | Facebook                        | FB
            IG                           | Instagram                       | IG
            X                            | X                               | X
            Twitter                      | X                               | Twitter
            via Instagram DM             | Instagram                       | via Instagram DM
            Snapchat / Instagram         | Snapchat;Instagram              | Snapchat / Instagram
            WhatsApp and Facebook        | WhatsApp;Facebook               | WhatsApp and Facebook
            "Snapchat, Instagram"        | Snapchat;Instagram              | "Snapchat, Instagram"
            Snapchat + Snapchat          | Snapchat                        | Snapchat + Snapchat
            Carrier pigeon               | Unrecognised                    | Carrier pigeon
            Snapchat / carrier pigeon    | Snapchat;Unrecognised           | Snapchat / carrier pigeon
            snapchat.com/add/x           | Snapchat                        | snapchat.com/add/x
            https://www.snapchat.com/add/jdoe | Snapchat                   | https://www.snapchat.com/add/jdoe
            gumtree.com/item/1/x         | Unrecognised                    | gumtree.com/item/1/x
            jdoe@snapchat.com            | Email                           | jdoe@snapchat.com
            """)
    void platforms(String text, String canonical, String raw) {
        CleanOffence offence = accepted("RECORD", "Kent,CR1,2024-05-02,86/2," + text);
        List<String> expected = canonical.isEmpty() ? List.of() : Arrays.asList(canonical.split(";"));
        assertThat(offence.platforms()).extracting(Platform::name).isEqualTo(expected);
        assertThat(offence.platformRecorded()).isEqualTo(!expected.isEmpty());
        String expectedRaw = raw == null ? null : raw.replace("\"", "");
        assertThat(offence.platformRaw()).isEqualTo(expectedRaw);
    }

    @Test
    void unrecognisedPlatformHasNoOwnerOrCategory() {
        CleanOffence offence = accepted("RECORD", "Kent,CR1,2024-05-02,86/2,Carrier pigeon");
        assertThat(offence.platforms()).containsExactly(Platform.UNRECOGNISED);
        assertThat(offence.platforms().get(0).owner()).isNull();
        assertThat(offence.platforms().get(0).category()).isNull();
    }

    @Test
    void noPlatformColumnMeansNotRecorded() {
        RowOutcome outcome = normalise("Force,Date,Offence Code", "Kent,2024-05-02,86/2");
        CleanOffence offence = ((RowOutcome.Accepted) outcome).offence();
        assertThat(offence.platforms()).isEmpty();
        assertThat(offence.platformRaw()).isNull();
        assertThat(offence.crimeReference()).isNull();
    }

    @Test
    void headerNamesInRejectsAreTheFilesOwn() {
        RowOutcome outcome = normalise("police_force,recorded_on,HO-Offence-Code", "Kent,2024-05-02,86");
        assertThat(((RowOutcome.Rejected) outcome).reject().column()).isEqualTo("HO-Offence-Code");
    }

    private static Platform platform(String name) {
        return Returns.REFERENCE.platforms().byName(name).orElseThrow();
    }
}
