/**
 * The port the core uses to reach a broker ({@link io.tailguard.broker.Broker}) and the reports it returns.
 */
package io.tailguard.broker;
