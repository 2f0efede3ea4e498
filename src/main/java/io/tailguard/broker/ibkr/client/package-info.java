/**
 * Request correlation over the TWS connection: futures with timeouts, quote streams, error routing,
 * market-data line bulkhead and restore after reconnect. Entry point:
 * {@link io.tailguard.broker.ibkr.client.TwsClient}.
 */
package io.tailguard.broker.ibkr.client;
