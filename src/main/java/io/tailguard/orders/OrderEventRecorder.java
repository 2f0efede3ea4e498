package io.tailguard.orders;

import io.tailguard.broker.OrderEventListener;
import io.tailguard.domain.CommissionReport;
import io.tailguard.domain.ExecutionReport;
import io.tailguard.domain.OrderRejection;
import io.tailguard.domain.OrderStatusReport;
import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns broker order events into stored state: order transitions (only legal ones; a late or
 * repeated report is ignored), executions once per execId, commissions when they arrive, rejections
 * as events. Used live (as the {@link OrderEventListener}) and by reconciliation, so both paths
 * store the same way and a fill seen on both is counted once.
 */
public final class OrderEventRecorder implements OrderEventListener {
    private static final Logger log = LoggerFactory.getLogger(OrderEventRecorder.class);

    private final OrderStore orders;
    private final ProposalStore proposals;
    private final Actor daemon;

    public OrderEventRecorder(OrderStore orders, ProposalStore proposals, Actor daemon) {
        this.orders = orders;
        this.proposals = proposals;
        this.daemon = daemon;
    }

    @Override
    public synchronized void onStatus(OrderStatusReport status) {
        guard("status of order " + status.orderId(), () -> {
            Optional<BrokerOrder> found = orders.byOrderId(status.orderId());
            if (found.isEmpty()) {
                log.debug("status for an order that is not ours: {}", status);
                return;
            }
            BrokerOrder o = found.get();
            orders.updatePermId(o.orderId(), status.permId());
            OrderState.fromBroker(status.status(), status.filled(), o.quantity())
                    .ifPresent(target -> move(o, target, "status " + status.status()
                            + (status.message().isEmpty() ? "" : ": " + status.message())));
        });
    }

    @Override
    public void onExecution(ExecutionReport execution) {
        guard("execution " + execution.execId(), () -> record(execution, false));
    }

    /** Stores the execution; {@code inferred} when it was learned from reconciliation rather than live. */
    public synchronized OrderStore.ExecutionOutcome record(ExecutionReport e, boolean inferred) {
        Optional<BrokerOrder> found = orderOf(e);
        if (found.isEmpty()) {
            log.info("execution {} of an order that is not tailguard's (ref '{}', id {}): not recorded", e.execId(),
                    e.orderRef(), e.orderId());
            return OrderStore.ExecutionOutcome.DUPLICATE;
        }
        BrokerOrder o = found.get();
        OrderStore.ExecutionOutcome outcome = orders.recordExecution(e, o.orderId(), inferred);
        if (outcome != OrderStore.ExecutionOutcome.DUPLICATE) {
            orders.updatePermId(o.orderId(), e.permId());
            BrokerOrder now = orders.byOrderId(o.orderId()).orElseThrow();
            if (outcome == OrderStore.ExecutionOutcome.CORRECTION) {
                orders.note(o.orderId(), daemon, "EXEC_CORRECTED", "execution " + e.execId() + " corrects "
                        + e.execIdBase());
            }
            if (now.isFullyFilled()) {
                move(now, OrderState.FILLED, (inferred ? "inferred fill " : "fill ") + e.execId());
            } else if (now.filledQty().signum() > 0) {
                move(now, OrderState.PARTIALLY_FILLED, (inferred ? "inferred fill " : "fill ") + e.execId() + ": "
                        + now.filledQty().toPlainString() + " of " + now.quantity().toPlainString());
            }
        }
        return outcome;
    }

    @Override
    public synchronized void onCommission(CommissionReport commission) {
        guard("commission " + commission.execId(), () -> orders.recordCommission(commission));
    }

    @Override
    public synchronized void onRejection(OrderRejection r) {
        guard("error for order " + r.orderId(), () -> {
            Optional<BrokerOrder> found = orders.byOrderId(r.orderId());
            if (found.isEmpty()) {
                log.warn("broker error {} for unknown order {}: {}", r.code(), r.orderId(), r.message());
                return;
            }
            BrokerOrder o = found.get();
            String text = "error " + r.code() + ": " + r.message();
            if (r.isCancelConfirmation()) {
                move(o, o.filledQty().signum() > 0 && o.isFullyFilled() ? OrderState.FILLED : OrderState.CANCELLED, text);
                return;
            }
            // a refused modification (say a re-price off the tick) leaves the original order working
            boolean modification = o.repriceCount() > 0 || o.filledQty().signum() > 0;
            if (!modification && (o.state() == OrderState.PENDING_SUBMIT || o.state() == OrderState.SUBMITTED)) {
                move(o, OrderState.REJECTED, text);
            } else {
                orders.note(o.orderId(), daemon, "BROKER_ERROR", text);
            }
        });
    }

    private Optional<BrokerOrder> orderOf(ExecutionReport e) {
        if (!e.orderRef().isEmpty()) {
            Optional<BrokerOrder> byRef = orders.byLeg(e.orderRef());
            if (byRef.isPresent()) {
                return byRef;
            }
        }
        return orders.byOrderId(e.orderId()).filter(o -> e.orderRef().isEmpty() || o.legId().equals(e.orderRef()));
    }

    /** Applies a legal transition and closes the proposal when every leg is final. */
    void move(BrokerOrder o, OrderState target, String detail) {
        if (o.state() == target) {
            return;
        }
        // a status may claim FILLED before all executions are in; the state follows the broker, the
        // quantities follow the stored executions
        if (orders.transition(o.orderId(), o.state(), target, daemon, detail)) {
            if (target.isFinal()) {
                ProposalCompletion.closeIfDone(o.proposalId(), proposals, orders, daemon);
            }
        } else {
            log.debug("order {}: {} -> {} is not legal, ignored ({})", o.orderId(), o.state(), target, detail);
        }
    }

    private static void guard(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.error("could not store {}: {} (reconciliation will recover it)", what, e.toString());
        }
    }
}
