package io.tailguard.orders;

import io.tailguard.broker.ExecutionHistory;
import io.tailguard.broker.OrderRoute;
import io.tailguard.domain.CommissionReport;
import io.tailguard.domain.ExecutionReport;
import io.tailguard.domain.OpenOrderReport;
import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares what the broker knows (open orders, completed orders, executions) with the database and
 * adopts what happened while tailguard was away: orders it placed but never heard back from, fills
 * (flagged as inferred), final states. It never sends anything; it reports which PENDING_SUBMIT
 * orders the broker does not know at all, so the caller can decide to send them (once).
 */
public final class Reconciler {
    private final OrderRoute route;
    private final OrderStore orders;
    private final ProposalStore proposals;
    private final OrderEventRecorder recorder;
    private final Clock clock;
    private final OrderWorkingConfig working;
    private final Actor daemon;

    public Reconciler(OrderRoute route, OrderStore orders, ProposalStore proposals, OrderEventRecorder recorder,
            Clock clock, OrderWorkingConfig working, Actor daemon) {
        this.route = route;
        this.orders = orders;
        this.proposals = proposals;
        this.recorder = recorder;
        this.clock = clock;
        this.working = working;
        this.daemon = daemon;
    }

    /** What one pass found. {@code unsent}: PENDING_SUBMIT orders the broker has never seen. */
    public record Report(int adoptedOrders, int inferredFills, int stateChanges, List<BrokerOrder> unsent) {
    }

    public Report reconcile() {
        Instant now = clock.instant();
        List<OpenOrderReport> known = new ArrayList<>(route.openOrders());
        known.addAll(route.completedOrders());
        ExecutionHistory history = route.executionsSince(now.minus(working.executionLookback()));

        Map<String, OpenOrderReport> byRef = new HashMap<>();
        for (OpenOrderReport r : known) {
            if (!r.orderRef().isEmpty()) {
                // a completed report and an open one for the same ref: the final one wins
                byRef.merge(r.orderRef(), r, (a, b) -> b.status().isFinal() ? b : a);
            }
        }
        Map<String, List<ExecutionReport>> execsByRef = new HashMap<>();
        for (ExecutionReport e : history.executions()) {
            execsByRef.computeIfAbsent(e.orderRef(), k -> new ArrayList<>()).add(e);
        }

        int adopted = adoptUnknownOrders(byRef, execsByRef);
        int fills = 0;
        for (ExecutionReport e : history.executions()) {
            if (recorder.record(e, true) == OrderStore.ExecutionOutcome.NEW) {
                fills++;
            }
        }
        for (CommissionReport c : history.commissions()) {
            recorder.onCommission(c);
        }
        int changes = applyBrokerStates(byRef);

        List<BrokerOrder> unsent = new ArrayList<>();
        for (BrokerOrder o : orders.notFinal()) {
            boolean brokerKnows = byRef.containsKey(o.legId()) || execsByRef.containsKey(o.legId());
            if (o.state() == OrderState.PENDING_SUBMIT && !brokerKnows) {
                boolean graceOver = o.transmittedAt() == null
                        || Duration.between(o.transmittedAt(), now).compareTo(working.resendGrace()) >= 0;
                if (graceOver) {
                    unsent.add(o);
                }
            }
        }
        return new Report(adopted, fills, changes, unsent);
    }

    /** Orders the broker has under one of our leg ids while we have no row: we crashed before writing it. */
    private int adoptUnknownOrders(Map<String, OpenOrderReport> byRef, Map<String, List<ExecutionReport>> execsByRef) {
        int adopted = 0;
        for (OpenOrderReport r : byRef.values()) {
            if (orders.byLeg(r.orderRef()).isPresent()) {
                continue;
            }
            Optional<String> proposalId = proposalOfLeg(r.orderRef());
            if (proposalId.isEmpty()) {
                continue; // not ours: placed by hand in TWS or by another program
            }
            orders.insertAdopted(adoptedOrderId(r, execsByRef.getOrDefault(r.orderRef(), List.of())), r.orderRef(),
                    proposalId.get(), r.permId(), r.account(), OrderState.SUBMITTED, r.quantity(),
                    r.limitPrice() == null ? BigDecimal.ZERO : r.limitPrice(), daemon);
            adopted++;
        }
        for (Map.Entry<String, List<ExecutionReport>> e : execsByRef.entrySet()) {
            if (e.getKey().isEmpty() || orders.byLeg(e.getKey()).isPresent()) {
                continue;
            }
            Optional<String> proposalId = proposalOfLeg(e.getKey());
            if (proposalId.isEmpty()) {
                continue;
            }
            ExecutionReport first = e.getValue().get(0);
            BigDecimal qty = proposals.find(proposalId.get()).map(p -> BigDecimal.valueOf(p.leg(e.getKey()).quantity()))
                    .orElse(first.shares());
            orders.insertAdopted(first.orderId(), e.getKey(), proposalId.get(), first.permId(), first.account(),
                    OrderState.SUBMITTED, qty, first.price(), daemon);
            adopted++;
        }
        return adopted;
    }

    /**
     * The id to store an adopted order under. COMPLETED_ORDER carries no order id (the wire has 0): take
     * it from one of the order's executions; an order that never filled is stored under its negated
     * permId, which no order id we allocate can ever equal (ids are positive), so the leg has its row
     * and is never sent again.
     */
    static long adoptedOrderId(OpenOrderReport r, List<ExecutionReport> executions) {
        if (r.orderId() > 0) {
            return r.orderId();
        }
        return executions.stream().mapToLong(ExecutionReport::orderId).filter(id -> id > 0).findFirst()
                .orElse(-Math.abs(r.permId()));
    }

    private int applyBrokerStates(Map<String, OpenOrderReport> byRef) {
        int changes = 0;
        for (OpenOrderReport r : byRef.values()) {
            Optional<BrokerOrder> o = orders.byLeg(r.orderRef());
            if (o.isEmpty()) {
                continue;
            }
            orders.updatePermId(o.get().orderId(), r.permId());
            BrokerOrder current = orders.byLeg(r.orderRef()).orElseThrow();
            Optional<OrderState> target = OrderState.fromBroker(r.status(), current.filledQty(), current.quantity());
            if (target.isPresent() && target.get() != current.state()) {
                OrderState before = current.state();
                recorder.move(current, target.get(), "reconciled: broker reports " + r.status());
                if (orders.byLeg(r.orderRef()).orElseThrow().state() != before) {
                    changes++;
                }
            }
        }
        return changes;
    }

    private Optional<String> proposalOfLeg(String legId) {
        return proposals.proposalOfLeg(legId);
    }
}
