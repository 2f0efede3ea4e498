package io.tailguard.app;

import io.tailguard.broker.Broker;
import io.tailguard.domain.Contract;
import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import io.tailguard.domain.SecurityType;
import io.tailguard.hedge.roll.ProposalBuilder;
import io.tailguard.ledger.HedgeCycle;
import io.tailguard.ledger.HedgeCycleLedger;
import io.tailguard.ledger.store.LedgerStore;
import io.tailguard.orders.Proposal;
import io.tailguard.orders.ProposalState;
import io.tailguard.orders.store.ProposalStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the week's hedge cycle in the ledger once a weekly hedge proposal has executed (its XSP puts are
 * the cycle's hedge legs; the cycle runs to their expiry), then books every open cycle's new fills and
 * commissions. Runs after each pass of the daemon's order loop; opening is idempotent per proposal.
 */
final class HedgeCycleOpener implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(HedgeCycleOpener.class);
    private static final String UNDERLYING = "UPRO";
    private static final String HEDGE_INDEX = "XSP";

    private final ProposalStore proposals;
    private final HedgeCycleLedger ledger;
    private final LedgerStore ledgerStore;
    private final Broker broker;
    private final Clock clock;

    HedgeCycleOpener(ProposalStore proposals, HedgeCycleLedger ledger, LedgerStore ledgerStore, Broker broker,
            Clock clock) {
        this.proposals = proposals;
        this.ledger = ledger;
        this.ledgerStore = ledgerStore;
        this.broker = broker;
        this.clock = clock;
    }

    @Override
    public void run() {
        openCycles();
        ledger.syncAllOpen();
    }

    /** Opens a cycle for each executed weekly hedge not yet in the ledger; returns how many it opened. */
    int openCycles() {
        Set<String> booked = new HashSet<>();
        for (HedgeCycle c : ledgerStore.cycles()) {
            booked.addAll(ledgerStore.proposals(c.id()));
        }
        int opened = 0;
        for (Proposal p : proposals.inStates(ProposalState.DONE)) {
            if (!ProposalBuilder.STRATEGY.equals(p.strategy()) || booked.contains(p.id())) {
                continue;
            }
            Optional<LocalDate> expiry = p.legs().stream().map(l -> l.contract())
                    .filter(c -> c.isOption() && HEDGE_INDEX.equals(c.symbol()))
                    .map(Contract::expiry).max(Comparator.naturalOrder());
            if (expiry.isEmpty()) {
                continue; // a divest or a call buy-back: no week of puts to account for
            }
            String cycleId = "W" + expiry.get();
            ledger.openCycle(cycleId, p.id(), UNDERLYING, expiry.get(), sharesHeld(), price(Contract.stock(UNDERLYING)),
                    price(Contract.index(HEDGE_INDEX, "CBOE")), clock.instant());
            log.info("hedge cycle {} opened for proposal {}", cycleId, p.id());
            opened++;
        }
        return opened;
    }

    private BigDecimal sharesHeld() {
        return broker.positions().stream()
                .filter(p -> p.contract().securityType() == SecurityType.STOCK && UNDERLYING.equals(p.contract().symbol()))
                .map(Position::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Mid when both sides quote, else the last trade; the price the cycle starts from. */
    private BigDecimal price(Contract contract) {
        Quote q = broker.snapshot(contract);
        double p = q.hasBidAndAsk() && !q.isCrossed() ? q.mid() : q.last();
        if (!Quote.isPrice(p) || p <= 0) {
            throw new IllegalStateException("no price for " + contract.describe() + " to open the hedge cycle at");
        }
        return BigDecimal.valueOf(p).setScale(2, RoundingMode.HALF_UP);
    }
}
