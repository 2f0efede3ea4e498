package io.tailguard.orders;

import io.tailguard.config.Require;

/** Trading mode (paper unless live is switched on twice), dry-run, and risk limits. */
public record TradingConfig(TradingMode mode, Boolean dryRun, RiskLimitsConfig limits) {
    public TradingConfig {
        mode = Require.orDefault(mode, TradingMode.PAPER);
        dryRun = Require.orDefault(dryRun, Boolean.FALSE);
        limits = Require.orDefault(limits, RiskLimitsConfig.defaults());
    }
}
