package org.forcereturns.normalise;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.forcereturns.domain.Platform;

/**
 * The canonical platforms of {@code platforms.csv} (names, owners, categories: fixed) and every
 * alias known for them: the canonical names, the {@code known_variants} column and the open-ended
 * {@code platform-aliases.csv} ({@code alias,platform}, one alias a line).
 * Loading refuses aliases that would make matching ambiguous, naming the offending line.
 */
public final class PlatformCatalogue {

    private final List<Platform> platforms;
    private final Map<String, Platform> byName;
    private final Map<String, Platform> aliases;
    private final Map<String, Platform> keys;
    private final Map<String, Platform> keysWithoutNoise;

    private PlatformCatalogue(Builder builder) {
        this.platforms = List.copyOf(builder.platforms);
        this.byName = Map.copyOf(builder.byName);
        this.aliases = Collections.unmodifiableMap(new LinkedHashMap<>(builder.aliases));
        this.keys = Map.copyOf(builder.keys);
        this.keysWithoutNoise = Map.copyOf(builder.keysWithoutNoise);
    }

    public static PlatformCatalogue load(Reader platformsCsv, Reader aliasesCsv) {
        Builder builder = new Builder();
        for (ReferenceCsv.Row row : ReferenceCsv.read(platformsCsv, "platforms.csv", "platform", "owner", "category")) {
            Platform platform = new Platform(row.required("platform"), row.get("owner"), row.get("category"));
            builder.addPlatform(platform, row);
            for (String variant : row.get("known_variants").split("\\|")) {
                if (!variant.isBlank()) {
                    builder.addAlias(variant.trim(), platform, row);
                }
            }
        }
        if (builder.platforms.isEmpty()) {
            throw new IllegalArgumentException("platforms.csv: no platforms");
        }
        for (ReferenceCsv.Row row : ReferenceCsv.read(aliasesCsv, "platform-aliases.csv", "alias", "platform")) {
            String name = row.required("platform");
            Platform platform = builder.byName.get(name);
            if (platform == null) {
                throw row.fail("'" + name + "' is not a canonical platform of platforms.csv");
            }
            builder.addAlias(row.required("alias"), platform, row);
        }
        return new PlatformCatalogue(builder);
    }

    /** {@code /reference/platforms.csv} with {@code /reference/platform-aliases.csv}. */
    public static PlatformCatalogue bundled() {
        return Bundled.INSTANCE;
    }

    /** In reference-file order; {@link Platform#UNRECOGNISED} is not one of them. */
    public List<Platform> platforms() {
        return platforms;
    }

    /** The platform with exactly this canonical name. */
    public Optional<Platform> byName(String canonical) {
        return canonical == null ? Optional.empty() : Optional.ofNullable(byName.get(canonical));
    }

    /** Every alias as written (canonical names included) and its platform, in load order. */
    public Map<String, Platform> aliases() {
        return aliases;
    }

    /** Folded alias key (see {@link PlatformText#key(String)}) to platform. */
    Map<String, Platform> keys() {
        return keys;
    }

    /** Keys of aliases that contain noise words, taken without them ({@code Whats App} gives {@code whats}). */
    Map<String, Platform> keysWithoutNoise() {
        return keysWithoutNoise;
    }

    private static final class Builder {
        final List<Platform> platforms = new ArrayList<>();
        final Map<String, Platform> byName = new HashMap<>();
        final Map<String, Platform> aliases = new LinkedHashMap<>();
        final Map<String, Platform> keys = new HashMap<>();
        final Map<String, Platform> keysWithoutNoise = new HashMap<>();
        final Map<String, String> keySources = new HashMap<>();

        void addPlatform(Platform platform, ReferenceCsv.Row row) {
            if (PlatformText.key(platform.name()).equals(PlatformText.key(Platform.UNRECOGNISED.name()))) {
                throw row.fail("'" + platform.name() + "' is reserved for values that match nothing");
            }
            if (byName.putIfAbsent(platform.name(), platform) != null) {
                throw row.fail("platform '" + platform.name() + "' is listed twice");
            }
            platforms.add(platform);
            addAlias(platform.name(), platform, row);
        }

        void addAlias(String alias, Platform platform, ReferenceCsv.Row row) {
            List<String> words = PlatformText.words(PlatformText.tokens(alias));
            String key = PlatformText.key(words);
            if (key.isEmpty() || PlatformText.isNotRecorded(words)) {
                throw row.fail("alias '" + alias + "' has no letters or means 'not recorded'");
            }
            claim(key, platform, alias, row);
            aliases.putIfAbsent(alias, platform);
            String withoutNoise = PlatformText.key(PlatformText.withoutNoise(words));
            if (!withoutNoise.isEmpty() && !withoutNoise.equals(key)) {
                Platform owner = keys.get(withoutNoise);
                if (owner != null && !owner.equals(platform)) {
                    throw row.fail("alias '" + alias + "' without its noise words is '" + keySources.get(withoutNoise)
                            + "' of " + owner.name());
                }
                Platform previous = keysWithoutNoise.putIfAbsent(withoutNoise, platform);
                if (previous != null && !previous.equals(platform)) {
                    throw row.fail("alias '" + alias + "' without its noise words is also an alias of " + previous.name());
                }
            }
        }

        private void claim(String key, Platform platform, String alias, ReferenceCsv.Row row) {
            Platform owner = keys.putIfAbsent(key, platform);
            if (owner != null && !owner.equals(platform)) {
                throw row.fail("alias '" + alias + "' reads as '" + keySources.get(key) + "' of " + owner.name());
            }
            Platform stripped = keysWithoutNoise.get(key);
            if (stripped != null && !stripped.equals(platform)) {
                throw row.fail("alias '" + alias + "' reads as an alias of " + stripped.name() + " without its noise words");
            }
            keySources.putIfAbsent(key, alias);
        }
    }

    private static final class Bundled {
        static final PlatformCatalogue INSTANCE = ReferenceCsv.fromClasspath("/reference/platforms.csv",
                platforms -> ReferenceCsv.fromClasspath("/reference/platform-aliases.csv",
                        aliases -> load(platforms, aliases)));
    }
}
