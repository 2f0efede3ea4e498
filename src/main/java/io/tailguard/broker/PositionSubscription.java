package io.tailguard.broker;

/** A position stream; closing it ends the subscription at the broker. */
public interface PositionSubscription extends AutoCloseable {
    @Override
    void close();
}
