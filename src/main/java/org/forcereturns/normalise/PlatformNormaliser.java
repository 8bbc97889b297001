package org.forcereturns.normalise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.forcereturns.domain.Platform;

/**
 * Free-text platform values to canonical platforms (contract section 4). Web addresses, e-mail addresses
 * and {@code @handles} are found first ({@link WebAddresses}) and each read as one value: an address names
 * the platform of its host, matched through the aliases (the host, then its parent domains); an app link
 * ({@code snapchat://...}) its scheme; an e-mail address Email; a handle nothing. An address with an unknown
 * host is {@link Platform#UNRECOGNISED}, never split at its dots or slashes. The text around them, in order,
 * for the whole run and then for each part between separators ({@code / , ; & +}, {@code and}):
 * <ol>
 *   <li>not-recorded markers ({@code N/A}, {@code Unknown}, ...) name nothing;</li>
 *   <li>an alias whose folded key (case, spacing, punctuation ignored) equals the value's, first
 *       as written, then without noise words ({@code app}, {@code via}, {@code DM}...);</li>
 *   <li>a small typo of an alias of five letters or more (edit distance 1, or 2 from nine
 *       letters), unless two platforms are equally close;</li>
 *   <li>within a longer phrase, the aliases of five letters or more it contains
 *       ({@code Snapchat messages}, {@code sent via Instagram});</li>
 *   <li>otherwise {@link Platform#UNRECOGNISED}.</li>
 * </ol>
 * Typos are only tried on single parts, so {@code Snapchat/X} never collapses into one platform.
 * Results are memoised per raw value in a bounded concurrent cache.
 */
public final class PlatformNormaliser {

    /** Alias keys shorter than this (FB, IG, X, Kik, SMS, Snap) only match a whole part. */
    static final int MIN_FUZZY_LENGTH = 5;
    private static final int LONG_KEY_LENGTH = 9;
    private static final int MAX_PHRASE_WORDS = 4;

    /** An e-mail address names the platform of this alias (Email in platforms.csv); Unrecognised if none has it. */
    private static final String EMAIL_KEY = "email";

    /** Platforms that match only their exact name: {@code Other} must not swallow {@code Mother}. */
    private static final Set<String> WHOLE_ONLY = Set.of("other");

    /**
     * Ordinary words one edit from a platform name, which are not typos of it. Unlisted words
     * that differ in the first letter (Switch/Twitch, Message/iMessage) are already excluded.
     */
    static final Set<String> NOT_TYPOS = Set.of(
            "thread", "single", "tumbler", "wicker", "twister", "tests");

    private record Candidate(String key, Platform platform, int maxDistance) {
    }

    private final Map<String, Platform> exact;
    private final Map<String, Platform> inPhrases;
    private final List<Candidate> typoTargets;
    private final BoundedCache<String, PlatformMatch> cache;

    public PlatformNormaliser(PlatformCatalogue catalogue) {
        this(catalogue, BoundedCache.DEFAULT_CAPACITY);
    }

    PlatformNormaliser(PlatformCatalogue catalogue, int cacheCapacity) {
        Map<String, Platform> exactKeys = new HashMap<>(catalogue.keysWithoutNoise());
        exactKeys.putAll(catalogue.keys());
        this.exact = Map.copyOf(exactKeys);
        Map<String, Platform> phraseKeys = new HashMap<>();
        List<Candidate> targets = new ArrayList<>();
        catalogue.keys().forEach((key, platform) -> {
            if (key.length() >= MIN_FUZZY_LENGTH && !WHOLE_ONLY.contains(PlatformText.key(platform.name()))) {
                phraseKeys.put(key, platform);
                targets.add(new Candidate(key, platform, key.length() >= LONG_KEY_LENGTH ? 2 : 1));
            }
        });
        // Deterministic order keeps tie detection independent of hash order.
        targets.sort((a, b) -> a.key().compareTo(b.key()));
        this.inPhrases = Map.copyOf(phraseKeys);
        this.typoTargets = List.copyOf(targets);
        this.cache = new BoundedCache<>(cacheCapacity, this::compute);
    }

    public PlatformMatch normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return PlatformMatch.NOT_RECORDED;
        }
        return cache.get(raw);
    }

    /**
     * For the unmapped-values report: the canonical platform nearest to a value, or empty when
     * none is reasonably close or two are equally close. A value that does normalise to one
     * platform suggests that platform. Looser than {@link #normalise}: it is read by a person.
     */
    public Optional<Platform> suggest(String raw) {
        PlatformMatch match = normalise(raw);
        if (!match.recorded()) {
            return Optional.empty();
        }
        if (match.platforms().size() == 1 && !match.hasUnrecognised()) {
            return Optional.of(match.platforms().get(0));
        }
        List<String> words = PlatformText.words(PlatformText.tokens(raw));
        List<String> meaningful = PlatformText.withoutNoise(words);
        String key = PlatformText.key(meaningful.isEmpty() ? words : meaningful);
        if (key.length() < 3) {
            return Optional.empty();
        }
        Optional<Platform> contained = unique(typoTargets.stream()
                .filter(c -> key.contains(c.key())).map(Candidate::platform).distinct().toList());
        if (contained.isPresent()) {
            return contained;
        }
        int best = Integer.MAX_VALUE;
        List<Platform> nearest = new ArrayList<>();
        for (Map.Entry<String, Platform> alias : exact.entrySet()) {
            String target = alias.getKey();
            if (target.length() < 3 || WHOLE_ONLY.contains(target)) {
                continue;
            }
            int limit = Math.max(1, Math.round(Math.min(key.length(), target.length()) / 3f));
            int distance = OptimalStringAlignment.distance(key, target, limit);
            if (distance > limit || distance > best) {
                continue;
            }
            if (distance < best) {
                best = distance;
                nearest.clear();
            }
            if (!nearest.contains(alias.getValue())) {
                nearest.add(alias.getValue());
            }
        }
        return unique(nearest);
    }

    private PlatformMatch compute(String raw) {
        List<WebAddresses.Span> spans = WebAddresses.find(raw);
        if (spans.isEmpty()) {
            List<Platform> named = textMatch(PlatformText.tokens(raw), false, false);
            return named.isEmpty() ? PlatformMatch.NOT_RECORDED : new PlatformMatch(named);
        }
        // Addresses, e-mail addresses and handles are cut out first, so their dots and slashes never split
        // the value; the text between them is matched as before.
        Set<Platform> found = new LinkedHashSet<>();
        boolean handle = false;
        int textStart = 0;
        for (WebAddresses.Span span : spans) {
            Platform named = spanMatch(span);
            handle |= span.kind() == WebAddresses.Kind.HANDLE;
            found.addAll(textMatch(PlatformText.tokens(raw.substring(textStart, span.start())), textStart > 0, true));
            if (named != null) {
                found.add(named);
            }
            textStart = span.end();
        }
        found.addAll(textMatch(PlatformText.tokens(raw.substring(textStart)), textStart > 0, false));
        if (found.isEmpty()) {
            // A handle alone (@jdoe) says a platform was used but not which one.
            return handle ? PlatformMatch.UNRECOGNISED : PlatformMatch.NOT_RECORDED;
        }
        return new PlatformMatch(List.copyOf(found));
    }

    /**
     * The platforms a run of text names: the whole run first, then each part between separators. A part
     * that touches an address or handle with no separator between ({@code via}, {@code profile:}) describes
     * it, so it adds nothing when it names no platform.
     */
    private List<Platform> textMatch(List<String> tokens, boolean followsSpan, boolean precedesSpan) {
        List<String> words = PlatformText.words(tokens);
        if (PlatformText.isNotRecorded(words)) {
            return List.of();
        }
        // The whole value first, so names containing separators or noise still match as one.
        Platform whole = exactMatch(words);
        if (whole != null) {
            return List.of(whole);
        }
        List<List<String>> parts = PlatformText.parts(tokens);
        boolean firstTouches = followsSpan && !tokens.get(0).equals(PlatformText.SEPARATOR);
        boolean lastTouches = precedesSpan && !tokens.get(tokens.size() - 1).equals(PlatformText.SEPARATOR);
        Set<Platform> found = new LinkedHashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            List<String> part = parts.get(i);
            if (PlatformText.isNotRecorded(part)) {
                continue;
            }
            List<Platform> named = matchPart(part);
            boolean touches = (i == 0 && firstTouches) || (i == parts.size() - 1 && lastTouches);
            if (!(touches && named.equals(PlatformMatch.UNRECOGNISED.platforms()))) {
                found.addAll(named);
            }
        }
        return List.copyOf(found);
    }

    /** The platform an address, app link or e-mail address names, Unrecognised if none; null for a handle. */
    private Platform spanMatch(WebAddresses.Span span) {
        Platform named = switch (span.kind()) {
            case ADDRESS -> hostMatch(span.labels());
            case APP_LINK -> exactMatch(PlatformText.words(PlatformText.tokens(span.labels().get(0))));
            case EMAIL -> exact.get(EMAIL_KEY);
            case HANDLE -> null;
        };
        return named == null && span.kind() != WebAddresses.Kind.HANDLE ? Platform.UNRECOGNISED : named;
    }

    /**
     * The platform whose alias is the host ({@code vm.tiktok.com}), else one of its parent domains
     * ({@code web.whatsapp.com} is {@code whatsapp.com}), else a small typo of one; a top-level domain alone
     * never matches. Null when none is known.
     */
    private Platform hostMatch(List<String> labels) {
        List<List<String>> domains = new ArrayList<>();
        for (int from = 0; labels.size() - from >= 2; from++) {
            domains.add(PlatformText.words(PlatformText.tokens(String.join(".", labels.subList(from, labels.size())))));
        }
        for (List<String> domain : domains) {
            Platform platform = exactMatch(domain);
            if (platform != null) {
                return platform;
            }
        }
        for (List<String> domain : domains) {
            Platform platform = typoMatch(PlatformText.key(domain));
            if (platform != null) {
                return platform;
            }
        }
        return null;
    }

    private List<Platform> matchPart(List<String> words) {
        Platform platform = exactMatch(words);
        if (platform == null) {
            platform = typoMatch(PlatformText.key(words));
        }
        List<String> meaningful = PlatformText.withoutNoise(words);
        if (platform == null && meaningful.size() != words.size() && !meaningful.isEmpty()) {
            platform = typoMatch(PlatformText.key(meaningful));
        }
        if (platform != null) {
            return List.of(platform);
        }
        List<Platform> named = scan(meaningful);
        return named.isEmpty() ? List.of(Platform.UNRECOGNISED) : named;
    }

    private Platform exactMatch(List<String> words) {
        Platform platform = exact.get(PlatformText.key(words));
        if (platform == null) {
            List<String> meaningful = PlatformText.withoutNoise(words);
            if (!meaningful.isEmpty() && meaningful.size() != words.size()) {
                platform = exact.get(PlatformText.key(meaningful));
            }
        }
        return platform;
    }

    /** The platforms named inside a phrase, longest runs of words first, left to right. */
    private List<Platform> scan(List<String> words) {
        Set<Platform> named = new LinkedHashSet<>();
        int start = 0;
        while (start < words.size()) {
            Run run = longestRun(words, start, inPhrases::get);
            if (run == null) {
                run = longestRun(words, start, this::typoMatch);
            }
            if (run == null) {
                start++;
            } else {
                named.add(run.platform());
                start += run.length();
            }
        }
        return List.copyOf(named);
    }

    private record Run(int length, Platform platform) {
    }

    /** The longest run of words from {@code start} (at most four) that names a platform, or null. */
    private static Run longestRun(List<String> words, int start, Function<String, Platform> matcher) {
        for (int length = Math.min(MAX_PHRASE_WORDS, words.size() - start); length > 0; length--) {
            Platform platform = matcher.apply(PlatformText.key(words.subList(start, start + length)));
            if (platform != null) {
                return new Run(length, platform);
            }
        }
        return null;
    }

    /** The one platform with an alias a small typo away, or null (none, or a tie). */
    private Platform typoMatch(String key) {
        if (key.length() < MIN_FUZZY_LENGTH - 1 || NOT_TYPOS.contains(key)) {
            return null;
        }
        int best = Integer.MAX_VALUE;
        Platform bestPlatform = null;
        boolean tie = false;
        for (Candidate candidate : typoTargets) {
            if (!sameStart(key, candidate.key())) {
                continue;
            }
            int distance = OptimalStringAlignment.distance(key, candidate.key(), candidate.maxDistance());
            if (distance > candidate.maxDistance() || distance > best) {
                continue;
            }
            if (distance < best) {
                best = distance;
                bestPlatform = candidate.platform();
                tie = false;
            } else if (!candidate.platform().equals(bestPlatform)) {
                tie = true;
            }
        }
        return tie ? null : bestPlatform;
    }

    // Typos rarely hit the first letter; requiring it (or a swap of the first two) keeps
    // Switch from Twitch and Message from iMessage.
    private static boolean sameStart(String a, String b) {
        return a.charAt(0) == b.charAt(0)
                || (a.length() > 1 && b.length() > 1 && a.charAt(0) == b.charAt(1) && a.charAt(1) == b.charAt(0));
    }

    private static Optional<Platform> unique(List<Platform> platforms) {
        return platforms.size() == 1 ? Optional.of(platforms.get(0)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "PlatformNormaliser[" + typoTargets.size() + " typo targets, " + exact.size() + " keys]";
    }
}
