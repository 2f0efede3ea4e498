package io.tailguard.broker.sim.market;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One session of the market path: SPX, its variance and UPRO at every intraday step (point 0 is the
 * open, after the overnight gap; the last point is the close), and the 10-year yield at the previous
 * close and at this close (in percent; interpolated in between).
 */
record PathDay(
        LocalDate date,
        Instant open,
        Instant close,
        long stepMillis,
        double[] spx,
        double[] variance,
        double[] upro,
        double yieldPrevClosePct,
        double yieldClosePct,
        boolean scripted) {

    int lastPoint() {
        return spx.length - 1;
    }

    /** The point in force at {@code t}, or -1 before the open. */
    int pointAt(Instant t) {
        if (t.isBefore(open)) {
            return -1;
        }
        long k = (t.toEpochMilli() - open.toEpochMilli()) / stepMillis;
        return (int) Math.min(lastPoint(), k);
    }

    /** The market time of a point: the open plus whole steps, the close for the last point. */
    Instant timeOf(int k) {
        if (k >= lastPoint()) {
            return close;
        }
        return open.plusMillis(k * stepMillis);
    }

    double yieldPctAt(int k) {
        return yieldPrevClosePct + (yieldClosePct - yieldPrevClosePct) * k / lastPoint();
    }

    double spxClose() {
        return spx[lastPoint()];
    }

    double uproClose() {
        return upro[lastPoint()];
    }

    double varianceClose() {
        return variance[lastPoint()];
    }

    void rescale(double spxFactor, double uproFactor) {
        for (int k = 0; k < spx.length; k++) {
            spx[k] *= spxFactor;
            upro[k] *= uproFactor;
        }
    }
}
