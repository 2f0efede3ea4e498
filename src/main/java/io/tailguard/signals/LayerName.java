package io.tailguard.signals;

/** The layers of issue #8, in the order a snapshot lists them. */
public enum LayerName {
    RATE_SENSITIVITY,
    CASH_FLOW_DURABILITY,
    DELUSION_REGIME,
    CONTRARIAN_FLAGS,
    STEEPENER_SETUP,
    DURATION_BARBELL,
    POWELL_PAUSE,
    VOLATILITY_REGIME,
    RISK_ASSESSMENT
}
