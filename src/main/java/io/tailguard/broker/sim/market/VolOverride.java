package io.tailguard.broker.sim.market;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A scripted implied-vol regime for tests and demos: replaces the model's SPX/XSP ATM vol at every
 * tenor (flat term structure; skew, VIX and UPRO's 3x vol follow from it).
 */
public sealed interface VolOverride {

    /** The ATM vol forced at {@code t}, or empty for the model's own. */
    OptionalDouble atmVolAt(Instant t);

    static VolOverride none() {
        return new None();
    }

    /** ATM vol fixed at {@code atmVol} (0.12 = 12 %). */
    static VolOverride fixed(double atmVol) {
        return new Fixed(atmVol);
    }

    /** ATM vol moving linearly from {@code fromVol} at {@code start} to {@code toVol} {@code over} later, then held. */
    static VolOverride falling(double fromVol, double toVol, Instant start, Duration over) {
        return new Linear(fromVol, toVol, start, start.plus(over));
    }

    /** The model's own vol. */
    record None() implements VolOverride {
        @Override
        public OptionalDouble atmVolAt(Instant t) {
            return OptionalDouble.empty();
        }
    }

    record Fixed(double atmVol) implements VolOverride {
        public Fixed {
            checkVol("atmVol", atmVol);
        }

        @Override
        public OptionalDouble atmVolAt(Instant t) {
            return OptionalDouble.of(atmVol);
        }
    }

    record Linear(double fromVol, double toVol, Instant from, Instant to) implements VolOverride {
        public Linear {
            checkVol("fromVol", fromVol);
            checkVol("toVol", toVol);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("to " + to + " must be after from " + from);
            }
        }

        @Override
        public OptionalDouble atmVolAt(Instant t) {
            if (!t.isAfter(from)) {
                return OptionalDouble.of(fromVol);
            }
            if (!t.isBefore(to)) {
                return OptionalDouble.of(toVol);
            }
            double w = (double) Duration.between(from, t).toMillis() / Duration.between(from, to).toMillis();
            return OptionalDouble.of(fromVol + (toVol - fromVol) * w);
        }
    }

    private static void checkVol(String field, double vol) {
        if (!(vol >= 0.01 && vol <= 3.0)) {
            throw new IllegalArgumentException(field + " must be in [0.01, 3.0], was " + vol);
        }
    }
}
