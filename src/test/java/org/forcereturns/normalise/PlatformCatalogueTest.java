package org.forcereturns.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.forcereturns.domain.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformCatalogueTest {

    private static final String PLATFORMS = """
            platform,owner,category,known_variants
            Snapchat,Snap Inc.,private messaging,"Snap|Snap Chat|SC"
            Instagram,Meta,social media,"Insta|IG"
            Facebook Messenger,Meta,private messaging,"Messenger"
            WhatsApp,Meta,private messaging,"Whats App"
            Email,,email,
            """;

    private static PlatformCatalogue withAliases(String aliasLines) {
        return PlatformCatalogue.load(new StringReader(PLATFORMS), new StringReader("alias,platform\n" + aliasLines));
    }

    @Test
    void bundledCatalogueHasTheReferencePlatformsInOrder() {
        PlatformCatalogue catalogue = PlatformCatalogue.bundled();
        assertThat(catalogue.platforms()).hasSize(33);
        assertThat(catalogue.platforms().get(0)).isEqualTo(new Platform("Snapchat", "Snap Inc.", "private messaging"));
        assertThat(catalogue.platforms()).last().isEqualTo(new Platform("Other", null, "other"));
        assertThat(catalogue.platforms()).doesNotContain(Platform.UNRECOGNISED);
    }

    @Test
    void byNameIsExact() {
        PlatformCatalogue catalogue = PlatformCatalogue.bundled();
        assertThat(catalogue.byName("Xbox Live")).contains(new Platform("Xbox Live", "Microsoft", "online gaming"));
        assertThat(catalogue.byName("xbox live")).isEmpty();
        assertThat(catalogue.byName("Xbox")).isEmpty();
        assertThat(catalogue.byName("Unrecognised")).isEmpty();
        assertThat(catalogue.byName(null)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] alias ''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Snapchat            | Snapchat
            Snap Chat           | Snapchat
            SC                  | Snapchat
            X (formerly Twitter)| X
            Twitter             | X
            E-mail              | Email
            Insta DM            | Instagram
            Xbox One            | Xbox Live
            PS4                 | PlayStation Network
            Text msg            | Text message
            """)
    void aliasTableJoinsNamesKnownVariantsAndTheAliasesFile(String alias, String platform) {
        assertThat(PlatformCatalogue.bundled().aliases()).containsEntry(alias, PlatformCatalogue.bundled().byName(platform).orElseThrow());
    }

    @Test
    void everyLineOfTheBundledAliasesFileNamesACanonicalPlatform() throws IOException {
        PlatformCatalogue catalogue = PlatformCatalogue.bundled();
        String file;
        try (InputStream in = getClass().getResourceAsStream("/reference/platform-aliases.csv")) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long aliases = file.lines().skip(1).filter(l -> !l.isBlank() && !l.startsWith("#")).peek(line -> {
            String[] cells = line.split(",");
            assertThat(catalogue.byName(cells[1].trim())).as(line).isPresent();
            assertThat(catalogue.aliases()).as(line).containsKey(cells[0].trim());
        }).count();
        assertThat(aliases).isGreaterThanOrEqualTo(10);
    }

    @Test
    void addingAnAliasIsOneLine() {
        PlatformCatalogue catalogue = withAliases("Gram,Instagram\n");
        PlatformNormaliser normaliser = new PlatformNormaliser(catalogue);
        assertThat(normaliser.normalise("gram").platforms()).containsExactly(catalogue.byName("Instagram").orElseThrow());
        assertThat(new PlatformNormaliser(withAliases("")).normalise("gram").platforms()).containsExactly(Platform.UNRECOGNISED);
    }

    @Test
    void anAliasForAnUnknownPlatformNamesItsLine() {
        assertThatThrownBy(() -> withAliases("Insta DM,Instagram\nGram,Instagrm\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("platform-aliases.csv line 3")
                .hasMessageContaining("Instagrm");
    }

    @Test
    void lineNumbersCountCommentsAndBlankLines() {
        assertThatThrownBy(() -> withAliases("# a comment\n\nInsta DM,Instagram\nGram,Nope\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 5");
    }

    @Test
    void anAliasAlreadyTakenByAnotherPlatformIsRefused() {
        assertThatThrownBy(() -> withAliases("Snap chat,Instagram\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("Snapchat");
    }

    @Test
    void anAliasThatReadsAsAnotherPlatformWithoutNoiseWordsIsRefused() {
        assertThatThrownBy(() -> withAliases("Insta app,Snapchat\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Insta app");
    }

    @Test
    void anAliasMeaningNotRecordedIsRefused() {
        assertThatThrownBy(() -> withAliases("Unknown,Email\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown");
        assertThatThrownBy(() -> withAliases("--,Email\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyAliasOrPlatformIsRefused() {
        assertThatThrownBy(() -> withAliases(",Email\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withAliases("Gmail,\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAliasesFileNeedsItsHeader() {
        assertThatThrownBy(() -> PlatformCatalogue.load(new StringReader(PLATFORMS), new StringReader("name,target\nGram,Instagram\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alias");
    }

    @Test
    void platformsMayNotRepeatOrTakeTheReservedName() {
        assertThatThrownBy(() -> PlatformCatalogue.load(
                new StringReader("platform,owner,category,known_variants\nKik,A,b,\nKik,A,b,\n"), new StringReader("alias,platform\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> PlatformCatalogue.load(
                new StringReader("platform,owner,category,known_variants\nUnrecognised,,,\n"), new StringReader("alias,platform\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved");
    }

    @Test
    void aQuotedAliasMayContainACommaAndTheCatalogueIsImmutable() {
        PlatformCatalogue catalogue = withAliases("\"Snapchat, the app\",Snapchat\n");
        assertThat(catalogue.aliases()).containsKey("Snapchat, the app");
        assertThatThrownBy(() -> catalogue.aliases().put("x", Platform.UNRECOGNISED))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalogue.platforms().add(Platform.UNRECOGNISED))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
