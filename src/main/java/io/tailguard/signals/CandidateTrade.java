package io.tailguard.signals;

import io.tailguard.config.Require;
import java.util.List;
import java.util.Objects;

/**
 * A trade a layer suggests, for the approval queue: never executed by the signals themselves. Sizing and prices
 * are left to the proposal step.
 */
public record CandidateTrade(LayerName origin, List<Leg> legs, String rationale) {

    public enum Side { LONG, SHORT }

    public enum Instrument { STOCK, CALL }

    public record Leg(Side side, Instrument instrument, String symbol) {
        public Leg {
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(instrument, "instrument");
            Require.text(symbol, "leg.symbol");
        }

        /** Text form {@code LONG STOCK KRE}, as stored. */
        @Override
        public String toString() {
            return side + " " + instrument + " " + symbol;
        }

        public static Leg parse(String text) {
            String[] parts = text.trim().split(" ");
            if (parts.length != 3) {
                throw new IllegalArgumentException("leg must look like 'LONG STOCK KRE' but was '" + text + "'");
            }
            return new Leg(Side.valueOf(parts[0]), Instrument.valueOf(parts[1]), parts[2]);
        }
    }

    public CandidateTrade {
        Objects.requireNonNull(origin, "origin");
        if (legs == null || legs.isEmpty()) {
            throw new IllegalArgumentException("legs must not be empty");
        }
        legs = List.copyOf(legs);
        if (rationale == null || rationale.isBlank()) {
            throw new IllegalArgumentException("rationale must be non-blank");
        }
    }
}
