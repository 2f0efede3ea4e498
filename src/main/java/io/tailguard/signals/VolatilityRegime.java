package io.tailguard.signals;

/**
 * XSP implied-volatility regime, the same buckets the weekly hedge uses: LOW below 13.5%, MID to 17%, HIGH from
 * 17%, FALLING_FROM_HIGH when IV reached about 28-30% within the lookback and is now falling (thresholds
 * configurable).
 */
public enum VolatilityRegime {
    LOW, MID, HIGH, FALLING_FROM_HIGH
}
