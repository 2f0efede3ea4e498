package io.tailguard.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The weekly hedge's booking of a finished proposal: its filled options on the hedge index (the XSP puts) are
 * the week's hedge, so the cycle {@code W<expiry>} runs to their expiry. The cycle starts when the hedge
 * executed (the last fill's time) with the shares held and the underlying's price and the index's level read
 * through {@link OpeningMarket}; then the proposal's fills are booked into it. A proposal that filled no hedge
 * option (a divest, a buy-back alone) opens no cycle. A second proposal for the same expiry joins the cycle.
 */
public final class WeeklyHedgeCycles implements ExecutedProposals {
    /** The prefix of a weekly cycle's id, followed by the expiry of its hedge ({@code W2026-12-04}). */
    public static final String CYCLE_PREFIX = "W";

    /**
     * What the strategy trades (from its file, {@code strategies/weekly-xsp-hedge.yaml}): the ETF held and
     * hedged, and the index whose options are the hedge, with the exchange its level is quoted on.
     */
    public record Terms(String underlying, String hedgeIndex, String indexExchange) {
        public Terms {
            Objects.requireNonNull(underlying, "underlying");
            Objects.requireNonNull(hedgeIndex, "hedgeIndex");
            Objects.requireNonNull(indexExchange, "indexExchange");
            if (underlying.isBlank() || hedgeIndex.isBlank() || indexExchange.isBlank()) {
                throw new IllegalArgumentException("underlying, hedge index and index exchange must not be blank");
            }
        }
    }

    private final HedgeCycleLedger ledger;
    private final Terms terms;
    private final OpeningMarket market;

    public WeeklyHedgeCycles(HedgeCycleLedger ledger, Terms terms, OpeningMarket market) {
        this.ledger = ledger;
        this.terms = terms;
        this.market = market;
    }

    public static String cycleId(LocalDate expiry) {
        return CYCLE_PREFIX + expiry;
    }

    @Override
    public boolean booked(String proposalId) {
        return ledger.cycleOf(proposalId).isPresent();
    }

    @Override
    public ExecutionBooking book(ExecutedProposal executed) {
        String proposalId = executed.proposalId();
        Optional<String> booked = ledger.cycleOf(proposalId);
        if (booked.isPresent()) {
            return new ExecutionBooking.AlreadyBooked(booked.get(), ledger.bookFills(booked.get(), executed.fills()));
        }
        List<BrokerFill> hedge = executed.fills().stream().filter(f -> f.instrument().isOption()
                && f.instrument().symbol().equals(terms.hedgeIndex())).toList();
        if (hedge.isEmpty()) {
            return new ExecutionBooking.NotBooked("no " + terms.hedgeIndex() + " option filled: no week of "
                    + terms.hedgeIndex() + " options to account for");
        }
        LocalDate expiry = hedge.stream().map(f -> f.instrument().expiry()).max(Comparator.naturalOrder()).orElseThrow();
        String cycleId = cycleId(expiry);
        if (ledger.findCycle(cycleId).isPresent()) {
            ledger.attachProposal(cycleId, proposalId);
            return new ExecutionBooking.AddedToCycle(cycleId, ledger.bookFills(cycleId, executed.fills()));
        }
        Instant executedAt = executed.fills().stream().map(BrokerFill::executedAt).max(Comparator.naturalOrder())
                .orElseThrow();
        Optional<BigDecimal> price = market.stockPrice(terms.underlying());
        Optional<BigDecimal> shares = price.isEmpty() ? Optional.empty() : market.sharesHeld(terms.underlying());
        if (price.isEmpty() || shares.isEmpty()) {
            return new ExecutionBooking.Deferred("no " + (price.isEmpty() ? "price" : "position") + " of "
                    + terms.underlying() + " to open cycle " + cycleId + " at");
        }
        // the index level only anchors the payoff chart: without it the cycle still opens
        BigDecimal index = market.indexLevel(terms.hedgeIndex(), terms.indexExchange()).orElse(null);
        HedgeCycle cycle = ledger.openCycle(cycleId, proposalId, terms.underlying(), expiry, shares.get(), price.get(),
                index, executedAt);
        return new ExecutionBooking.CycleOpened(cycle, ledger.bookFills(cycleId, executed.fills()));
    }
}
