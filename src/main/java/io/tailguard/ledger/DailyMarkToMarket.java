package io.tailguard.ledger;

import io.tailguard.ledger.store.LedgerStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daily mark of every open cycle: books the fills and commissions that arrived, prices what the
 * cycle still holds from broker quotes, and stores the day's valuation. A mark is a valuation, never an
 * entry: it does not touch a booked fill. A cycle whose positions cannot all be priced is reported, not
 * marked with a guess.
 */
public final class DailyMarkToMarket {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final HedgeCycleLedger ledger;
    private final LedgerStore store;
    private final MarketPrices prices;
    private final Clock clock;
    private final ExpiryBooking expiries;

    public DailyMarkToMarket(HedgeCycleLedger ledger, LedgerStore store, MarketPrices prices, Clock clock) {
        this(ledger, store, prices, clock, null);
    }

    /** With {@code expiries}, each run first books what the broker reported at expiry and closes those cycles. */
    public DailyMarkToMarket(HedgeCycleLedger ledger, LedgerStore store, MarketPrices prices, Clock clock,
            ExpiryBooking expiries) {
        this.ledger = ledger;
        this.store = store;
        this.prices = prices;
        this.clock = clock;
        this.expiries = expiries;
    }

    /** What one run did: cycles marked, and cycles left unmarked with the reason. */
    public record Outcome(List<String> closed, List<CyclePnl> marked, Map<String, String> unmarked) {
        public String describe() {
            return (closed.isEmpty() ? "" : "closed " + closed + ", ") + marked.size() + " cycle(s) marked"
                    + (unmarked.isEmpty() ? "" : ", not marked: " + unmarked);
        }
    }

    public Outcome run() {
        LocalDate today = LocalDate.now(clock.withZone(NEW_YORK));
        List<String> closed = expiries == null ? List.of() : expiries.run();
        List<CyclePnl> marked = new ArrayList<>();
        Map<String, String> unmarked = new LinkedHashMap<>();
        for (HedgeCycle cycle : store.openCycles()) {
            ledger.syncFills(cycle.id());
            List<LedgerEntry> entries = store.entries(cycle.id());
            Map<String, Instrument> instruments = Positions.instruments(entries);
            Optional<BigDecimal> underlying = prices.price(Instrument.shares(cycle.underlying()));
            if (underlying.isEmpty()) {
                unmarked.put(cycle.id(), "no quote for " + cycle.underlying());
                continue;
            }
            Map<String, BigDecimal> optionPrices = new LinkedHashMap<>();
            String missing = null;
            for (String key : Positions.open(entries).keySet()) {
                Instrument i = instruments.get(key);
                if (!i.isOption()) {
                    continue;
                }
                Optional<BigDecimal> p = prices.price(i);
                if (p.isEmpty()) {
                    missing = key;
                    break;
                }
                optionPrices.put(key, p.get());
            }
            if (missing != null) {
                unmarked.put(cycle.id(), "no quote for " + missing);
                continue;
            }
            Valuation valuation = new Valuation(underlying.get(), optionPrices);
            CyclePnl pnl = ledger.valueAt(cycle.id(), valuation);
            store.saveMark(cycle.id(), today, pnl, valuation.describe(cycle.underlying()));
            marked.add(pnl);
        }
        return new Outcome(closed, marked, unmarked);
    }
}
