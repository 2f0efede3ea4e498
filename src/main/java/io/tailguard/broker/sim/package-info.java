/**
 * {@code SimGateway}: a TWS-protocol server with a market model; the embedded default broker and the broker of every integration test.
 */
package io.tailguard.broker.sim;
