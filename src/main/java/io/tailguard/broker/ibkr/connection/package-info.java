/**
 * The socket to TWS: handshake, reader and writer threads, pacing of every outgoing message and
 * reconnects with backoff. Entry point: {@link io.tailguard.broker.ibkr.connection.TwsConnection}.
 */
package io.tailguard.broker.ibkr.connection;
