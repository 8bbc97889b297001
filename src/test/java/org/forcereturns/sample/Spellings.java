package org.forcereturns.sample;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.forcereturns.domain.FinancialPeriod;
import org.forcereturns.domain.FinancialYear;

/**
 * How forces write values: every spelling here is one the data contract says must be ACCEPTED (or, for the
 * bad-value helpers, must be REJECTED). Month names are the English three-letter ones (Sep, not Sept).
 */
final class Spellings {

    private Spellings() {
    }

    static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /** Accepted date patterns, each optionally followed by " HH:mm" or " HH:mm:ss". */
    static final List<String> DATE_PATTERNS = List.of(
            "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d MMM yyyy", "dd-MMM-yy");

    /** Markers meaning "platform not recorded". */
    static final List<String> NOT_RECORDED = List.of(
            "", "N/A", "NA", "None", "Unknown", "Not known", "Not recorded", "Not stated", "-");

    /** Values meaning "suppressed" in a count column. */
    static final List<String> SUPPRESSED = List.of("*", "<5", "[c]", "x", "[x]", "c");

    enum CodeStyle { CANONICAL, PADDED, SPACED, DASH, DOT, COMPACT }

    enum FyStyle { SLASH_SHORT, DASH_SHORT, SLASH_LONG, DASH_LONG, FY_PREFIX }

    /** Misspellings, aliases and noise-word forms of a platform, all of which the contract requires to be matched. */
    private static final Map<String, List<String>> PLATFORM_FORMS = Map.ofEntries(
            Map.entry("Snapchat", List.of("Snapchat", "snapchat", "SNAPCHAT", "Snap Chat", "Snapchta", "via Snapchat app",
                    "Snapchat DM", "Snap")),
            Map.entry("Instagram", List.of("Instagram", "instagram", "Insta", "IG", "Instagarm", "Instagram DM")),
            Map.entry("Facebook", List.of("Facebook", "facebook", "FB", "Face Book")),
            Map.entry("Facebook Messenger", List.of("Facebook Messenger", "FB Messenger", "Messenger")),
            Map.entry("WhatsApp", List.of("WhatsApp", "Whatsapp", "Whatsap", "Whats App", "WhatsApp private message")),
            Map.entry("TikTok", List.of("TikTok", "Tik Tok", "tiktok")),
            Map.entry("X", List.of("X", "Twitter")),
            Map.entry("Discord", List.of("Discord", "discord", "Discord online")),
            Map.entry("Kik", List.of("Kik", "Kik Messenger")),
            Map.entry("Text message", List.of("Text message", "SMS", "Text")),
            Map.entry("Email", List.of("Email", "E-mail")),
            Map.entry("YouTube", List.of("YouTube", "You Tube")));

    /** Forms safe inside a value naming several platforms: no noise words, which only make sense around one name. */
    private static boolean usableInList(String form) {
        String lower = form.toLowerCase();
        return !(lower.startsWith("via ") || lower.endsWith(" dm") || lower.endsWith(" message")
                || lower.endsWith(" online") || form.equals("Snap"));
    }

    private static final List<String> SEPARATORS = List.of(" / ", "/", ", ", "; ", " & ", " + ", " and ");

    static String code(String canonical, CodeStyle style) {
        String[] parts = canonical.split("/");
        int cls = Integer.parseInt(parts[0]);
        int sub = Integer.parseInt(parts[1]);
        return switch (style) {
            case CANONICAL -> cls + "/" + sub;
            case PADDED -> String.format(Locale.ROOT, "%03d/%02d", cls, sub);
            case SPACED -> cls + " / " + sub;
            case DASH -> cls + "-" + sub;
            case DOT -> cls + "." + sub;
            case COMPACT -> String.format(Locale.ROOT, "%03d%02d", cls, sub);
        };
    }

    /** A date in one of the accepted patterns, with the optional time part the pattern asks for. */
    static String date(LocalDate d, String pattern, Random rnd) {
        String base = pattern;
        String time = "";
        if (pattern.endsWith(" HH:mm:ss")) {
            base = pattern.substring(0, pattern.length() - 9);
            time = String.format(Locale.ROOT, " %02d:%02d:%02d", rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60));
        } else if (pattern.endsWith(" HH:mm")) {
            base = pattern.substring(0, pattern.length() - 6);
            time = String.format(Locale.ROOT, " %02d:%02d", rnd.nextInt(24), rnd.nextInt(60));
        }
        String mon = MONTHS[d.getMonthValue() - 1];
        String text = switch (base) {
            case "yyyy-MM-dd" -> String.format(Locale.ROOT, "%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            case "dd/MM/yyyy" -> String.format(Locale.ROOT, "%02d/%02d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
            case "d/M/yyyy" -> String.format(Locale.ROOT, "%d/%d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
            case "dd-MM-yyyy" -> String.format(Locale.ROOT, "%02d-%02d-%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
            case "d MMM yyyy" -> String.format(Locale.ROOT, "%d %s %04d", d.getDayOfMonth(), mon, d.getYear());
            case "dd-MMM-yy" -> String.format(Locale.ROOT, "%02d-%s-%02d", d.getDayOfMonth(), mon, d.getYear() % 100);
            default -> throw new IllegalArgumentException("not an accepted date pattern: " + pattern);
        };
        return text + time;
    }

    static String month(YearMonth m, boolean names) {
        return names ? MONTHS[m.getMonthValue() - 1] + " " + m.getYear()
                : String.format(Locale.ROOT, "%04d-%02d", m.getYear(), m.getMonthValue());
    }

    static String financialYear(FinancialYear fy, FyStyle style) {
        int s = fy.startYear();
        return switch (style) {
            case SLASH_SHORT -> fy.label();
            case DASH_SHORT -> String.format(Locale.ROOT, "%d-%02d", s, (s + 1) % 100);
            case SLASH_LONG -> s + "/" + (s + 1);
            case DASH_LONG -> s + "-" + (s + 1);
            case FY_PREFIX -> "FY" + fy.label();
        };
    }

    static String quarter(int q, boolean numeric) {
        return numeric ? Integer.toString(q) : "Q" + q;
    }

    /** A count as written in the count column, with thousands separators if asked ({@code 1,234}). */
    static String count(long n, boolean thousands) {
        return thousands ? String.format(Locale.ROOT, "%,d", n) : Long.toString(n);
    }

    /** A platform value as a force might type it; {@code messy} allows aliases, typos and noise words. */
    static String platform(Mention mention, boolean messy, Random rnd) {
        if (mention.isUnrecognised()) {
            return mention.freeText();
        }
        if (mention.platforms().size() == 1) {
            return form(mention.platforms().get(0), messy, false, rnd);
        }
        String separator = messy ? SEPARATORS.get(rnd.nextInt(SEPARATORS.size())) : " / ";
        List<String> parts = new ArrayList<>();
        for (String p : mention.platforms()) {
            parts.add(form(p, messy, true, rnd));
        }
        return String.join(separator, parts);
    }

    private static String form(String canonical, boolean messy, boolean inList, Random rnd) {
        List<String> forms = PLATFORM_FORMS.get(canonical);
        if (!messy || forms == null || rnd.nextInt(100) < 55) {
            return canonical;
        }
        List<String> usable = inList ? forms.stream().filter(Spellings::usableInList).toList() : forms;
        return usable.get(rnd.nextInt(usable.size()));
    }

    static String notRecorded(List<String> markers, Random rnd) {
        return markers.get(rnd.nextInt(markers.size()));
    }

    /** The quarter or year text of a count cell's period, for the FY and quarter columns. */
    static String quarterOf(FinancialPeriod period, boolean numeric) {
        return period.quarter() == null ? "" : quarter(period.quarter(), numeric);
    }
}
