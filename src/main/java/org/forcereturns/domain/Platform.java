package org.forcereturns.domain;

/**
 * A canonical platform. Owner and category are null where the reference data leaves them empty
 * (Text message, Email, Other) and for {@link #UNRECOGNISED}.
 */
public record Platform(String name, String owner, String category) {

    public static final Platform UNRECOGNISED = new Platform("Unrecognised", null, null);

    public Platform {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("platform name is required");
        }
        owner = blankToNull(owner);
        category = blankToNull(category);
    }

    public boolean isUnrecognised() {
        return this.equals(UNRECOGNISED);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
