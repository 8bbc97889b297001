package org.forcereturns.sample;

import static org.forcereturns.sample.ReturnSpec.Encoding.CP1252;
import static org.forcereturns.sample.ReturnSpec.Encoding.UTF8;
import static org.forcereturns.sample.ReturnSpec.Encoding.UTF8_BOM;
import static org.forcereturns.sample.ReturnSpec.Field.BCU;
import static org.forcereturns.sample.ReturnSpec.Field.CODE;
import static org.forcereturns.sample.ReturnSpec.Field.COUNT;
import static org.forcereturns.sample.ReturnSpec.Field.CRIME_REF;
import static org.forcereturns.sample.ReturnSpec.Field.DATE;
import static org.forcereturns.sample.ReturnSpec.Field.DESCRIPTION;
import static org.forcereturns.sample.ReturnSpec.Field.FORCE;
import static org.forcereturns.sample.ReturnSpec.Field.FY;
import static org.forcereturns.sample.ReturnSpec.Field.MONTH;
import static org.forcereturns.sample.ReturnSpec.Field.NOTES;
import static org.forcereturns.sample.ReturnSpec.Field.OUTCOME;
import static org.forcereturns.sample.ReturnSpec.Field.PLATFORM;
import static org.forcereturns.sample.ReturnSpec.Field.QUARTER;
import static org.forcereturns.sample.ReturnSpec.Field.STATION;
import static org.forcereturns.sample.ReturnSpec.Noise.BAD_COUNT;
import static org.forcereturns.sample.ReturnSpec.Noise.BAD_DATE;
import static org.forcereturns.sample.ReturnSpec.Noise.BAD_OFFENCE_CODE;
import static org.forcereturns.sample.ReturnSpec.Noise.BAD_PERIOD;
import static org.forcereturns.sample.ReturnSpec.Noise.DATE_OUT_OF_RANGE;
import static org.forcereturns.sample.ReturnSpec.Noise.DUPLICATE_IN_FILE;
import static org.forcereturns.sample.ReturnSpec.Noise.MALFORMED_LONG;
import static org.forcereturns.sample.ReturnSpec.Noise.MALFORMED_SHORT;
import static org.forcereturns.sample.ReturnSpec.Noise.MISSING_CODE;
import static org.forcereturns.sample.ReturnSpec.Noise.MISSING_FORCE;
import static org.forcereturns.sample.ReturnSpec.Noise.MISSING_PERIOD;
import static org.forcereturns.sample.ReturnSpec.Noise.OUT_OF_SCOPE_CODE;
import static org.forcereturns.sample.ReturnSpec.Noise.TRANSPORT_POLICE;
import static org.forcereturns.sample.ReturnSpec.Noise.UNKNOWN_FORCE;
import static org.forcereturns.sample.Spellings.CodeStyle.CANONICAL;
import static org.forcereturns.sample.Spellings.CodeStyle.COMPACT;
import static org.forcereturns.sample.Spellings.CodeStyle.DASH;
import static org.forcereturns.sample.Spellings.CodeStyle.DOT;
import static org.forcereturns.sample.Spellings.CodeStyle.PADDED;
import static org.forcereturns.sample.Spellings.CodeStyle.SPACED;
import static org.forcereturns.sample.Spellings.FyStyle.DASH_LONG;
import static org.forcereturns.sample.Spellings.FyStyle.DASH_SHORT;
import static org.forcereturns.sample.Spellings.FyStyle.FY_PREFIX;
import static org.forcereturns.sample.Spellings.FyStyle.SLASH_LONG;
import static org.forcereturns.sample.Spellings.FyStyle.SLASH_SHORT;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.forcereturns.domain.FinancialYear;

/**
 * The sample inbox, return by return. Each entry says what the file exercises; src/sample/README.md summarises.
 * Delivery order is path order, so every correction's path sorts after the return it corrects.
 */
final class InboxPlan {

    private static final FinancialYear FY22 = TruthModel.FY_2022;
    private static final FinancialYear FY23 = TruthModel.FY_2023;
    private static final String CRLF = "\r\n";
    private static final String LF = "\n";

    private static final String[] MET_BCUS = {"Central East", "Central North", "Central South", "Central West",
        "East Area", "North Area", "North East", "North West", "South Area", "South East", "South West", "West Area"};

    private InboxPlan() {
    }

    static List<YearMonth> months(String first, String last) {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = YearMonth.parse(first); !m.isAfter(YearMonth.parse(last)); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    /** Every file of the inbox, returns and ignored files alike (plain text files are written separately). */
    static List<ReturnSpec> returns() {
        List<ReturnSpec> r = new ArrayList<>();

        // ---- 2022/23 data, delivered early in 2024 ----
        r.add(ReturnSpec.of("2024-01-19_kent_2022-23.csv", "kent").truth(FY22)
                .columns(FORCE, "Force", CRIME_REF, "Crime Reference", DATE, "Date Recorded", CODE, "Offence Code",
                        DESCRIPTION, "Offence Description", PLATFORM, "Platform", OUTCOME, "Outcome")
                .forces("Kent Police", "Kent").messyPlatforms().notRecorded("", "N/A", "Not recorded")
                .noise(BAD_DATE, OUT_OF_SCOPE_CODE));
        r.add(ReturnSpec.of("2024-01-25_thames-valley_2022-23.csv", "thames-valley").truth(FY22)
                .columns(FORCE, "Force Name", FY, "Financial Year", CODE, "Offence Code", COUNT, "Number of Offences")
                .fy(DASH_LONG).forces("Thames Valley Police", "TVP").dialect(',', UTF8, LF));
        r.add(ReturnSpec.of("2024-02-07_south-wales_2022-23.csv", "south-wales").truth(FY22)
                .columns(FORCE, "Police Force", MONTH, "Month", CODE, "HO Code", PLATFORM, "Platform", COUNT, "Count")
                .dialect('\t', UTF8_BOM, LF).forces("South Wales Police", "W15000003").messyPlatforms()
                .notRecorded("Unknown", "Not known").noise(BAD_COUNT));
        r.add(ReturnSpec.of("2024-03-01_cumbria_2022-23.csv", "cumbria").truth(FY22)
                .columns(FORCE, "Force", MONTH, "Month", CODE, "Crime Code", PLATFORM, "Platform Used",
                        STATION, "Station")
                .monthNames().dialect(';', UTF8, LF).forces("Cumbria Constabulary").messyPlatforms()
                .notRecorded("", "-", "Not stated").noise(UNKNOWN_FORCE));

        // ---- Gwent: quarterly counts for two years, 2023/24 Q3 overstated, re-stated on 2024-07-05 ----
        r.add(ReturnSpec.of("2024-04-03_gwent_quarterly.csv", "gwent").truth(FY22).truth(FY23)
                .bogus(24, months("2023-10", "2023-12"))
                .columns(FORCE, "Reporting Force", FY, "Financial Year", QUARTER, "Quarter", CODE, "Offence Code",
                        PLATFORM, "App", COUNT, "Number of Offences")
                .fy(DASH_SHORT).forces("Gwent Police", "Gwent").codes(PADDED, CANONICAL).notRecorded("", "N/A")
                .noise(BAD_PERIOD, OUT_OF_SCOPE_CODE).totals("Total"));

        // ---- Metropolitan Police: two half-year returns, counts per BCU ----
        r.add(met("2024-04-10_metropolitan_q1-q2.csv", months("2023-04", "2023-09"))
                .noise(BAD_COUNT, OUT_OF_SCOPE_CODE, TRANSPORT_POLICE));
        r.add(ReturnSpec.of("2024-04-12_greater-manchester.csv", "greater-manchester").truth(FY23)
                .columns(FORCE, "Police Force Area", FY, "Financial Year", CODE, "HO Offence Code",
                        DESCRIPTION, "Offence Description", COUNT, "Offence Count")
                .fy(SLASH_LONG).dialect(';', UTF8, CRLF).thousands().forces("Greater Manchester Police", "GMP")
                .totals("Grand Total"));
        r.add(ReturnSpec.of("2024-04-15_west-yorkshire.csv", "west-yorkshire").truth(FY22).truth(FY23)
                .columns(FORCE, "Force", MONTH, "Month", CODE, "Offence Code", COUNT, "Number of Offences")
                .dialect(',', UTF8, LF).forces("West Yorkshire Police", "WYP", "West Yorkshire")
                .noise(BAD_COUNT, BAD_COUNT, OUT_OF_SCOPE_CODE, MISSING_CODE).totals("Grand Total"));
        r.add(ReturnSpec.of("2024-04-18_south-yorkshire.csv", "south-yorkshire").truth(FY23)
                .columns(FORCE, "Force Name", CRIME_REF, "Crime Ref", DATE, "Date Recorded", CODE, "HO Offence Code",
                        DESCRIPTION, "Offence Description", PLATFORM, "Website/App", STATION, "Station",
                        OUTCOME, "Outcome")
                .dates("dd/MM/yyyy", "dd/MM/yyyy HH:mm")
                .forces("South Yorkshire Police", "South Yorkshire", "SYP", "E23000011")
                .codes(CANONICAL, PADDED, COMPACT).messyPlatforms().notRecorded("", "N/A", "Unknown", "-")
                .fancyDescriptions(4).blankLines(2)
                .noise(DUPLICATE_IN_FILE, DUPLICATE_IN_FILE, BAD_DATE, BAD_DATE, MALFORMED_LONG, UNKNOWN_FORCE,
                        OUT_OF_SCOPE_CODE, OUT_OF_SCOPE_CODE, TRANSPORT_POLICE));
        r.add(ReturnSpec.of("2024-04-22_lancashire.csv", "lancashire").truth(FY23)
                .columns(CRIME_REF, "URN", DATE, "Recorded Date", FORCE, "Force", CODE, "Offence Code",
                        PLATFORM, "Method", NOTES, "Notes")
                .dialect('|', UTF8, LF).dates("yyyy-MM-dd HH:mm").forces("Lancashire Constabulary", "LANCASHIRE")
                .codes(DASH, CANONICAL).messyPlatforms().notRecorded("", "Not recorded")
                .noise(DATE_OUT_OF_RANGE, DATE_OUT_OF_RANGE, MISSING_PERIOD));
        r.add(ReturnSpec.of("2024-04-25_west-midlands.csv", "west-midlands").truth(FY23)
                .columns(FORCE, "Force", FY, "FY", CODE, "Offence Code", COUNT, "Number of Offences")
                .fy(FY_PREFIX).thousands().forces("West Midlands Police", "WMP")
                .totals("England and Wales"));
        r.add(ReturnSpec.of("2024-04-26_thames-valley.csv", "thames-valley").truth(FY23)
                .columns(FORCE, "Force", MONTH, "Month", CODE, "Offence Code", DESCRIPTION, "Crime Type",
                        COUNT, "Count")
                .monthNames().forces("Thames Valley Police", "TVP").noise(BAD_OFFENCE_CODE));
        r.add(ReturnSpec.of("2024-04-29_merseyside.csv", "merseyside").truth(FY23)
                .columns(FORCE, "PFA", CRIME_REF, "Crime Number", DATE, "Date", CODE, "Crime Code",
                        DESCRIPTION, "Offence", PLATFORM, "Site/App", NOTES, "Notes")
                .dialect(';', CP1252, CRLF).dates("d/M/yyyy", "d/M/yyyy HH:mm").forces("Merseyside Police", "MERSEYSIDE")
                .codes(DOT, SPACED).messyPlatforms().notRecorded("", "None", "Not stated").fancyDescriptions(3)
                .noise(MISSING_FORCE, MISSING_CODE, BAD_OFFENCE_CODE, MALFORMED_SHORT, TRANSPORT_POLICE));

        // ---- Bedfordshire: a draft without the offence code column, then the real return ----
        r.add(ReturnSpec.of("2024-04-30_bedfordshire_draft.csv", "bedfordshire").bogus(60, months("2023-04", "2024-03"))
                .columns(FORCE, "Force", MONTH, "Month", DESCRIPTION, "Offence Description", COUNT, "Number of Offences")
                .forces("Bedfordshire Police"));

        // ---- Hampshire: January to March 2024 overstated, re-stated on 2024-06-14 ----
        r.add(ReturnSpec.of("2024-05-02_hampshire.csv", "hampshire").truth(FY23).bogus(45, months("2024-01", "2024-03"))
                .columns(FORCE, "Force", CRIME_REF, "Crime Ref", DATE, "Date Recorded", CODE, "Offence Code",
                        DESCRIPTION, "Offence Description", PLATFORM, "Platform", NOTES, "Notes")
                .dialect(';', CP1252, CRLF).dates("d/M/yyyy HH:mm", "d/M/yyyy")
                .forces("Hampshire & IOW", "Hampshire and Isle of Wight Constabulary", "Hampshire Constabulary",
                        "Hampshire")
                .messyPlatforms().notRecorded("", "N/A", "Not known").blankLines(1)
                .noise(UNKNOWN_FORCE, TRANSPORT_POLICE, OUT_OF_SCOPE_CODE, BAD_DATE));
        r.add(ReturnSpec.of("2024-05-03_bedfordshire.csv", "bedfordshire").truth(FY23)
                .columns(FORCE, "Force", MONTH, "Month", CODE, "Offence Code", COUNT, "Number of Offences")
                .dialect(',', UTF8, LF).forces("Bedfordshire Police"));
        r.add(ReturnSpec.of("2024-05-07_essex.csv", "essex").truth(FY23)
                .columns(FORCE, "Force", CRIME_REF, "Crime ID", DATE, "Date Crime Recorded", CODE, "Offence Code",
                        PLATFORM, "Online Platform", OUTCOME, "Investigation Status")
                .dialect(',', UTF8, LF).dates("dd-MM-yyyy").forces("Essex Police", "ESSEX").messyPlatforms()
                .notRecorded("", "Unknown").noise(MISSING_PERIOD, BAD_DATE, DUPLICATE_IN_FILE));
        r.add(ReturnSpec.of("2024-05-09_devon-and-cornwall.csv", "devon-and-cornwall").truth(FY23)
                .columns(FORCE, "Force", FY, "Financial Year", QUARTER, "Financial Quarter", CODE, "Offence Code",
                        COUNT, "Number of Offences")
                .fy(SLASH_LONG).dialect(',', UTF8, LF).forces("Devon and Cornwall Police", "Devon & Cornwall")
                .codes(COMPACT));
        r.add(ReturnSpec.of("2024-05-10_avon-and-somerset.csv", "avon-and-somerset").truth(FY23)
                .columns(FORCE, "Force", CRIME_REF, "Crime Reference", DATE, "Recorded Date", CODE, "Offence Code",
                        PLATFORM, "Platform")
                .dates("yyyy-MM-dd").forces("Avon & Somerset Constabulary", "Avon and Somerset")
                .notRecorded(Spellings.NOT_RECORDED.toArray(String[]::new))
                .noise(OUT_OF_SCOPE_CODE, OUT_OF_SCOPE_CODE, OUT_OF_SCOPE_CODE, BAD_OFFENCE_CODE));
        r.add(ReturnSpec.of("2024-05-13_sussex.csv", "sussex").truth(FY23)
                .columns(FORCE, "Police Force", FY, "FY", QUARTER, "Quarter", CODE, "Offence Code", COUNT, "Count")
                .fy(DASH_LONG).numericQuarter().dialect('\t', UTF8, CRLF).forces("Sussex Police"));
        r.add(ReturnSpec.of("2024-05-14_hertfordshire.csv", "hertfordshire").truth(FY23)
                .columns(MONTH, "Month", FORCE, "Force", CODE, "Offence Code", COUNT, "Offences")
                .forces("Hertfordshire Constabulary").noise(UNKNOWN_FORCE).totals("Total"));
        r.add(ReturnSpec.of("2024-05-15_cheshire.csv", "cheshire").truth(FY23)
                .columns(FORCE, "Force", MONTH, "Month", CODE, "Offence Code", PLATFORM, "Platform",
                        COUNT, "Number of Offences")
                .dialect(';', UTF8_BOM, CRLF).forces("Cheshire Constabulary", "Cheshire").messyPlatforms()
                .notRecorded("Not recorded", "Unknown").noise(BAD_COUNT));
        r.add(ReturnSpec.of("2024-05-16_durham.csv", "durham").truth(FY23)
                .columns(FORCE, "Force", CRIME_REF, "CRN", MONTH, "Month", CODE, "Offence Code", PLATFORM, "Platform")
                .forces("Durham Constabulary", "Durham").messyPlatforms().notRecorded("", "N/A")
                .noise(DUPLICATE_IN_FILE));
        r.add(ReturnSpec.of("2024-05-17_north-yorkshire.csv", "north-yorkshire").truth(FY23)
                .columns(FORCE, "Force", FY, "Financial Year", CODE, "Offence Code", COUNT, "Number of Offences")
                .fy(FY_PREFIX).forces("NYP", "North Yorkshire Police"));
        r.add(ReturnSpec.of("2024-05-20_nottinghamshire.csv", "nottinghamshire").truth(FY23)
                .columns(FORCE, "Force", MONTH, "Month", CODE, "Offence Code", COUNT, "Number")
                .monthNames().dialect('|', UTF8, CRLF).forces("Nottinghamshire Police").noise(MISSING_FORCE));
        r.add(ReturnSpec.of("2024-05-21_leicestershire.csv", "leicestershire").truth(FY23)
                .columns(FORCE, "Force", FY, "Financial Year", QUARTER, "Quarter", CODE, "HO Code",
                        COUNT, "Number of Offences")
                .forces("Leicestershire Police").codes(PADDED));
        r.add(ReturnSpec.of("2024-05-22_lincolnshire.csv", "lincolnshire").truth(FY23)
                .columns(FORCE, "Force", CRIME_REF, "Crime Reference", DATE, "Date Recorded", CODE, "Offence Code",
                        DESCRIPTION, "Offence Description")
                .dates("d MMM yyyy").forces("Lincolnshire Police", "LINCOLNSHIRE").fancyDescriptions(5)
                .noise(BAD_DATE, OUT_OF_SCOPE_CODE));
        r.add(ReturnSpec.of("2024-05-23_northamptonshire.csv", "northamptonshire").truth(FY23)
                .columns(FORCE, "Force", MONTH, "Month", CODE, "Offence Code", COUNT, "Count")
                .dialect('\t', UTF8, LF).forces("Northamptonshire Police"));
        r.add(ReturnSpec.of("2024-05-24_cambridgeshire.csv", "cambridgeshire").truth(FY23)
                .columns(FORCE, "Force", FY, "Financial Year", CODE, "Offence Code", DESCRIPTION, "Offence Description",
                        COUNT, "Number of Offences")
                .fy(DASH_SHORT).forces("Cambridgeshire Constabulary"));
        r.add(ReturnSpec.of("2024-05-28_humberside.csv", "humberside").truth(FY23)
                .columns(FORCE, "Force Name", MONTH, "Month", CODE, "Offence Code", COUNT, "Offence Count")
                .forces("Humberside Constabulary", "Humberside Police").noise(BAD_OFFENCE_CODE));
        r.add(ReturnSpec.of("2024-05-29_cleveland.csv", "cleveland").truth(FY23)
                .columns(FORCE, "Force", FY, "Financial Year", QUARTER, "Quarter", CODE, "Offence Code",
                        COUNT, "Number of Offences")
                .dialect('|', UTF8, LF).forces("Cleveland Police"));

        // ---- Warwickshire: an empty upload, then the return ----
        r.add(ReturnSpec.emptyFile("2024-05-31_warwickshire.csv", "warwickshire"));
        r.add(ReturnSpec.of("2024-06-03_warwickshire.csv", "warwickshire").truth(FY23)
                .columns(FORCE, "Force", MONTH, "Month", CODE, "Offence Code", COUNT, "Number of Offences")
                .forces("Warwickshire Police"));
        r.add(ReturnSpec.of("2024-06-04_west-mercia.csv", "west-mercia").truth(FY23)
                .columns(FORCE, "Force", FY, "Financial Year", CODE, "Offence Code", COUNT, "Number of Offences")
                .forces("West Mercia Police").totals("All forces"));
        r.add(ReturnSpec.of("2024-06-05_gloucestershire.csv", "gloucestershire").truth(FY23)
                .columns(FORCE, "Force", MONTH, "Month", BCU, "Area", CODE, "Offence Code", COUNT, "Number of Offences")
                .forces("Gloucestershire Constabulary").splitByBcu("Cheltenham", "Gloucester", "Stroud", "Forest of Dean",
                        "Cotswolds", "Tewkesbury").zeroCells());
        r.add(ReturnSpec.of("2024-06-06_city-of-london.csv", "city-of-london").truth(FY23)
                .columns(FORCE, "Force", MONTH, "Month", CODE, "Offence Code", COUNT, "Number of Offences")
                .forces("London, City of", "City of London Police", "E23000034").suppressZeroCells());
        r.add(ReturnSpec.of("2024-06-07_norfolk.csv", "norfolk").truth(FY23)
                .columns(FORCE, "Force", CRIME_REF, "Crime Number", DATE, "Recorded On", CODE, "Offence Code",
                        PLATFORM, "App")
                .dates("dd-MMM-yy").forces("Norfolk Constabulary").messyPlatforms().notRecorded("", "NA")
                .noise(BAD_DATE, DATE_OUT_OF_RANGE));
        r.add(ReturnSpec.of("2024-06-10_suffolk.csv", "suffolk").truth(FY23)
                .columns(FORCE, "Force", CRIME_REF, "Crime Ref", DATE, "Date Recorded", CODE, "HO Offence Code",
                        PLATFORM, "Platform")
                .dates("dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy").forces("Suffolk Constabulary", "SUFFOLK").messyPlatforms()
                .notRecorded("", "Not recorded"));
        r.add(ReturnSpec.of("2024-06-11_surrey.csv", "surrey").truth(FY23)
                .columns(FORCE, "Force", CRIME_REF, "Crime Reference", FY, "Financial Year", QUARTER, "Quarter",
                        CODE, "Offence Code", PLATFORM, "Platform")
                .forces("Surrey Police").messyPlatforms().notRecorded("", "Unknown")
                .noise(BAD_PERIOD, BAD_PERIOD));
        r.add(ReturnSpec.of("2024-06-12_wiltshire.csv", "wiltshire").truth(FY23)
                .columns(FORCE, "Force", MONTH, "Month", CODE, "Offence Code", PLATFORM, "Platform",
                        COUNT, "Number of Offences")
                .monthNames().forces("Wiltshire Police").messyPlatforms().notRecorded("Not recorded"));
        r.add(ReturnSpec.of("2024-06-13_dorset.csv", "dorset").truth(FY23)
                .columns(FORCE, "Force", CRIME_REF, "Crime Reference", DATE, "Date Recorded", CODE, "Offence Code",
                        DESCRIPTION, "Offence Description", PLATFORM, "Platform")
                .dates("yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss").quoteAll().forces("Dorset Police").messyPlatforms()
                .notRecorded("", "N/A").fancyDescriptions(3));
        r.add(ReturnSpec.of("2024-06-14_hampshire_correction.csv", "hampshire").truth(FY23, months("2024-01", "2024-03"))
                .columns(FORCE, "Force Name", CRIME_REF, "Crime Ref", DATE, "Date Recorded", CODE, "HO Offence Code",
                        PLATFORM, "Platform")
                .forces("Hampshire", "Hampshire & IOW").messyPlatforms().notRecorded("", "N/A")
                .noise(UNKNOWN_FORCE));
        r.add(ReturnSpec.of("2024-06-17_staffordshire.csv", "staffordshire").truth(FY23)
                .columns(FORCE, "Force", FY, "Financial Year", CODE, "Offence Code", PLATFORM, "Platform",
                        COUNT, "Number of Offences")
                .forces("Staffordshire Police").messyPlatforms().notRecorded("Not recorded"));
        r.add(ReturnSpec.of("2024-06-18_derbyshire.csv", "derbyshire").truth(FY23)
                .columns(FORCE, "Force", CRIME_REF, "Crime Reference", DATE, "Date Recorded", CODE, "Offence Code",
                        PLATFORM, "Platform")
                .dates("yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d MMM yyyy", "dd-MMM-yy",
                        "yyyy-MM-dd HH:mm", "dd/MM/yyyy HH:mm:ss", "d MMM yyyy HH:mm")
                .forces("Derbyshire Constabulary", "E23000018", "derbyshire")
                .codes(CANONICAL, PADDED, SPACED, DASH, DOT, COMPACT).messyPlatforms()
                .notRecorded(Spellings.NOT_RECORDED.toArray(String[]::new))
                .noise(BAD_DATE, DUPLICATE_IN_FILE, MALFORMED_LONG));
        r.add(ReturnSpec.of("2024-06-20_south-wales.csv", "south-wales").truth(FY23)
                .columns(FORCE, "Police Force Area", CRIME_REF, "Crime Number", DATE, "Recorded On",
                        CODE, "Home Office Code", DESCRIPTION, "Offence Description", PLATFORM, "Platform Used")
                .dialect('\t', UTF8_BOM, LF).dates("yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss")
                .forces("South Wales Police", "W15000003", "South Wales").messyPlatforms().notRecorded("", "Unknown")
                .fancyDescriptions(3).noise(DUPLICATE_IN_FILE, BAD_OFFENCE_CODE, TRANSPORT_POLICE));
        r.add(ReturnSpec.of("2024-06-24_north-wales.csv.gz", "north-wales").truth(FY23)
                .columns(FORCE, "PFA", CRIME_REF, "CRN", DATE, "Date Crime Recorded", CODE, "Crime Code",
                        PLATFORM, "Online Platform", STATION, "Station")
                .dialect('|', UTF8, LF).dates("d MMM yyyy").forces("North Wales Police", "W15000001").messyPlatforms()
                .notRecorded("", "-").noise(MISSING_PERIOD, OUT_OF_SCOPE_CODE));
        r.add(ReturnSpec.duplicate("2024-06-28_lancashire_resend.csv", "lancashire", "2024-04-22_lancashire.csv"));
        r.add(met("2024-07-01_metropolitan_q3-q4.csv", months("2023-10", "2024-03")).totals("Total"));
        r.add(ReturnSpec.of("2024-07-05_gwent_q3-restated.csv", "gwent").truth(FY23, months("2023-10", "2023-12"))
                .columns(FORCE, "Force", FY, "FY", QUARTER, "FQ", CODE, "HO Code", PLATFORM, "Platform",
                        COUNT, "Number of Offences")
                .forces("Gwent Police").notRecorded("", "Not recorded"));
        r.add(ReturnSpec.of("2024-07-08_kent.csv", "kent").truth(FY23)
                .columns(CRIME_REF, "Crime Reference", FORCE, "Force Name", DATE, "Date Recorded", CODE, "Offence Code",
                        DESCRIPTION, "Offence Description", PLATFORM, "Platform")
                .dates("dd/MM/yyyy", "d/M/yyyy").forces("KENT", "E23000032", "Kent Police", "Kent")
                .codes(CANONICAL, SPACED, DASH).messyPlatforms().notRecorded("", "N/A", "Not recorded")
                .fancyDescriptions(3).blankLines(1).allEmptyLine()
                .noise(UNKNOWN_FORCE, BAD_DATE, MISSING_CODE, DUPLICATE_IN_FILE, TRANSPORT_POLICE));
        r.add(ReturnSpec.of("2024-07-10_cumbria.csv", "cumbria").truth(FY23)
                .columns(FORCE, "Force", CRIME_REF, "Crime Ref", DATE, "Date", CODE, "Offence Code", PLATFORM, "Platform")
                .dates("dd-MM-yyyy").forces("Cumbria Constabulary", "Cumbria").messyPlatforms()
                .notRecorded("", "None"));
        r.add(ReturnSpec.of("2024-07-15_northumbria.csv", "northumbria").truth(FY22).truth(FY23)
                .columns(FORCE, "Force", FY, "Financial Year", QUARTER, "Quarter", CODE, "Offence Code",
                        COUNT, "Number of Offences")
                .fy(DASH_SHORT).forces("Northumbria Police").totalsFirst("Total"));
        r.add(ReturnSpec.duplicate("2024-08-01_cheshire_resend.csv.gz", "cheshire", "2024-05-15_cheshire.csv"));

        // ---- Essex: a resubmission so broken that it is quarantined; its figures must not replace anything ----
        r.add(ReturnSpec.of("2024-09-12_essex_resubmission.csv", "essex").bogus(36, months("2023-10", "2024-03"))
                .columns(FORCE, "Force", CRIME_REF, "Crime ID", DATE, "Date Crime Recorded", CODE, "Offence Code",
                        PLATFORM, "Online Platform")
                .dialect(',', UTF8, LF).dates("dd-MM-yyyy").forces("Essex Police")
                .noise(BAD_DATE, BAD_DATE, BAD_DATE, MISSING_FORCE, MISSING_FORCE, BAD_OFFENCE_CODE, BAD_OFFENCE_CODE,
                        UNKNOWN_FORCE, UNKNOWN_FORCE));

        // ---- a late return in a subfolder ----
        r.add(ReturnSpec.of("late-returns/2024-06-03_dyfed-powys.csv", "dyfed-powys").truth(FY23)
                .columns(FORCE, "Force", CRIME_REF, "Crime Reference", DATE, "Date Recorded", CODE, "Offence Code",
                        PLATFORM, "Platform")
                .dialect(';', UTF8, CRLF).dates("dd-MMM-yy").forces("Dyfed Powys", "Dyfed-Powys Police")
                .messyPlatforms().notRecorded("", "N/A").noise(UNKNOWN_FORCE));

        // ---- not returns: a hidden file with figures that must never be counted ----
        r.add(ReturnSpec.of(".hidden.csv", "kent").bogus(50, months("2023-04", "2024-03")).ignored()
                .columns(FORCE, "Force", CRIME_REF, "Crime Reference", DATE, "Date Recorded", CODE, "Offence Code",
                        PLATFORM, "Platform")
                .forces("Kent Police"));
        return r;
    }

    private static ReturnSpec met(String path, List<YearMonth> months) {
        return ReturnSpec.of(path, "metropolitan").truth(FY23, months)
                .columns(FORCE, "Force", FY, "FY", QUARTER, "FQ", BCU, "BCU", CODE, "Home Office Code",
                        COUNT, "Offences")
                .numericQuarter().forces("Metropolitan Police Service", "Met", "MPS").splitByBcu(MET_BCUS);
    }
}
