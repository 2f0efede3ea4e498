/**
 * The port the core uses to reach a broker ({@link io.tailguard.broker.Broker}) and the reports it returns, and
 * which broker an installation uses ({@link io.tailguard.broker.BrokerConfig}: the simulated gateway or TWS).
 */
package io.tailguard.broker;
