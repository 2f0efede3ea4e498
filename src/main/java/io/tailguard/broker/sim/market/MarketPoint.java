package io.tailguard.broker.sim.market;

import java.time.Instant;

/** A point of the path: the session, the step within it, and the path version it was read from. */
record MarketPoint(PathDay day, int point, long pathVersion) {

    Instant marketTime() {
        return day.timeOf(point);
    }

    double spx() {
        return day.spx()[point];
    }

    double variance() {
        return day.variance()[point];
    }

    double upro() {
        return day.upro()[point];
    }

    double yieldPct() {
        return day.yieldPctAt(point);
    }

    /** Identifies the market state for caches: same key, same quotes. */
    String key() {
        return day.date() + "#" + point + "#" + pathVersion;
    }
}
