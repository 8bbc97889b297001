package org.forcereturns.normalise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the web addresses, e-mail addresses and {@code @handles} in a free-text platform value, so that a
 * URL's path, query and dots are never read as platform names or separators (contract section 4).
 * A dotted name alone ({@code snapchat.com}, {@code snap.chat}, {@code Xbox.Series X}) is no address: it is
 * read as text, where a known host is an alias like any other.
 */
final class WebAddresses {

    /** What a span of a value is. */
    enum Kind {
        /** {@code snapchat.com/add/x}, {@code https://www.snapchat.com}, {@code x.com:443}: one value, named by its host. */
        ADDRESS,
        /** {@code snapchat://add/x}, {@code fb://profile/1}: an app's own link, named by its scheme. */
        APP_LINK,
        /** {@code someone@gmail.com}: the message went by e-mail, whatever the domain. */
        EMAIL,
        /** {@code @jdoe}: an account, which names no platform by itself. */
        HANDLE
    }

    /**
     * A span {@code [start, end)} of the value. {@code labels}: the host's labels, lower case, {@code www}
     * dropped (for an app link, the scheme alone); empty for an e-mail address or a handle.
     */
    record Span(int start, int end, Kind kind, List<String> labels) {
    }

    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    // A top-level label starts with a letter and has two characters or more, so N.A. and 2.5 are no hosts.
    private static final String HOST = "(?:(?:" + LABEL + "\\.)+[a-z][a-z0-9-]*[a-z0-9]|\\d{1,3}(?:\\.\\d{1,3}){3})(?![a-z0-9-])";
    // A path, query or fragment runs to the next space; a comma or semicolon there separates platforms.
    private static final String REST = "[/?#][^\\s,;]*";

    private static final Pattern SPANS = Pattern.compile(
            "(?<![\\w@.%+-])(?:"
                    + "(?:mailto:)?[a-z0-9._%+-]+@(?<mailHost>" + HOST + ")"
                    + "|(?<scheme>[a-z][a-z0-9+.-]*)://(?<after>[^\\s,;]*)"
                    + "|(?<host>" + HOST + ")(?<port>:\\d{1,5})?(?<rest>" + REST + ")?"
                    + "|@[a-z0-9_](?:[a-z0-9_.]*[a-z0-9_])?"
                    + ")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST_FIRST = Pattern.compile(
            "(?:[^\\s/?#@]*@)?(?<host>" + HOST + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern WWW = Pattern.compile("www\\d{0,3}");

    private WebAddresses() {
    }

    /** The spans in {@code raw}, left to right; empty for a value with none (the usual case). */
    static List<Span> find(String raw) {
        if (raw.indexOf('.') < 0 && raw.indexOf('@') < 0 && raw.indexOf(':') < 0) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>(1);
        Matcher m = SPANS.matcher(raw);
        while (m.find()) {
            Span span = span(m);
            if (span != null) {
                spans.add(span);
            }
        }
        return spans;
    }

    /** The span a match is, or null for a dotted name with no scheme, {@code www.}, port or path. */
    private static Span span(Matcher m) {
        if (m.group("mailHost") != null) {
            return new Span(m.start(), m.end(), Kind.EMAIL, List.of());
        }
        if (m.group("scheme") != null) {
            Matcher host = HOST_FIRST.matcher(m.group("after"));
            return host.lookingAt()
                    ? new Span(m.start(), m.end(), Kind.ADDRESS, labels(host.group("host")))
                    : new Span(m.start(), m.end(), Kind.APP_LINK, List.of(lower(m.group("scheme"))));
        }
        if (m.group("host") != null) {
            List<String> labels = labels(m.group("host"));
            boolean bare = m.group("port") == null && m.group("rest") == null
                    && labels.size() == m.group("host").split("\\.").length;
            return bare ? null : new Span(m.start(), m.end(), Kind.ADDRESS, labels);
        }
        return new Span(m.start(), m.end(), Kind.HANDLE, List.of());
    }

    /** The host's labels in lower case, without a leading {@code www} (kept when it is all the host has). */
    private static List<String> labels(String host) {
        List<String> labels = Arrays.asList(lower(host).split("\\."));
        return labels.size() > 2 && WWW.matcher(labels.get(0)).matches() ? List.copyOf(labels.subList(1, labels.size())) : List.copyOf(labels);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
