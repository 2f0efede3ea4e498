package io.tailguard.ledger;

import io.tailguard.ledger.store.LedgerStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ledger's entry point. A weekly hedge proposal that is DONE opens its cycle through
 * {@link WeeklyHedgeCycles} (the orders side hands it over through the {@link ExecutedProposals} port, with
 * its fills), which calls {@link #openCycle} and {@link #bookFills}; {@link #attachProposal} adds a buy-back or
 * an early close. Fills that arrive later (commissions, corrections) are read through the {@link ProposalFills}
 * port by {@link #syncFills} / {@link #syncAllOpen}, which the daemon's order loop, the mark to market and the
 * expiry booking call; {@link ExpiryBooking} calls the lifecycle methods when the broker shows a settlement, an
 * expiry or an assignment. Every method is idempotent: calling it again with the same report books nothing more.
 */
public final class HedgeCycleLedger {
    /** The id prefix of the cycles {@code tailguard demo} copies into the configured ledger. */
    public static final String DEMO_PREFIX = "demo-";
    private static final int MAX_ATTEMPTS = 5;

    private final LedgerStore store;
    private final LedgerConfig config;
    private final Clock clock;
    private final ProposalFills fills;

    public HedgeCycleLedger(LedgerStore store, LedgerConfig config, Clock clock, ProposalFills fills) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.fills = fills;
    }

    /**
     * Opens the cycle of one weekly roll: the shares held and their price when the hedge executed, the
     * expiry of its options, and the proposal whose executions are its hedge legs. Returns the cycle; if it
     * already exists (the roll was retried) the stored one is returned unchanged.
     */
    public HedgeCycle openCycle(String cycleId, String proposalId, String underlying, LocalDate expiry,
            BigDecimal sharesHeld, BigDecimal underlyingPrice, Instant executedAt) {
        return openCycle(cycleId, proposalId, underlying, expiry, sharesHeld, underlyingPrice, null, executedAt);
    }

    /** As above, also recording the index level (XSP) at execution, which the payoff chart maps UPRO onto. */
    public HedgeCycle openCycle(String cycleId, String proposalId, String underlying, LocalDate expiry,
            BigDecimal sharesHeld, BigDecimal underlyingPrice, BigDecimal indexLevel, Instant executedAt) {
        return openCycle(cycleId, proposalId, underlying, expiry, sharesHeld, underlyingPrice, indexLevel, null,
                executedAt);
    }

    /**
     * As above, when the start price is from another moment than the execution (the demo measures its week
     * from Friday's close and executes on Monday): {@code underlyingAtExecution} is the underlying's price
     * when {@code indexLevel} was taken, the pair the payoff chart is anchored at.
     */
    public HedgeCycle openCycle(String cycleId, String proposalId, String underlying, LocalDate expiry,
            BigDecimal sharesHeld, BigDecimal underlyingPrice, BigDecimal indexLevel, BigDecimal underlyingAtExecution,
            Instant executedAt) {
        HedgeCycle cycle = HedgeCycle.open(cycleId, underlying, expiry, executedAt, sharesHeld, underlyingPrice)
                .withIndexStart(indexLevel).withUnderlyingAtExecution(underlyingAtExecution);
        store.insertCycle(cycle, CycleBooking.positionAtStart(cycle));
        if (proposalId != null) {
            store.attachProposal(cycleId, proposalId);
        }
        return cycle(cycleId);
    }

    /**
     * Copies a closed cycle of the demo's own ledger into this one, flagged demo, with every entry as booked
     * there (no recomputation; source refs kept). Its proposals are not linked: they live in the demo's
     * database only. The id must start with {@value #DEMO_PREFIX}. Returns false, copying nothing, if a
     * cycle with this id is already here (the demo of that week ran before).
     */
    public boolean importDemoCycle(HedgeCycle closed, List<LedgerEntry> entries) {
        if (!closed.id().startsWith(DEMO_PREFIX)) {
            throw new IllegalArgumentException("a demo cycle id starts with '" + DEMO_PREFIX + "', was '"
                    + closed.id() + "'");
        }
        return store.insertClosedCycle(closed.asDemo(), entries);
    }

    /** Adds another proposal's executions (a buy-back, an early close) to the cycle. */
    public void attachProposal(String cycleId, String proposalId) {
        cycle(cycleId);
        store.attachProposal(cycleId, proposalId);
    }

    /**
     * Books the executions and commissions the orders layer has stored for the cycle's proposals (read through
     * {@link ProposalFills}): new fills, corrections (a reversal and the corrected fill) and commissions that
     * arrived late. Returns how many entries were booked.
     */
    public int syncFills(String cycleId) {
        List<BrokerFill> all = new ArrayList<>();
        for (String proposalId : store.proposals(cycleId)) {
            all.addAll(fills.of(proposalId));
        }
        return bookFills(cycleId, all);
    }

    /**
     * Books these fills (of the cycle's proposals, as the orders layer last stored them) into the cycle: a fill
     * already booked under its execId adds nothing, a corrected one a reversal and the corrected fill, a
     * commission once it is known. Returns how many entries were booked.
     */
    public int bookFills(String cycleId, List<BrokerFill> reported) {
        return book(cycleId, booked -> {
            List<LedgerEntry> all = new ArrayList<>(booked);
            List<LedgerEntry> added = new ArrayList<>();
            for (BrokerFill f : reported) {
                List<LedgerEntry> more = CycleBooking.book(cycleId, f, all);
                all.addAll(more);
                added.addAll(more);
            }
            return added;
        });
    }

    /** Books every open cycle's new fills and commissions. */
    public int syncAllOpen() {
        return store.openCycles().stream().mapToInt(c -> syncFills(c.id())).sum();
    }

    /** The broker reported a cash-settled option's settlement price (XSP: the PM settlement of its expiry). */
    public int recordCashSettlement(String cycleId, Instrument option, BigDecimal settlementPrice, Instant at) {
        return book(cycleId, booked -> CycleBooking.cashSettlement(cycleId, option, settlementPrice, at, booked));
    }

    /** The broker reported an option expired worthless (the position is gone, no cash). */
    public int recordExpiry(String cycleId, Instrument option, Instant at) {
        return book(cycleId, booked -> CycleBooking.expiry(cycleId, option, at, booked));
    }

    /** The broker reported {@code contracts} of a short option assigned; {@code reportRef} identifies the report. */
    public int recordAssignment(String cycleId, Instrument option, BigDecimal contracts, Instant at,
            String reportRef) {
        return book(cycleId, booked -> CycleBooking.assignment(cycleId, option, contracts, at, reportRef, booked));
    }

    /**
     * Closes the cycle at the underlying's close on expiry. Refused while an option is still open: its
     * settlement, expiry, assignment or closing fill has to be booked first.
     */
    public HedgeCycle closeCycle(String cycleId, BigDecimal underlyingClose, Instant at) {
        HedgeCycle cycle = cycle(cycleId);
        if (!cycle.isOpen()) {
            return cycle;
        }
        Map<String, BigDecimal> open = Positions.open(store.entries(cycleId));
        String shares = Instrument.shares(cycle.underlying()).key();
        List<String> options = open.keySet().stream().filter(k -> !k.equals(shares)).toList();
        if (!options.isEmpty()) {
            throw new IllegalStateException("cycle " + cycleId + " still holds " + options
                    + ": book their settlement, expiry, assignment or closing fill first");
        }
        HedgeCycle closed = cycle.closed(open.getOrDefault(shares, BigDecimal.ZERO), underlyingClose, at);
        store.closeCycle(closed);
        return closed;
    }

    /** A closed cycle's result at its close price. */
    public CyclePnl result(String cycleId) {
        HedgeCycle cycle = cycle(cycleId);
        if (cycle.isOpen()) {
            throw new IllegalStateException("cycle " + cycleId + " is open: value it with valueAt(...)");
        }
        return CyclePnlCalculator.DEFAULT.compute(cycle, store.entries(cycleId), Valuation.at(cycle.priceEnd()),
                config.commitment());
    }

    /** A cycle (open or not) valued at the given prices. */
    public CyclePnl valueAt(String cycleId, Valuation valuation) {
        return CyclePnlCalculator.DEFAULT.compute(cycle(cycleId), store.entries(cycleId), valuation,
                config.commitment());
    }

    public HedgeCycle cycle(String cycleId) {
        return findCycle(cycleId).orElseThrow(() -> new NoSuchElementException("no hedge cycle " + cycleId));
    }

    public Optional<HedgeCycle> findCycle(String cycleId) {
        return store.cycle(cycleId);
    }

    /** The cycle a proposal's fills are booked in, if it is attached to one. */
    public Optional<String> cycleOf(String proposalId) {
        return store.cycleOf(proposalId);
    }

    public List<HedgeCycle> cycles() {
        return store.cycles();
    }

    public List<LedgerEntry> entries(String cycleId) {
        return store.entries(cycleId);
    }

    public LedgerConfig config() {
        return config;
    }

    Clock clock() {
        return clock;
    }

    private int book(String cycleId, Function<List<LedgerEntry>, List<LedgerEntry>> rules) {
        cycle(cycleId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<LedgerEntry> booked = store.entries(cycleId);
            List<LedgerEntry> added = rules.apply(booked);
            if (store.append(cycleId, booked.size(), added)) {
                return added.size();
            }
        }
        throw new IllegalStateException("cycle " + cycleId + ": booking kept racing another writer");
    }
}
