package io.tailguard.hedge.roll;

import io.tailguard.signals.SignalSnapshot;
import java.util.Optional;

/** The latest stored signal snapshot, if any (the app reads it from the snapshot repository). */
@FunctionalInterface
public interface SignalsReader {
    Optional<SignalSnapshot> latest();

    static SignalsReader none() {
        return Optional::empty;
    }
}
