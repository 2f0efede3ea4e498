package io.tailguard.app.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Validation used by the compact constructors of the config records. Each failure message starts with
 * the field name so that the loader can prefix it with the file and the enclosing path.
 */
final class Require {
    private Require() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return value;
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is required and must not be blank");
        }
        return value;
    }

    static int range(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static double range(double value, double min, double max, String field) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + ": must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static Duration positive(Duration value, String field) {
        Objects.requireNonNull(value);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + ": must be a positive duration (e.g. PT30S), was " + value);
        }
        return value;
    }

    static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
