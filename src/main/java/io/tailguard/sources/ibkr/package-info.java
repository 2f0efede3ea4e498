/**
 * The broker-backed {@link io.tailguard.sources.DailyBarSource}: {@link io.tailguard.sources.ibkr.BrokerDailyBarSource}
 * reads daily bars through the {@link io.tailguard.broker.Broker} port: TRADES for SPX and the holdings, the
 * index value for VIX, VIX9D and VIX3M, and the option implied volatility of the XSP index for the symbol
 * {@code XSP_IV} (a fraction, 0.15 = 15%).
 */
package io.tailguard.sources.ibkr;
