package org.forcereturns.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.forcereturns.normalise.ForceDirectory;
import org.forcereturns.normalise.PlatformCatalogue;
import org.forcereturns.normalise.PlatformNormaliser;

/**
 * The reference data a run normalises against, loaded once per run and shared by all files: the bundled
 * copies, or a folder whose files (same names as in {@code src/main/resources/reference/}) replace them.
 */
public record ReferenceData(ForceDirectory forces, PlatformCatalogue platforms, PlatformNormaliser platformNormaliser,
                            HeaderAliases headerAliases) {

    public static ReferenceData bundled() {
        return load(null);
    }

    /** @param overrides a folder of reference files, or null for the bundled data only */
    public static ReferenceData load(Path overrides) {
        try (Reader forces = open(overrides, "forces.csv");
             Reader platforms = open(overrides, "platforms.csv");
             Reader aliases = open(overrides, "platform-aliases.csv");
             Reader headers = open(overrides, "header-aliases.csv")) {
            PlatformCatalogue catalogue = PlatformCatalogue.load(platforms, aliases);
            return new ReferenceData(ForceDirectory.load(forces), catalogue, new PlatformNormaliser(catalogue),
                    HeaderAliases.load(headers));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference data: " + e.getMessage(), e);
        }
    }

    private static Reader open(Path overrides, String name) throws IOException {
        if (overrides != null && Files.isRegularFile(overrides.resolve(name))) {
            return Files.newBufferedReader(overrides.resolve(name), StandardCharsets.UTF_8);
        }
        InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + name);
        if (in == null) {
            throw new IOException("bundled reference file " + name + " is missing from the class path");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
