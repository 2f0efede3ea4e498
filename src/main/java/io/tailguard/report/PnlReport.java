package io.tailguard.report;

import io.tailguard.domain.TraderTime;
import io.tailguard.ledger.CumulativePnl;
import io.tailguard.ledger.CyclePnl;
import io.tailguard.ledger.HedgeCycle;
import io.tailguard.ledger.HedgeCycleLedger;
import io.tailguard.ledger.LedgerEntry;
import io.tailguard.ledger.TaxYearView;
import io.tailguard.ledger.Valuation;
import io.tailguard.ledger.store.LedgerStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the P&amp;L reports show, read from the ledger: every cycle with its result (a closed cycle at its close
 * price, an open one at its latest daily mark, recomputed from the entries booked since), and the
 * cumulative view over the closed cycles. Demo cycles ({@code tailguard demo}) never count: they are
 * listed apart ({@link #demoCycles()}), the current cycle only while there is no real one, and they are
 * in neither the cumulative figures nor the tax view.
 */
public final class PnlReport {
    private final HedgeCycleLedger ledger;
    private final LedgerStore store;

    public PnlReport(HedgeCycleLedger ledger, LedgerStore store) {
        this.ledger = ledger;
        this.store = store;
    }

    /** One cycle as reported: {@code pnl} is empty for an open cycle that has no mark yet. */
    public record CycleView(HedgeCycle cycle, Optional<CyclePnl> pnl, String basis, Optional<Valuation> valuation) {
    }

    /** The trader's cycles, oldest first (no demo cycle). */
    public List<CycleView> cycles() {
        return realCycles().stream().map(this::view).toList();
    }

    /** The cycles copied by {@code tailguard demo}, oldest first. */
    public List<CycleView> demoCycles() {
        return store.cycles().stream().filter(HedgeCycle::demo).map(this::view).toList();
    }

    public Optional<CycleView> cycle(String id) {
        return store.cycle(id).map(this::view);
    }

    /**
     * The open cycle (the latest, if a roll overlaps), else the latest closed one; while the trader has no
     * cycle yet, the latest demo cycle.
     */
    public Optional<CycleView> current() {
        List<HedgeCycle> all = realCycles();
        if (all.isEmpty()) {
            return store.cycles().stream().filter(HedgeCycle::demo).reduce((a, b) -> b).map(this::view);
        }
        return all.stream().filter(HedgeCycle::isOpen).reduce((a, b) -> b)
                .or(() -> Optional.of(all.get(all.size() - 1)))
                .map(this::view);
    }

    /** The tax view of a year, with each cycle's last daily mark of a year as its year-end mark. */
    public TaxYearView.Result taxYear(int year) {
        List<HedgeCycle> all = realCycles();
        Map<String, List<LedgerEntry>> entries = new HashMap<>();
        all.forEach(c -> entries.put(c.id(), store.entries(c.id())));
        return TaxYearView.of(year, all, entries, (cycleId, y) -> store.marks(cycleId).stream()
                .filter(m -> m.date().getYear() == y).reduce((a, b) -> b)
                .map(m -> Valuation.parse(store.cycle(cycleId).orElseThrow().underlying(), m.prices())),
                ledger.config().lotMethod());
    }

    public io.tailguard.ledger.tax.LotMethod lotMethod() {
        return ledger.config().lotMethod();
    }

    public List<LedgerEntry> entries(String cycleId) {
        return store.entries(cycleId);
    }

    /** The closed cycles' figures added up (an open cycle's mark is not a result yet). */
    public CumulativePnl cumulative() {
        return CumulativePnl.of(closedResults());
    }

    public List<CyclePnl> closedResults() {
        return results(closedCycles());
    }

    /** The demo cycles' results, for the charts while there is no real cycle. */
    public List<CyclePnl> demoClosedResults() {
        return results(demoClosedCycles());
    }

    /** The trader's closed cycles with their results, oldest first (the cumulative chart dates them). */
    public List<CycleView> closedCycles() {
        return closed(cycles());
    }

    /** The demo's closed cycles, for the charts while there is no real cycle. */
    public List<CycleView> demoClosedCycles() {
        return closed(demoCycles());
    }

    private static List<CycleView> closed(List<CycleView> views) {
        return views.stream().filter(v -> !v.cycle().isOpen()).toList();
    }

    private static List<CyclePnl> results(List<CycleView> views) {
        return views.stream().map(v -> v.pnl().orElseThrow()).toList();
    }

    private List<HedgeCycle> realCycles() {
        return store.cycles().stream().filter(c -> !c.demo()).toList();
    }

    private CycleView view(HedgeCycle c) {
        if (!c.isOpen()) {
            return new CycleView(c, Optional.of(ledger.result(c.id())), "closed " + TraderTime.format(c.closedAt()),
                    Optional.of(Valuation.at(c.priceEnd())));
        }
        List<LedgerStore.Mark> marks = store.marks(c.id());
        if (marks.isEmpty()) {
            return new CycleView(c, Optional.empty(), "open, not marked yet", Optional.empty());
        }
        LedgerStore.Mark last = marks.get(marks.size() - 1);
        Valuation v = Valuation.parse(c.underlying(), last.prices());
        try {
            return new CycleView(c, Optional.of(ledger.valueAt(c.id(), v)), "open, marked " + last.date(),
                    Optional.of(v));
        } catch (IllegalArgumentException e) {
            // a position opened after the last mark has no price yet
            return new CycleView(c, Optional.empty(), "open, " + e.getMessage(), Optional.empty());
        }
    }
}
