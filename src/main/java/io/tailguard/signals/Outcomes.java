package io.tailguard.signals;

import java.util.ArrayList;
import java.util.List;

/** Combining several outcomes: unknown as soon as one is, with every reason listed. */
final class Outcomes {
    private Outcomes() {
    }

    /** The first unknown reason(s) among the given outcomes joined with "; ", or empty when all are known. */
    static String reasons(Outcome<?>... outcomes) {
        List<String> reasons = new ArrayList<>();
        for (Outcome<?> outcome : outcomes) {
            if (outcome instanceof Outcome.Unknown<?> unknown) {
                reasons.add(unknown.reason());
            }
        }
        return String.join("; ", reasons);
    }

    static boolean allKnown(Outcome<?>... outcomes) {
        for (Outcome<?> outcome : outcomes) {
            if (!outcome.isKnown()) {
                return false;
            }
        }
        return true;
    }
}
