package io.tailguard.broker;

/** A live quote stream; closing it frees the market-data line. */
public interface QuoteSubscription extends AutoCloseable {
    @Override
    void close();
}
