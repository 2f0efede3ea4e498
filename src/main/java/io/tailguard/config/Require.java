package io.tailguard.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Validation used by the compact constructors of the config records. Each failure message starts with
 * the field name so that the loader can prefix it with the file and the enclosing path.
 */
public final class Require {
    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return value;
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is required and must not be blank");
        }
        return value;
    }

    public static int range(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static double range(double value, double min, double max, String field) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + ": must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static Duration positive(Duration value, String field) {
        Objects.requireNonNull(value);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + ": must be a positive duration (e.g. PT30S), was " + value);
        }
        return value;
    }

    public static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    public static double positive(double value, String field) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": must be a positive number, was " + value);
        }
        return value;
    }

    public static double fraction(double value, String field) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(field + ": must be between 0 and 1, was " + value);
        }
        return value;
    }

    public static int atLeast(int value, int min, String field) {
        if (value < min) {
            throw new IllegalArgumentException(field + ": must be at least " + min + ", was " + value);
        }
        return value;
    }

    /** A list that is given and has no empty entry; an unmodifiable copy. */
    public static <T> java.util.List<T> entries(java.util.List<T> values, String field) {
        if (values == null) {
            throw new IllegalArgumentException(field + ": is required");
        }
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(field + ": must not contain empty entries");
            }
        }
        return java.util.List.copyOf(values);
    }
}
