/**
 * {@link io.tailguard.broker.sim.SimGateway}: a TWS-protocol server (server version 193) on loopback that
 * serves a {@link io.tailguard.broker.sim.SimMarket} and a {@link io.tailguard.broker.sim.SimAccount},
 * enforces IB's limits and injects faults; the embedded default broker and the broker of every
 * integration test. Client messages are dispatched through a table of
 * {@link io.tailguard.broker.sim.RequestHandler}s by message id, one group per capability
 * (connection, contracts, market data, historical data, account); order handling slots in as one more group.
 */
package io.tailguard.broker.sim;
