/**
 * Pulling an option chain through the TWS client within IB's pacing. Entry point:
 * {@link io.tailguard.broker.ibkr.chain.ChainPull}; {@link io.tailguard.broker.ibkr.chain.ChainPullBenchmark}
 * measures a pull against its pacing bound for the {@code tailguard bench chain} command.
 */
package io.tailguard.broker.ibkr.chain;
