package io.tailguard.orders;

import io.tailguard.domain.TraderTime;
import java.time.Instant;
import java.util.Objects;

/** The trader's request to withdraw an approved or working proposal: who, from which host, when and why. */
public record CancelRequest(Instant requestedAt, Actor who, String reason) {
    public CancelRequest {
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(reason, "reason");
    }

    /** "alice@desk at 2026-12-04 10:02:13 EST: FOMC". */
    public String describe() {
        return who.name() + "@" + who.host() + " at " + TraderTime.format(requestedAt) + ": " + reason;
    }
}
