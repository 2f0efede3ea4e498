package io.tailguard.testing;

/** Thrown by a test checkpoint hook to stop the service dead, as kill -9 would. An Error, so nothing catches it. */
public final class SimulatedCrash extends Error {
    public SimulatedCrash(String where) {
        super("simulated crash at " + where, null, false, false);
    }
}
