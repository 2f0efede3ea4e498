package io.tailguard.hedge.roll;

import io.tailguard.signals.SignalSnapshot;
import io.tailguard.signals.VolatilityRegimeRule;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The roll's view of the signal layers: the latest stored snapshot, if any (the app reads it from the snapshot
 * repository), and the rule the layers classify the volatility regime by, which the roll applies to the live chain
 * when it has no fresh snapshot (so both ways give the same regime for the same IV).
 */
public interface SignalsReader {
    Optional<SignalSnapshot> latest();

    VolatilityRegimeRule regimeRule();

    static SignalsReader of(VolatilityRegimeRule rule, Supplier<Optional<SignalSnapshot>> latest) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(latest, "latest");
        return new SignalsReader() {
            @Override
            public Optional<SignalSnapshot> latest() {
                return latest.get();
            }

            @Override
            public VolatilityRegimeRule regimeRule() {
                return rule;
            }
        };
    }

    /** No stored snapshot (the demo, the bench): everything the roll needs comes from the market and the strategy. */
    static SignalsReader none(VolatilityRegimeRule rule) {
        return of(rule, Optional::empty);
    }
}
