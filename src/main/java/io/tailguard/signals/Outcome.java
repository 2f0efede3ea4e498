package io.tailguard.signals;

import java.util.Objects;
import java.util.function.Function;

/**
 * The result of a layer or a derived figure: either {@link Known} with a value, or {@link Unknown} with the
 * reason (a stale or missing input, a failed fetch). Never a silent default.
 */
public sealed interface Outcome<T> {

    record Known<T>(T value) implements Outcome<T> {
        public Known {
            Objects.requireNonNull(value, "value");
        }
    }

    record Unknown<T>(String reason) implements Outcome<T> {
        public Unknown {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("reason must be non-blank");
            }
        }
    }

    static <T> Outcome<T> known(T value) {
        return new Known<>(value);
    }

    static <T> Outcome<T> unknown(String reason) {
        return new Unknown<>(reason);
    }

    default boolean isKnown() {
        return this instanceof Known<T>;
    }

    /** The value; throws if unknown (a bug: check {@link #isKnown()} or switch first). */
    default T value() {
        if (this instanceof Known<T> known) {
            return known.value();
        }
        throw new IllegalStateException("outcome is unknown: " + ((Unknown<T>) this).reason());
    }

    default String reasonOrEmpty() {
        return this instanceof Unknown<T> unknown ? unknown.reason() : "";
    }

    default <R> Outcome<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Known<T> known) {
            return new Known<>(mapper.apply(known.value()));
        }
        return new Unknown<>(((Unknown<T>) this).reason());
    }

    default <R> Outcome<R> flatMap(Function<? super T, Outcome<R>> mapper) {
        if (this instanceof Known<T> known) {
            return mapper.apply(known.value());
        }
        return new Unknown<>(((Unknown<T>) this).reason());
    }
}
