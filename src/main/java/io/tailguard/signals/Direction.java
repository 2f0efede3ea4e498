package io.tailguard.signals;

/** Whether a series went up or down over a lookback, within a tolerance. */
public enum Direction {
    RISING, FALLING, FLAT;

    static Direction between(double then, double now, double tolerance) {
        if (now > then + tolerance) {
            return RISING;
        }
        if (now < then - tolerance) {
            return FALLING;
        }
        return FLAT;
    }
}
