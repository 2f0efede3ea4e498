package io.tailguard.app;

import io.tailguard.ledger.ExecutedProposal;
import io.tailguard.ledger.ExecutionBooking;
import io.tailguard.ledger.ExecutionRoutes;
import io.tailguard.ledger.HedgeCycleLedger;
import io.tailguard.proposal.Proposal;
import io.tailguard.orders.ProposalDoneListener;
import io.tailguard.proposal.ProposalState;
import io.tailguard.orders.store.ProposalStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each proposal the orders side closes DONE to the ledger, with its fills, and books the fills that come
 * after (late commissions, corrections) into the open cycles. The DONE transition only notes the proposal
 * ({@link #done}, on whatever thread made it, often the broker's); the order loop hands it over after its
 * pass ({@link #run}), where a broker call for the cycle's start may wait.
 *
 * <p>Crash safety: a process that dies between a proposal's DONE and its hand-over has lost the note, not the
 * proposal. {@link #catchUp()}, once when the order loop starts, notes every DONE proposal of a routed strategy
 * that the ledger has not booked; the ledger's booking is idempotent per proposal, so one handed over twice
 * (caught up and announced again) is booked once.
 */
final class ExecutionHandover implements ProposalDoneListener, Runnable {
    private static final Logger log = LoggerFactory.getLogger(ExecutionHandover.class);

    private final ProposalStore proposals;
    private final OrderFills fills;
    private final ExecutionRoutes ledger;
    private final HedgeCycleLedger cycles;
    // guarded by itself; insertion order: two proposals of one week open the cycle in the order they finished
    private final Set<String> waiting = new LinkedHashSet<>();
    // proposals whose deferral was logged
    private final Set<String> deferred = ConcurrentHashMap.newKeySet();
    private volatile boolean caughtUp;

    /** {@code ledger} books finished proposals by strategy; {@code cycles} is synced for what arrives later. */
    ExecutionHandover(ProposalStore proposals, OrderFills fills, ExecutionRoutes ledger, HedgeCycleLedger cycles) {
        this.proposals = proposals;
        this.fills = fills;
        this.ledger = ledger;
        this.cycles = cycles;
    }

    @Override
    public void done(Proposal proposal) {
        if (ledger.routes(proposal.strategy())) {
            synchronized (waiting) {
                waiting.add(proposal.id());
            }
        }
    }

    /**
     * At the start of the order loop: every DONE proposal of a routed strategy that the ledger has not booked is
     * handed over now (those that cannot be yet wait for the next pass). Returns what the ledger did.
     */
    List<ExecutionBooking> catchUp() {
        List<String> missed = proposals.inStates(ProposalState.DONE).stream()
                .filter(p -> ledger.routes(p.strategy()) && !ledger.booked(p.id())).map(Proposal::id).toList();
        if (!missed.isEmpty()) {
            log.info("catching up {} DONE proposal(s) the ledger holds nothing of (finished before the last stop): {}",
                    missed.size(), missed);
        }
        synchronized (waiting) {
            waiting.addAll(missed);
        }
        caughtUp = true;
        return handOver();
    }

    /**
     * After each pass of the order loop: hand over what finished (catching up first if that failed at the start),
     * then book what arrived since for the open cycles: late commissions, corrections, fills learned by a
     * reconciliation.
     */
    @Override
    public void run() {
        if (caughtUp) {
            handOver();
        } else {
            catchUp();
        }
        cycles.syncAllOpen();
    }

    /** Hands over each noted proposal whose fills are all in; what cannot be booked yet stays noted. */
    List<ExecutionBooking> handOver() {
        List<String> ids;
        synchronized (waiting) {
            ids = new ArrayList<>(waiting);
        }
        List<ExecutionBooking> done = new ArrayList<>();
        for (String id : ids) {
            ExecutionBooking booking;
            try {
                Optional<Proposal> proposal = proposals.find(id);
                Optional<ExecutedProposal> executed = proposal.flatMap(fills::executed);
                if (proposal.isPresent() && executed.isEmpty()) {
                    continue; // an execution report is still on its way: the next pass
                }
                booking = proposal.isEmpty() ? new ExecutionBooking.NotBooked("no proposal " + id)
                        : ledger.book(executed.get());
            } catch (RuntimeException e) {
                log.error("proposal {}: handing it to the ledger failed, trying again after the next pass: {}", id,
                        e.toString(), e);
                continue;
            }
            if (booking instanceof ExecutionBooking.Deferred) {
                if (deferred.add(id)) {
                    log.warn("proposal {}: {}; trying again after each order-loop pass", id, booking.describe());
                }
                continue;
            }
            synchronized (waiting) {
                waiting.remove(id);
            }
            deferred.remove(id);
            log.info("proposal {} handed to the ledger: {}", id, booking.describe());
            done.add(booking);
        }
        return done;
    }
}
