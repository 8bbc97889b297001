package org.forcereturns.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.forcereturns.domain.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformNormaliserTest {

    private static final PlatformCatalogue CATALOGUE = PlatformCatalogue.bundled();
    private static final PlatformNormaliser NORMALISER = new PlatformNormaliser(CATALOGUE);

    /** Canonical names, {@code ?} for Unrecognised, separated by {@code ;}. */
    private static List<Platform> platforms(String names) {
        return Arrays.stream(names.split(";"))
                .map(String::trim)
                .map(n -> n.equals("?") ? Platform.UNRECOGNISED : CATALOGUE.byName(n).orElseThrow(() -> new AssertionError(n)))
                .toList();
    }

    private static List<Platform> normalised(String raw) {
        return NORMALISER.normalise(raw).platforms();
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is not recorded")
    @ValueSource(strings = {"", " ", "N/A", "n/a", "NA", "N.A.", "None", "NONE", "Unknown", "unknown", "Not known",
            "not-known", "Not recorded", "NOT RECORDED", "Not stated", "-", "--", "?", "N/K", "Not applicable",
            "Nil", "NULL", "Unknown app", "N/A; None", "n/a / unknown"})
    void notRecorded(String raw) {
        PlatformMatch match = NORMALISER.normalise(raw);
        assertThat(match.recorded()).isFalse();
        assertThat(match.platforms()).isEmpty();
        assertThat(match.hasUnrecognised()).isFalse();
    }

    @Test
    void nullIsNotRecorded() {
        assertThat(NORMALISER.normalise(null)).isEqualTo(PlatformMatch.NOT_RECORDED);
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Snapchat                    | Snapchat
            snapchat                    | Snapchat
            SNAPCHAT                    | Snapchat
            ' Snapchat '                | Snapchat
            Snap Chat                   | Snapchat
            Snap-chat                   | Snapchat
            snap.chat                   | Snapchat
            Snap                        | Snapchat
            SC                          | Snapchat
            Instagram                   | Instagram
            Insta                       | Instagram
            IG                          | Instagram
            Instagram DM                | Instagram
            Instagram direct message    | Instagram
            Instagram Direct Messages   | Instagram
            Instagram private message   | Instagram
            Insta DM                    | Instagram
            IG DM                       | Instagram
            Facebook                    | Facebook
            FB                          | Facebook
            Face Book                   | Facebook
            Facebook Messenger          | Facebook Messenger
            FB Messenger                | Facebook Messenger
            Messenger                   | Facebook Messenger
            Face book messenger         | Facebook Messenger
            WhatsApp                    | WhatsApp
            Whats App                   | WhatsApp
            What's App                  | WhatsApp
            Whats App DM                | WhatsApp
            WA                          | WhatsApp
            Whatsapp app                | WhatsApp
            via WhatsApp                | WhatsApp
            WhatsApp (online)           | WhatsApp
            X                           | X
            x                           | X
            Twitter                     | X
            X (formerly Twitter)        | X
            x formerly twitter          | X
            Twitter DM                  | X
            Twitter / X                 | X
            X/Twitter                   | X
            TikTok                      | TikTok
            Tik Tok                     | TikTok
            Tik-Tok app                 | TikTok
            YouTube                     | YouTube
            You Tube                    | YouTube
            Kik                         | Kik
            KIK                         | Kik
            Kik Messenger               | Kik
            Threads                     | Threads
            Signal                      | Signal
            iMessage                    | iMessage
            I message                   | iMessage
            FaceTime                    | FaceTime
            Face Time                   | FaceTime
            Xbox                        | Xbox Live
            X Box                       | Xbox Live
            Xbox Live                   | Xbox Live
            Xbox One                    | Xbox Live
            PSN                         | PlayStation Network
            PlayStation                 | PlayStation Network
            Play Station                | PlayStation Network
            PS4                         | PlayStation Network
            VK                          | VKontakte
            VKontakte                   | VKontakte
            SMS                         | Text message
            MMS                         | Text message
            Text                        | Text message
            Texts                       | Text message
            Text message                | Text message
            Text messages               | Text message
            Text msg                    | Text message
            Email                       | Email
            E-mail                      | Email
            e mail                      | Email
            Gmail                       | Email
            Other                       | Other
            OTHER                       | Other
            Other app                   | Other
            Snäpchat                    | Snapchat
            """)
    void matchesNamesAndAliasesWhatever(String raw, String expected) {
        assertThat(normalised(raw)).isEqualTo(platforms(expected));
    }

    @ParameterizedTest(name = "[{index}] typo ''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Snapchta          | Snapchat
            Snapchatt         | Snapchat
            Snpchat           | Snapchat
            Instagarm         | Instagram
            Instagramm        | Instagram
            Intsagarm         | Instagram
            Instgram          | Instagram
            Whatsap           | WhatsApp
            Whatapp           | WhatsApp
            Facebok           | Facebook
            Facebookk         | Facebook
            Faecbook          | Facebook
            Facebook Mesenger | Facebook Messenger
            Telegarm          | Telegram
            Discrod           | Discord
            Youtbe            | YouTube
            Tiktock           | TikTok
            Threds            | Threads
            Sigmal            | Signal
            Omegel            | Omegle
            Roblx             | Roblox
            Minecarft         | Minecraft
            Fortnight         | Fortnite
            Snapchta app      | Snapchat
            nSapchat          | Snapchat
            """)
    void matchesSmallTyposOfLongNames(String raw, String expected) {
        assertThat(normalised(raw)).isEqualTo(platforms(expected));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Snapchat / Instagram            | Snapchat; Instagram
            Snapchat/Instagram              | Snapchat; Instagram
            WhatsApp and Facebook           | WhatsApp; Facebook
            WhatsApp AND Facebook           | WhatsApp; Facebook
            'Snapchat, Instagram, TikTok'   | Snapchat; Instagram; TikTok
            Snapchat; Kik                   | Snapchat; Kik
            Snapchat & Instagram            | Snapchat; Instagram
            Snapchat + Instagram            | Snapchat; Instagram
            Instagram / Snapchat            | Instagram; Snapchat
            Snapchat / Snap / SC            | Snapchat
            Snapchat / Instagram / Snapchat | Snapchat; Instagram
            Snapchat/X                      | Snapchat; X
            FB / IG                         | Facebook; Instagram
            Instagarm and Whatsap           | Instagram; WhatsApp
            Snapchat / N/A                  | Snapchat
            Snapchat / unknown              | Snapchat
            Snapchat / Blahchat             | Snapchat; ?
            Gumtree / Snapchat / Craigslist | ?; Snapchat
            Text/SMS                        | Text message
            Facebook Messenger & WhatsApp   | Facebook Messenger; WhatsApp
            Snapchat /                      | Snapchat
            Snapchat messages               | Snapchat
            Sent via Instagram              | Instagram
            Facebook (Meta)                 | Facebook
            Snapchat then WhatsApp          | Snapchat; WhatsApp
            Snapchta messages               | Snapchat
            Fake Instagram account          | Instagram
            """)
    void splitsValuesNamingSeveralPlatforms(String raw, String expected) {
        assertThat(normalised(raw)).isEqualTo(platforms(expected));
    }

    /** Contract section 4: an address names the one platform of its host, whatever its path, query or case. */
    @ParameterizedTest(name = "[{index}] ''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.snapchat.com/add/jdoe                  | Snapchat
            snapchat.com/add/x                                 | Snapchat
            snapchat.com/add/X                                 | Snapchat
            HTTPS://WWW.SNAPCHAT.COM/ADD/JDOE                  | Snapchat
            http://snapchat.com:443/add/x?src=fb&ref=ig+x#top  | Snapchat
            www.snapchat.com                                   | Snapchat
            snapchat.com                                       | Snapchat
            snapchat.com:8080                                  | Snapchat
            https://story.snapchat.com/s/jdoe                  | Snapchat
            m.facebook.com/profile.php?id=123                  | Facebook
            https://m.facebook.com/messages/t/1                | Facebook
            facebook.com/groups/x/posts/1                      | Facebook
            fb.com/jdoe                                        | Facebook
            instagram.com/p/abc                                | Instagram
            https://www.instagram.com/jdoe/?hl=en              | Instagram
            instagr.am/p/x                                     | Instagram
            wa.me/447700900000                                 | WhatsApp
            https://web.whatsapp.com/                          | WhatsApp
            chat.whatsapp.com/invite/abc                       | WhatsApp
            t.me/joinchat/abc                                  | Telegram
            https://t.me/s/channel                             | Telegram
            discord.gg/abc                                     | Discord
            https://discord.com/channels/1/2                   | Discord
            tiktok.com/@x                                      | TikTok
            https://www.tiktok.com/@jdoe/video/1               | TikTok
            vm.tiktok.com/ZMabc/                               | TikTok
            vt.tiktok.com/x                                    | TikTok
            x.com/jdoe                                         | X
            X.COM/JDOE                                         | X
            https://twitter.com/jdoe/status/1                  | X
            mobile.twitter.com/jdoe                            | X
            t.co/abc                                           | X
            youtu.be/abc                                       | YouTube
            m.youtube.com/watch?v=abc&t=1                      | YouTube
            m.me/jdoe                                          | Facebook Messenger
            reddit.com/r/x                                     | Reddit
            https://snapchat.com/add/x.                        | Snapchat
            (snapchat.com/add/x)                               | Snapchat
            <https://snapchat.com/add/x>                       | Snapchat
            snapchat.com.                                      | Snapchat
            snapchta.com/add/x                                 | Snapchat
            snapchat://add/jdoe                                | Snapchat
            fb://profile/1                                     | Facebook
            """)
    void aWebAddressNamesThePlatformOfItsHost(String raw, String expected) {
        assertThat(normalised(raw)).isEqualTo(platforms(expected));
    }

    /** An e-mail address says the message went by e-mail, whatever its domain. */
    @ParameterizedTest(name = "[{index}] ''{0}'' is Email")
    @ValueSource(strings = {"someone@gmail.com", "jdoe@snapchat.com", "First.Last+tag@police.uk",
            "mailto:someone@example.org", "Email: someone@hotmail.co.uk", "someone@gmail.com."})
    void anEmailAddressIsEmail(String raw) {
        assertThat(normalised(raw)).isEqualTo(platforms("Email"));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Snapchat / instagram.com/p/x                  | Snapchat; Instagram
            instagram.com/p/x / Snapchat                  | Instagram; Snapchat
            Snapchat/instagram.com/p/x                    | Snapchat; Instagram
            snapchat.com/add/x and wa.me/44               | Snapchat; WhatsApp
            'snapchat.com/add/x, instagram.com/p/y'       | Snapchat; Instagram
            snapchat.com/add/x;instagram.com/p/y          | Snapchat; Instagram
            Snapchat (snapchat.com/add/jdoe)              | Snapchat
            Snapchat: https://www.snapchat.com/add/jdoe   | Snapchat
            via snapchat.com/add/x                        | Snapchat
            profile: instagram.com/jdoe                   | Instagram
            Snapchat @jdoe                                | Snapchat
            @jdoe on Snapchat                             | Snapchat
            @x on Snapchat                                | Snapchat
            Instagram (@snapchat)                         | Instagram
            Snapchat / gumtree.com/item/1                 | Snapchat; ?
            Gumtree / snapchat.com/add/x                  | ?; Snapchat
            Snapchat / someone@gmail.com                  | Snapchat; Email
            N/A / snapchat.com/add/x                      | Snapchat
            Snapchat.Instagram                            | Snapchat; Instagram
            snap.chat                                     | Snapchat
            """)
    void anAddressInAValueIsOneOfItsParts(String raw, String expected) {
        assertThat(normalised(raw)).isEqualTo(platforms(expected));
    }

    /** An address whose host we do not know is one unrecognised value, never split at its slashes or dots. */
    @ParameterizedTest(name = "[{index}] ''{0}'' is one Unrecognised")
    @ValueSource(strings = {"gumtree.com/item/123/snapchat", "https://www.example.com/x/instagram/facebook",
            "example.org?ref=snapchat&via=instagram", "https://snapchat.evil.com/add/x", "snapchat.com.evil.net/x",
            "http://192.168.0.1/snapchat/x", "www.x.y", "https://", "tg://resolve?domain=x",
            "@jdoe", "@snapchat_user", "@x", " @jdoe. "})
    void anUnknownAddressOrALoneHandleIsOneUnrecognisedValue(String raw) {
        assertThat(normalised(raw)).containsExactly(Platform.UNRECOGNISED);
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is unrecognised")
    @ValueSource(strings = {"Single", "Thread", "Mother", "Others", "Another", "XX", "Xx Xx", "Box", "Switch",
            "Nintendo Switch", "Message", "Messages", "Passenger", "Google Drive", "Online", "App", "Gumtree",
            "Snapchatmessages", "Tumbler", "Wicker", "Twister", "Tests", "FBB", "IGG", "Kikk", "SMSS", "Sna",
            "Snap story", "Meta", "Apple", "Blah", "12345", "Kik chat"})
    void unrecognisedWhenNothingMatches(String raw) {
        PlatformMatch match = NORMALISER.normalise(raw);
        assertThat(match.platforms()).containsExactly(Platform.UNRECOGNISED);
        assertThat(match.recorded()).isTrue();
        assertThat(match.hasUnrecognised()).isTrue();
    }

    @Test
    void signalAndSingleStayApart() {
        assertThat(normalised("Signal")).isEqualTo(platforms("Signal"));
        assertThat(normalised("Signla")).isEqualTo(platforms("Signal"));
        assertThat(normalised("Single")).containsExactly(Platform.UNRECOGNISED);
    }

    @Test
    void threadsAndThreadStayApart() {
        assertThat(normalised("Threads")).isEqualTo(platforms("Threads"));
        assertThat(normalised("threads app")).isEqualTo(platforms("Threads"));
        assertThat(normalised("Thread")).containsExactly(Platform.UNRECOGNISED);
    }

    @Test
    void otherMatchesOnlyOther() {
        assertThat(normalised("Other")).isEqualTo(platforms("Other"));
        assertThat(normalised("Othr")).containsExactly(Platform.UNRECOGNISED);
        assertThat(normalised("Otherr")).containsExactly(Platform.UNRECOGNISED);
        assertThat(normalised("Other social media")).containsExactly(Platform.UNRECOGNISED);
    }

    @Test
    void theLetterXMatchesOnlyWhole() {
        assertThat(normalised("X")).isEqualTo(platforms("X"));
        assertThat(normalised("X app")).isEqualTo(platforms("X"));
        assertThat(normalised("Xs")).containsExactly(Platform.UNRECOGNISED);
        assertThat(normalised("X Y")).containsExactly(Platform.UNRECOGNISED);
        assertThat(normalised("Snapchat X")).isEqualTo(platforms("Snapchat"));
    }

    @Test
    void shortAliasesAreNeverFuzzyMatched() {
        assertThat(normalised("FV")).containsExactly(Platform.UNRECOGNISED);
        assertThat(normalised("IH")).containsExactly(Platform.UNRECOGNISED);
        assertThat(normalised("Kix")).containsExactly(Platform.UNRECOGNISED);
        assertThat(normalised("Snop")).containsExactly(Platform.UNRECOGNISED);
    }

    @Test
    void ownersAndCategoriesComeFromTheReferenceData() {
        Platform snapchat = normalised("snap chat").get(0);
        assertThat(snapchat).isEqualTo(new Platform("Snapchat", "Snap Inc.", "private messaging"));
        Platform text = normalised("SMS").get(0);
        assertThat(text.owner()).isNull();
        assertThat(text.category()).isEqualTo("text messaging");
    }

    @Test
    void aTieBetweenTwoPlatformsIsNoMatch() {
        PlatformCatalogue twins = PlatformCatalogue.load(
                new StringReader("platform,owner,category,known_variants\nAbcdef,A,a,\nAbcdeg,B,b,\n"),
                new StringReader("alias,platform\n"));
        PlatformNormaliser normaliser = new PlatformNormaliser(twins);
        assertThat(normaliser.normalise("Abcdex").platforms()).containsExactly(Platform.UNRECOGNISED);
        assertThat(normaliser.normalise("Abcde").platforms()).containsExactly(Platform.UNRECOGNISED);
        assertThat(normaliser.normalise("Abcdeff").platforms()).extracting(Platform::name).containsExactly("Abcdef");
    }

    @Test
    void theNearerOfTwoCloseNamesWins() {
        PlatformCatalogue twins = PlatformCatalogue.load(
                new StringReader("platform,owner,category,known_variants\nAbcdefghij,A,a,\nAbcdefghkl,B,b,\n"),
                new StringReader("alias,platform\n"));
        PlatformNormaliser normaliser = new PlatformNormaliser(twins);
        assertThat(normaliser.normalise("Abcdefghix").platforms()).extracting(Platform::name).containsExactly("Abcdefghij");
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' suggests {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Snapchat          | Snapchat
            Snapchatmessages  | Snapchat
            Nstagram          | Instagram
            Unstagram         | Instagram
            Switch            | Twitch
            Skpe              | Skype
            Whatsup           | WhatsApp
            Snapchta          | Snapchat
            """)
    void suggestsTheNearestPlatform(String raw, String expected) {
        assertThat(NORMALISER.suggest(raw)).contains(CATALOGUE.byName(expected).orElseThrow());
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' suggests nothing")
    @ValueSource(strings = {"", "N/A", "Gumtree", "Blah", "Mother", "Xy", "Google Drive", "Snapchat / Instagram / Zzz"})
    void suggestsNothingWhenNothingIsClose(String raw) {
        assertThat(NORMALISER.suggest(raw)).isEmpty();
    }

    @Test
    void isSafeToShareBetweenThreads() {
        List<String> values = List.of("Snapchta", "Snapchat / Instagram", "N/A", "Gumtree", "X", "Whats App", "FB");
        List<PlatformMatch> expected = values.stream().map(v -> new PlatformNormaliser(CATALOGUE).normalise(v)).toList();
        PlatformNormaliser shared = new PlatformNormaliser(CATALOGUE, 3);
        IntStream.range(0, 20_000).parallel().forEach(i -> {
            int k = i % values.size();
            assertThat(shared.normalise(values.get(k))).isEqualTo(expected.get(k));
        });
    }

    // ---- properties ----

    @Property
    void idempotentOnCanonicalNames(@ForAll("canonicalNames") String name) {
        List<Platform> once = normalised(name);
        assertThat(once).extracting(Platform::name).containsExactly(name);
        assertThat(normalised(once.get(0).name())).isEqualTo(once);
    }

    @Property
    void insensitiveToCaseSpacingAndPunctuation(
            @ForAll("aliases") String alias, @ForAll("renderings") int seed) {
        Platform expected = CATALOGUE.aliases().get(alias);
        String rendered = scramble(alias, seed);
        assertThat(normalised(rendered)).as(rendered).containsExactly(expected);
    }

    @Property
    void noiseWordsAroundANameAreIgnored(
            @ForAll("canonicalNames") String name, @ForAll("noise") String before, @ForAll("noise") String after) {
        Assume.that(!name.equals("Other") || before.isEmpty());
        String rendered = (before + " " + name + " " + after).trim();
        assertThat(normalised(rendered)).as(rendered).extracting(Platform::name).containsExactly(name);
    }

    @Property
    void aTranspositionOfTwoAdjacentLettersInALongNameStillMatches(
            @ForAll("typoableNames") String name, @ForAll("positions") int position) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        int at = position % (key.length() - 1);
        String swapped = key.substring(0, at) + key.charAt(at + 1) + key.charAt(at) + key.substring(at + 2);
        assertThat(normalised(swapped)).as(swapped).extracting(Platform::name).containsExactly(name);
    }

    @Property
    void aDeletedLetterInALongNameStillMatches(@ForAll("typoableNames") String name, @ForAll("positions") int position) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        int at = 1 + position % (key.length() - 1);
        String shorter = key.substring(0, at) + key.substring(at + 1);
        Assume.that(!PlatformNormaliser.NOT_TYPOS.contains(shorter));
        assertThat(normalised(shorter)).as(shorter).extracting(Platform::name).containsExactly(name);
    }

    @Property
    void severalNamesAreListedOnceEachInOrder(
            @ForAll("canonicalNames") String first, @ForAll("canonicalNames") String second,
            @ForAll("separators") String separator) {
        String rendered = first + separator + second;
        List<String> expected = first.equals(second) ? List.of(first) : List.of(first, second);
        assertThat(normalised(rendered)).as(rendered).extracting(Platform::name).containsExactlyElementsOf(expected);
    }

    /** Any host among the aliases, written any way, with any path: exactly that host's platform. */
    @Property
    void anAddressOnAKnownHostNamesExactlyItsPlatform(
            @ForAll("hosts") String host, @ForAll("schemes") String scheme, @ForAll boolean www,
            @ForAll("ports") String port, @ForAll("paths") String path, @ForAll boolean upper,
            @ForAll("trailers") String trailer) {
        String address = scheme + (www ? "www." : "") + host + port + path;
        String rendered = (upper ? address.toUpperCase(Locale.ROOT) : address) + trailer;
        assertThat(normalised(rendered)).as(rendered).containsExactly(CATALOGUE.aliases().get(host));
    }

    /** The path of an address on an unknown host names nothing, whatever platforms it spells. */
    @Property
    void anAddressOnAnUnknownHostIsOneUnrecognisedValue(
            @ForAll("unknownHosts") String host, @ForAll("schemes") String scheme, @ForAll("paths") String path) {
        Assume.that(!path.isEmpty());
        String rendered = scheme + host + path;
        assertThat(normalised(rendered)).as(rendered).containsExactly(Platform.UNRECOGNISED);
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.of(CATALOGUE.aliases().keySet().stream()
                .filter(alias -> alias.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")).toList());
    }

    @Provide
    Arbitrary<String> unknownHosts() {
        return Arbitraries.of("gumtree.com", "example.org", "news.bbc.co.uk", "10.0.0.1", "snapchat.evil.com",
                "instagram.example", "my-site.net");
    }

    @Provide
    Arbitrary<String> schemes() {
        return Arbitraries.of("", "http://", "https://", "HTTPS://", "https://user@");
    }

    @Provide
    Arbitrary<String> ports() {
        return Arbitraries.of("", "", ":443", ":8080");
    }

    /** Paths, queries and fragments spelling platform names, separators and handles. */
    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.of("add", "x", "X", "p", "@jdoe", "instagram", "Snapchat", "fb",
                "wa.me", "t.me", "and", "&", "+", "N/A", "profile.php", "123", "");
        Arbitrary<String> joiner = Arbitraries.of("/", "?q=", "&via=", "#", "+", ".");
        return Combinators.combine(segment.list().ofMaxSize(5), joiner.list().ofMaxSize(5)).as((segments, joiners) -> {
            if (segments.isEmpty()) {
                return "";
            }
            StringBuilder path = new StringBuilder("/");
            for (int i = 0; i < segments.size(); i++) {
                path.append(segments.get(i)).append(i < joiners.size() ? joiners.get(i) : "");
            }
            return path.toString();
        });
    }

    @Provide
    Arbitrary<String> trailers() {
        return Arbitraries.of("", ".", " ", ")", "!");
    }

    @Provide
    Arbitrary<String> canonicalNames() {
        return Arbitraries.of(CATALOGUE.platforms().stream().map(Platform::name).toList());
    }

    @Provide
    Arbitrary<String> typoableNames() {
        return Arbitraries.of(CATALOGUE.platforms().stream().map(Platform::name)
                .filter(n -> !n.equals("Other"))
                .filter(n -> n.replaceAll("[^A-Za-z0-9]", "").length() >= 5)
                .toList());
    }

    @Provide
    Arbitrary<String> aliases() {
        return Arbitraries.of(List.copyOf(CATALOGUE.aliases().keySet()));
    }

    @Provide
    Arbitrary<Integer> renderings() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.of("", "via", "app", "DM", "online", "Direct Message", "private messages", "(app)", "- online");
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" / ", "/", ", ", "; ", " & ", " + ", " and ", " AND ");
    }

    /** Random case, and random spaces or punctuation between words or around the value (never inside a word). */
    private static String scramble(String alias, int seed) {
        java.util.Random random = new java.util.Random(seed);
        String[] gaps = {" ", "  ", "-", ".", "_", " - ", "'"};
        StringBuilder out = new StringBuilder(random.nextBoolean() ? "" : " ");
        for (char c : alias.toCharArray()) {
            if (c == ' ') {
                out.append(gaps[random.nextInt(gaps.length)]);
            } else {
                out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
        }
        out.append(random.nextBoolean() ? "" : ".");
        return out.toString();
    }
}
