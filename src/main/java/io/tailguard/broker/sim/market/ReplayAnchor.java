package io.tailguard.broker.sim.market;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a replay clock stands against the wall clock: at the wall instant {@code wall} the simulated time was
 * {@code sim}, and it runs {@code speed} simulated seconds per wall second. Three numbers are the whole clock,
 * so a second process that reads them (the console, from the daemon's published gateway) tells the same time.
 */
public record ReplayAnchor(Instant wall, Instant sim, double speed) {
    public ReplayAnchor {
        Objects.requireNonNull(wall, "wall");
        Objects.requireNonNull(sim, "sim");
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be positive, was " + speed);
        }
    }

    /** The simulated time at the wall instant {@code wallNow} (before the anchor it runs backwards from it). */
    public Instant simAt(Instant wallNow) {
        Duration elapsed = Duration.between(wall, wallNow);
        // seconds and nanos apart: a double of the whole span in nanoseconds loses precision past ~100 days
        double scaledSeconds = elapsed.getSeconds() * speed;
        long whole = (long) Math.floor(scaledSeconds);
        double fraction = scaledSeconds - whole;
        long nanos = Math.round(fraction * 1e9 + elapsed.getNano() * speed);
        return sim.plusSeconds(whole).plusNanos(nanos);
    }
}
