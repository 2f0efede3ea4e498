package io.tailguard.signals;

import java.util.Locale;

/**
 * The XSP implied-volatility regime: the one definition the signal snapshot records and the weekly hedge acts on
 * (thresholds in {@link VolatilityRegimeRule}, configured in {@code strategies/signal-layers.yaml}). The names say
 * what the level means for the price of protection; what each regime lets a roll trade is the strategy's
 * ({@code regimes.<regime>} in {@code strategies/weekly-xsp-hedge.yaml}).
 */
public enum VolatilityRegime {
    /** Below {@code modestFrom} (13.5%): puts are cheap. */
    CHEAP,
    /** From {@code modestFrom} to {@code richFrom} (13.5% to 17%): "modestly elevated". */
    MODEST,
    /** From {@code richFrom} (17%): calls are dear, puts dearer. */
    RICH,
    /** Coming down from a peak at or above {@code fallingPeakAtLeast}: options still dear, crash risk receding. */
    FALLING_FROM_HIGH;

    /**
     * A stored name. Snapshots stored before the two regime enums became this one wrote LOW, MID and HIGH for
     * the same thresholds: they read back as CHEAP, MODEST and RICH.
     */
    public static VolatilityRegime parse(String name) {
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "LOW" -> CHEAP;
            case "MID" -> MODEST;
            case "HIGH" -> RICH;
            default -> valueOf(name.trim().toUpperCase(Locale.ROOT));
        };
    }
}
