package org.forcereturns.testing;

import org.forcereturns.domain.Force;
import org.forcereturns.domain.Platform;

/** Forces and platforms as the reference data gives them, for tests that build rows by hand. */
public final class Canonical {

    public static final Force KENT = new Force("E23000032", "Kent");
    public static final Force ESSEX = new Force("E23000028", "Essex");
    public static final Force GWENT = new Force("W15000004", "Gwent");

    public static final Platform SNAPCHAT = new Platform("Snapchat", "Snap Inc.", "private messaging");
    public static final Platform INSTAGRAM = new Platform("Instagram", "Meta", "social media");
    public static final Platform WHATSAPP = new Platform("WhatsApp", "Meta", "private messaging");
    public static final Platform EMAIL = new Platform("Email", null, "email");
    public static final Platform OTHER = new Platform("Other", null, null);

    private Canonical() {
    }
}
