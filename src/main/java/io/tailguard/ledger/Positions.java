package io.tailguard.ledger;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The open positions that a cycle's entries add up to, by {@link Instrument#key()}. */
public final class Positions {
    private Positions() {
    }

    public static Map<String, BigDecimal> open(List<LedgerEntry> entries) {
        Map<String, BigDecimal> open = new LinkedHashMap<>();
        for (LedgerEntry e : entries) {
            if (e.movesPosition()) {
                open.merge(e.instrument().key(), e.quantity(), BigDecimal::add);
            }
        }
        open.values().removeIf(q -> q.signum() == 0);
        return open;
    }

    /** The instruments of the entries, by key, so a position can be valued with its multiplier. */
    public static Map<String, Instrument> instruments(List<LedgerEntry> entries) {
        Map<String, Instrument> map = new LinkedHashMap<>();
        entries.forEach(e -> map.putIfAbsent(e.instrument().key(), e.instrument()));
        return map;
    }
}
