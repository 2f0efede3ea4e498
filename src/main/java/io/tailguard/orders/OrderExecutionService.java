package io.tailguard.orders;

import io.tailguard.domain.TraderTime;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.OrderRoute;
import io.tailguard.domain.MarketRule;
import io.tailguard.domain.OrderTicket;
import io.tailguard.domain.Quote;
import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.orders.store.TradingStateStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.ProposalState;

/**
 * The daemon side of the order pipeline. {@link #poll()} (every few seconds, from {@link ProposalPoller})
 * expires approvals, applies the auto-approval policy, fails a proposal whose contract the broker does not
 * list, holds an approved one while its market is closed, gates and transmits the rest, works transmitted
 * orders (re-price; cancel at the end of the window, when HALTED or when the trader cancels) and closes
 * finished proposals. {@link #reconcile()} runs at start, after a reconnect and periodically. Time is the
 * injected clock's, and the session the exchange calendar's ({@link MarketHours}, from the approval rules).
 *
 * <p>Nothing is sent twice: an order id is persisted before use, the PENDING_SUBMIT row is written
 * before PLACE_ORDER, a leg with a row is never submitted again, and a PENDING_SUBMIT row is re-sent
 * only after reconciliation found its orderRef nowhere at the broker. All methods are serialized.
 */
public final class OrderExecutionService {
    private static final Logger log = LoggerFactory.getLogger(OrderExecutionService.class);

    private final ProposalStore proposals;
    private final OrderStore orders;
    private final TradingStateStore tradingState;
    private final ApprovalService approvals;
    private final OrderRoute route;
    private final MarketView market;
    private final TransmissionGates gates;
    private final OrderWorkingConfig working;
    private final Clock clock;
    private final Checkpoint checkpoint;
    private final Actor daemon;
    private final Actor auto;
    private final OrderEventRecorder recorder;
    private final Reconciler reconciler;
    private final MarketHours hours;
    private final OrderCancels cancels;
    private final ProposalNotes notes;
    private final LegListing listing;
    private final ProposalDoneListener onDone;
    private final LimitPricer pricer = LimitPricer.DEFAULT;
    private AutoCloseable subscription;

    public OrderExecutionService(ProposalStore proposals, OrderStore orders, TradingStateStore tradingState,
            ApprovalService approvals, OrderRoute route, MarketView market, TransmissionGates gates,
            OrderWorkingConfig working, Clock clock, Checkpoint checkpoint) {
        this(proposals, orders, tradingState, approvals, route, market, gates, working, clock, checkpoint,
                ProposalDoneListener.NONE);
    }

    /** As above; {@code onDone} is told of each proposal this service (or its order-event recorder) closes DONE. */
    public OrderExecutionService(ProposalStore proposals, OrderStore orders, TradingStateStore tradingState,
            ApprovalService approvals, OrderRoute route, MarketView market, TransmissionGates gates,
            OrderWorkingConfig working, Clock clock, Checkpoint checkpoint, ProposalDoneListener onDone) {
        this.proposals = proposals;
        this.orders = orders;
        this.tradingState = tradingState;
        this.approvals = approvals;
        this.route = route;
        this.market = market;
        this.gates = gates;
        this.working = working;
        this.clock = clock;
        this.checkpoint = checkpoint;
        this.onDone = onDone;
        this.daemon = Actor.daemon();
        this.auto = Actor.autoApproval();
        this.hours = approvals.checks().hours();
        this.recorder = new OrderEventRecorder(orders, proposals, daemon, hours, clock, onDone);
        this.reconciler = new Reconciler(route, orders, proposals, recorder, clock, working, daemon);
        this.cancels = new OrderCancels(orders, route, working, clock, daemon);
        this.notes = new ProposalNotes(proposals, daemon);
        this.listing = new LegListing(market, proposals, daemon);
    }

    /** Listens to order events and reconciles; call once the broker is connected. */
    public synchronized Reconciler.Report start() {
        if (subscription == null) {
            subscription = route.listen(recorder);
        }
        return reconcile();
    }

    /** Stops listening (the daemon shuts down, or a test simulates a crash). */
    public synchronized void stop() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                log.debug("closing the order listener: {}", e.toString());
            }
            subscription = null;
        }
    }

    public OrderEventRecorder recorder() {
        return recorder;
    }

    /**
     * Adopts what the broker did while we were away, then sends (once) any order that never reached
     * it, if its gates still pass.
     */
    public synchronized Reconciler.Report reconcile() {
        Reconciler.Report report = reconciler.reconcile();
        for (BrokerOrder lost : report.unsent()) {
            notes.guarded(lost.proposalId(), () -> resendLost(lost));
        }
        for (Proposal p : proposals.inStates(ProposalState.SUBMITTED)) {
            ProposalCompletion.closeIfDone(p.id(), proposals, orders, daemon, onDone);
        }
        if (report.adoptedOrders() > 0 || report.inferredFills() > 0 || report.stateChanges() > 0) {
            log.info("reconciled: {} orders adopted, {} fills inferred, {} states changed, {} orders re-sent",
                    report.adoptedOrders(), report.inferredFills(), report.stateChanges(), report.unsent().size());
        }
        return report;
    }

    /** One pass of the daemon's order loop. A problem with one proposal is recorded and does not stop the rest. */
    public synchronized void poll() {
        approvals.expireDue(daemon);
        approvals.autoApprove(auto);
        List<Proposal> pending = proposals.inStates(ProposalState.PROPOSED, ProposalState.APPROVED,
                ProposalState.SUBMITTED);
        // quotes of every pending leg are followed from the moment the proposal is seen, so that an
        // approval finds a streamed quote (MarketView.follow); a final proposal's are let go
        market.follow(pending.stream().flatMap(p -> p.legs().stream()).map(ProposalLeg::contract).toList());
        for (Proposal p : pending) {
            if (p.state() == ProposalState.APPROVED) {
                notes.guarded(p.id(), () -> submitApproved(p));
            }
        }
        for (Proposal p : proposals.inStates(ProposalState.SUBMITTED)) {
            notes.guarded(p.id(), () -> work(p));
        }
    }

    private void submitApproved(Proposal p) {
        Instant now = clock.instant();
        if (p.approvalExpiresAt() != null && !now.isBefore(p.approvalExpiresAt())) {
            approvals.expire(p, daemon, "approval expired at " + TraderTime.format(p.approvalExpiresAt()));
            return;
        }
        if (!listing.everyLegListed(p)) {
            return;
        }
        MarketStatus session = hours.status(p, now);
        if (!session.isOpen()) {
            // a DAY order sent now would only wait at the broker for the open, and its working window would
            // run out unworked: the approval waits here instead, and is valid from the open
            notes.once(p.id(), ProposalEventType.HELD, "the market is " + session.describe() + ": held, the daemon works it from "
                    + TraderTime.format(session.workFrom(now)));
            return;
        }
        Map<ProposalLeg, BigDecimal> limits = new LinkedHashMap<>();
        List<GateDecision.Denied> denials = new ArrayList<>();
        GateInputs inputs = gateInputs(p);
        for (ProposalLeg leg : p.legs()) {
            Quote quote = market.quote(leg.contract()).orElse(null);
            if (movedPastBounds(leg, quote)) {
                approvals.expire(p, daemon, "market moved past the bounds of " + leg.legId() + " ("
                        + leg.bounds().describe() + ", mid " + BigDecimal.valueOf(quote.mid()).toPlainString()
                        + "): re-price and approve again");
                return;
            }
            BigDecimal limit = pricer.initialLimit(leg, quote, market.priceRule(leg.contract()));
            GateDecision d = gates.check(p, leg, limit, inputs.context(quote, now));
            if (d instanceof GateDecision.Denied denied) {
                denials.add(denied);
            }
            limits.put(leg, limit);
        }
        if (!denials.isEmpty()) {
            notes.denials(p.id(), denials);
            return;
        }
        if (!proposals.transition(p.id(), ProposalState.APPROVED, ProposalState.SUBMITTED, daemon,
                "gates passed; transmitting " + p.legs().size() + " legs", p.approvalExpiresAt())) {
            return;
        }
        for (Map.Entry<ProposalLeg, BigDecimal> e : limits.entrySet()) {
            transmitNew(p, e.getKey(), e.getValue());
        }
    }

    /** A leg without an order row: allocate an id, write PENDING_SUBMIT, then transmit. */
    private void transmitNew(Proposal p, ProposalLeg leg, BigDecimal limit) {
        if (orders.byLeg(leg.legId()).isPresent()) {
            return;
        }
        long orderId = orders.allocateOrderId(route.nextValidId());
        checkpoint.reached(Checkpoint.Point.ORDER_ID_ALLOCATED, orderId);
        orders.insertPending(orderId, leg.legId(), p.id(), route.accountId(), BigDecimal.valueOf(leg.quantity()), limit,
                daemon);
        checkpoint.reached(Checkpoint.Point.PENDING_SUBMIT_RECORDED, orderId);
        place(ticket(orderId, leg, limit));
    }

    private void place(OrderTicket ticket) {
        try {
            route.place(ticket);
        } catch (BrokerException e) {
            orders.note(ticket.orderId(), daemon, OrderEventType.PLACE_FAILED, e.getMessage() + "; reconciliation decides");
            return;
        }
        checkpoint.reached(Checkpoint.Point.PLACED, ticket.orderId());
        orders.markTransmitted(ticket.orderId());
        log.info("transmitted {}", ticket.describe());
    }

    /**
     * An order recorded PENDING_SUBMIT that the broker has never seen: send it once more if still allowed
     * and the market is open (else the next reconciliation asks again). A proposal the trader cancelled
     * meanwhile sends nothing.
     */
    private void resendLost(BrokerOrder lost) {
        Proposal p = proposals.find(lost.proposalId()).orElseThrow();
        ProposalLeg leg = p.leg(lost.legId());
        Optional<CancelRequest> cancel = proposals.cancelRequest(p.id());
        if (cancel.isPresent()) {
            orders.end(lost.orderId(), OrderState.PENDING_SUBMIT, OrderState.CANCELLED, daemon,
                    "never reached the broker; not sent", OrderEnd.CANCELLED_BY_TRADER, "before it reached the broker, by "
                            + cancel.get().describe());
            ProposalCompletion.closeIfDone(p.id(), proposals, orders, daemon, onDone);
            return;
        }
        if (!hours.status(p, clock.instant()).isOpen()) {
            return;
        }
        Quote quote = market.quote(leg.contract()).orElse(null);
        BigDecimal limit = pricer.initialLimit(leg, quote, market.priceRule(leg.contract()));
        GateDecision d = gates.check(p, leg, limit, gateInputs(p).context(quote, clock.instant()));
        if (d instanceof GateDecision.Denied denied) {
            orders.end(lost.orderId(), OrderState.PENDING_SUBMIT, OrderState.CANCELLED, daemon,
                    "never reached the broker; not re-sent", OrderEnd.NOT_SENT, denied.describe());
            ProposalCompletion.closeIfDone(p.id(), proposals, orders, daemon, onDone);
            return;
        }
        long orderId = lost.orderId();
        long fresh = orders.allocateOrderId(route.nextValidId());
        orders.changeOrderId(orderId, fresh, limit, daemon);
        place(ticket(fresh, leg, limit));
    }

    /**
     * Work a transmitted proposal: send legs that never got a row, re-price, cancel (at the end of the
     * working window, when HALTED, when the trader asked), close.
     */
    private void work(Proposal p) {
        Instant now = clock.instant();
        TradingStateStore.Current state = tradingState.current();
        Optional<CancelRequest> cancel = proposals.cancelRequest(p.id());
        Map<String, ProposalStore.LegEnd> ended = proposals.legEnds(p.id());
        for (ProposalLeg leg : p.legs()) {
            Optional<BrokerOrder> found = orders.byLeg(leg.legId());
            if (found.isEmpty()) {
                if (!ended.containsKey(leg.legId())) {
                    sendMissingLeg(p, leg, cancel, now);
                }
                continue;
            }
            BrokerOrder o = found.get();
            if (cancel.isPresent()) {
                // an order transmitted but not yet acknowledged is cancelled too: IB takes a cancel by order id
                if (o.state().isWorking() || (o.state() == OrderState.PENDING_SUBMIT && o.transmittedAt() != null)) {
                    cancels.cancel(o, OrderEnd.CANCELLED_BY_TRADER, "by " + cancel.get().describe());
                }
                continue;
            }
            if (!o.state().isWorking() || o.transmittedAt() == null) {
                continue;
            }
            boolean windowOver = !now.isBefore(o.transmittedAt().plus(working.workingWindow()));
            if (windowOver) {
                cancels.cancel(o, OrderEnd.WORKING_WINDOW_OVER, "what was left after " + describe(working.workingWindow())
                        + " at the broker");
            } else if (state.state() == TradingState.HALTED) {
                cancels.cancel(o, OrderEnd.HALTED, "trading HALTED by " + state.changedBy() + ": " + state.reason());
            } else if (o.repriceCount() < working.repriceSteps() && o.pricedAt() != null
                    && !now.isBefore(o.pricedAt().plus(working.repriceWait()))) {
                reprice(p, leg, o);
            }
        }
        ProposalCompletion.closeIfDone(p.id(), proposals, orders, daemon, onDone);
    }

    /** A leg of a SUBMITTED proposal without a row: the daemon crashed after SUBMITTED, before this leg's row. */
    private void sendMissingLeg(Proposal p, ProposalLeg leg, Optional<CancelRequest> cancel, Instant now) {
        if (cancel.isPresent()) {
            proposals.endLeg(p.id(), leg.legId(), new ProposalStore.LegEnd(OrderEnd.CANCELLED_BY_TRADER,
                    "before it was sent, by " + cancel.get().describe()), daemon);
            return;
        }
        Optional<String> notListed = listing.notListed(leg);
        if (notListed.isPresent()) {
            proposals.endLeg(p.id(), leg.legId(), new ProposalStore.LegEnd(OrderEnd.NOT_QUALIFIED, notListed.get()),
                    daemon);
            return;
        }
        if (!hours.status(p, now).isOpen()) {
            return;
        }
        Quote quote = market.quote(leg.contract()).orElse(null);
        BigDecimal limit = pricer.initialLimit(leg, quote, market.priceRule(leg.contract()));
        GateDecision d = gates.check(p, leg, limit, gateInputs(p).context(quote, now));
        if (d instanceof GateDecision.Denied denied) {
            notes.denials(p.id(), List.of(denied));
        } else {
            transmitNew(p, leg, limit);
        }
    }

    private void reprice(Proposal p, ProposalLeg leg, BrokerOrder o) {
        Quote quote = market.quote(leg.contract()).orElse(null);
        GateDecision quoteOk = gates.quote(gateInputs(p).context(quote, clock.instant()));
        if (!quoteOk.isAllowed()) {
            orders.note(o.orderId(), daemon, OrderEventType.REPRICE_SKIPPED, ((GateDecision.Denied) quoteOk).describe());
            return;
        }
        MarketRule rule = market.priceRule(leg.contract());
        BigDecimal next = pricer.nextLimit(leg, o.limitPrice(), quote, rule, working.repriceSteps() - o.repriceCount());
        if (next.compareTo(o.limitPrice()) == 0 || !leg.withinWorst(next)) {
            return;
        }
        orders.reprice(o.orderId(), next, daemon, o.limitPrice().toPlainString() + " -> " + next.toPlainString()
                + " (step " + (o.repriceCount() + 1) + " of " + working.repriceSteps() + ", worst "
                + leg.worstPrice().toPlainString() + ")");
        try {
            route.place(ticket(o.orderId(), leg, next));
        } catch (BrokerException e) {
            orders.note(o.orderId(), daemon, OrderEventType.REPRICE_FAILED, e.getMessage());
        }
    }

    /** "5 min", "90 s": a working window as the trader configured it. */
    static String describe(Duration d) {
        return d.toSecondsPart() == 0 && d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    private OrderTicket ticket(long orderId, ProposalLeg leg, BigDecimal limit) {
        return new OrderTicket(orderId, leg.contract(), leg.side(), BigDecimal.valueOf(leg.quantity()), limit,
                working.timeInForce(), leg.legId(), route.accountId());
    }

    private static boolean movedPastBounds(ProposalLeg leg, Quote quote) {
        return quote != null && quote.hasBidAndAsk() && !quote.isCrossed()
                && !leg.bounds().contains(BigDecimal.valueOf(quote.mid()));
    }

    private GateInputs gateInputs(Proposal p) {
        return new GateInputs(route.accountId(), tradingState.current().state(), market.positions(),
                orders.premiumCommittedSince(ProposalChecks.weekStart(clock.instant()), p.id()),
                orders.sharesPledgedToWorkingShortCalls(p.id()));
    }

    /** How long the daemon waits between polls by default: the console's approval is picked up within this. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
}
