package io.tailguard.signals;

import java.util.List;

/** Validation shared by the configuration records; every message names the offending field. */
final class ConfigChecks {
    private ConfigChecks() {
    }

    static double positive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a positive number but was " + value);
        }
        return value;
    }

    static double fraction(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " must be between 0 and 1 but was " + value);
        }
        return value;
    }

    static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be at least " + min + " but was " + value);
        }
        return value;
    }

    static String symbol(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-blank symbol");
        }
        return value;
    }

    static <T> List<T> list(String field, List<T> values) {
        if (values == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(field + " must not contain empty entries");
            }
        }
        return List.copyOf(values);
    }
}
