/**
 * The socket to TWS: handshake, reader and writer threads, pacing of every outgoing message and
 * reconnects with backoff. Entry point: {@link io.tailguard.broker.ibkr.connection.TwsConnection}; every
 * wait of the client is measured on its {@link io.tailguard.broker.ibkr.connection.Ticker}.
 */
package io.tailguard.broker.ibkr.connection;
