package org.forcereturns.domain;

/** A territorial police force of England and Wales, keyed by its ONS Police Force Area code. */
public record Force(String code, String name) {

    public Force {
        if (code == null || code.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("force code and name are required");
        }
    }
}
