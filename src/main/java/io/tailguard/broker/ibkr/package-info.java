/**
 * Our own client for the TWS API socket protocol at server version 193, and {@code IbkrBroker}, the one implementation of the {@link io.tailguard.broker.Broker} port.
 */
package io.tailguard.broker.ibkr;
