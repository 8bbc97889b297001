package org.forcereturns.ingest;

import org.forcereturns.normalise.ForceDirectory;
import org.forcereturns.normalise.PlatformCatalogue;
import org.forcereturns.normalise.PlatformNormaliser;

/** The reference data a run normalises against, loaded once per run and shared by all files. */
public record ReferenceData(ForceDirectory forces, PlatformCatalogue platforms, PlatformNormaliser platformNormaliser,
                            HeaderAliases headerAliases) {

    public static ReferenceData bundled() {
        PlatformCatalogue catalogue = PlatformCatalogue.bundled();
        return new ReferenceData(ForceDirectory.bundled(), catalogue, new PlatformNormaliser(catalogue),
                HeaderAliases.bundled());
    }
}
