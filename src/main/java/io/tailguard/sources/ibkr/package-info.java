/**
 * Place of the broker-backed {@link io.tailguard.sources.DailyBarSource}, added when the broker port is merged:
 * daily bars through {@code io.tailguard.broker.Broker} (historical data, bar size "1 day", regular trading hours):
 * TRADES for SPX (CBOE index) and the holdings, the index value for VIX, VIX9D, VIX3M (CBOE), and
 * OPTION_IMPLIED_VOLATILITY of the XSP index for the symbol {@code XSP_IV} (a fraction, 0.15 = 15%).
 */
package io.tailguard.sources.ibkr;
