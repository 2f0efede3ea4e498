package io.tailguard.signals;

/** Shape of the VIX curve from the VIX / VIX3M ratio: CONTANGO (calm), FLAT, INVERTED (stress: near fear above far). */
public enum TermStructure {
    CONTANGO, FLAT, INVERTED
}
