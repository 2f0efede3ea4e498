package io.tailguard.orders;

import io.tailguard.domain.TraderTime;
import io.tailguard.broker.OrderEventListener;
import io.tailguard.domain.CommissionReport;
import io.tailguard.domain.ExecutionReport;
import io.tailguard.domain.OrderRejection;
import io.tailguard.domain.OrderStatusReport;
import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.domain.Contract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.tailguard.proposal.ProposalLeg;

/**
 * Turns broker order events into stored state: order transitions (only legal ones; a late or
 * repeated report is ignored), executions once per execId, commissions when they arrive, rejections
 * as events. Used live (as the {@link OrderEventListener}) and by reconciliation, so both paths
 * store the same way and a fill seen on both is counted once. An order that ends gets its reason
 * ({@link OrderEnd}): a cancel tailguard asked for ends with the reason it recorded before sending it (IB's
 * 202 "Order Canceled" confirms it and is not a rejection), one it did not ask for with the session's
 * close (a DAY order the broker ended) or as cancelled at the broker.
 */
public final class OrderEventRecorder implements OrderEventListener {
    private static final Logger log = LoggerFactory.getLogger(OrderEventRecorder.class);
    /** IB's answers to a cancel it could not carry out (not found, not cancellable now): the order is untouched. */
    private static final Set<Integer> CANCEL_REFUSALS = Set.of(161, 10147, 10148);
    /** The broker's clock and ours may differ by this much around a session's close. */
    private static final Duration CLOSE_TOLERANCE = Duration.ofSeconds(5);

    private final OrderStore orders;
    private final ProposalStore proposals;
    private final Actor daemon;
    private final MarketHours hours;
    private final Clock clock;
    private final ProposalDoneListener onDone;

    public OrderEventRecorder(OrderStore orders, ProposalStore proposals, Actor daemon, MarketHours hours, Clock clock,
            ProposalDoneListener onDone) {
        this.orders = orders;
        this.proposals = proposals;
        this.daemon = daemon;
        this.hours = hours;
        this.clock = clock;
        this.onDone = onDone;
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
                orders.note(o.orderId(), daemon, OrderEventType.EXEC_CORRECTED, "execution " + e.execId() + " corrects "
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
            String text = "IB error " + r.code() + ": " + r.message();
            if (CANCEL_REFUSALS.contains(r.code())) {
                orders.note(o.orderId(), daemon, OrderEventType.CANCEL_REFUSED, text);
                return;
            }
            if (r.isCancelConfirmation()) {
                move(o, o.filledQty().signum() > 0 && o.isFullyFilled() ? OrderState.FILLED : OrderState.CANCELLED,
                        "cancel confirmed by IB (" + r.code() + " " + r.message() + ")");
                return;
            }
            // a refused modification (say a re-price off the tick) leaves the original order working
            boolean modification = o.repriceCount() > 0 || o.filledQty().signum() > 0;
            if (!modification && (o.state() == OrderState.PENDING_SUBMIT || o.state() == OrderState.SUBMITTED)) {
                move(o, OrderState.REJECTED, text);
            } else {
                orders.note(o.orderId(), daemon, OrderEventType.BROKER_ERROR, text);
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

    /** Applies a legal transition (with why the order ended, when final) and closes the proposal when every leg is final. */
    void move(BrokerOrder o, OrderState target, String detail) {
        if (o.state() == target) {
            return;
        }
        // broker reports arrive late and out of order (a Cancelled after the fill, a PreSubmitted after a
        // partial fill): one that would move the order backwards says nothing new
        if (!o.state().canMoveTo(target)) {
            log.debug("order {}: {} -> {} is not legal, ignored ({})", o.orderId(), o.state(), target, detail);
            return;
        }
        // a status may claim FILLED before all executions are in; the state follows the broker, the
        // quantities follow the stored executions
        if (!target.isFinal()) {
            if (!orders.transition(o.orderId(), o.state(), target, daemon, detail)) {
                log.debug("order {}: {} -> {} raced another update, ignored ({})", o.orderId(), o.state(), target,
                        detail);
            }
            return;
        }
        Ending ending = ending(o, target, detail);
        if (orders.end(o.orderId(), o.state(), target, daemon, detail, ending.why(), ending.detail())) {
            log.info("order {} ({}) {}: {}", o.orderId(), o.legId(), target, ending.why().describe(ending.detail()));
            ProposalCompletion.closeIfDone(o.proposalId(), proposals, orders, daemon, onDone);
        } else {
            log.debug("order {}: {} -> {} raced another update, ignored ({})", o.orderId(), o.state(), target, detail);
        }
    }

    private record Ending(OrderEnd why, String detail) {
    }

    private Ending ending(BrokerOrder o, OrderState target, String brokerText) {
        return switch (target) {
            case FILLED -> new Ending(OrderEnd.FILLED, null);
            case REJECTED -> new Ending(OrderEnd.REJECTED, brokerText);
            case INACTIVE -> new Ending(OrderEnd.INACTIVE, brokerText);
            case CANCELLED -> cancelled(o, brokerText);
            default -> throw new IllegalArgumentException(target + " is not final");
        };
    }

    private Ending cancelled(BrokerOrder o, String brokerText) {
        String part = o.filledQty().signum() > 0 ? " (" + o.filledQty().toPlainString() + " of "
                + o.quantity().toPlainString() + " filled)" : "";
        if (o.cancelReason() != null) {
            return new Ending(o.cancelReason(), (o.cancelDetail() == null ? "" : o.cancelDetail()) + part);
        }
        Instant sent = o.transmittedAt() != null ? o.transmittedAt() : o.createdAt();
        Optional<Instant> close = contractOf(o).flatMap(c -> hours.dayOrderEnd(c, sent));
        if (close.isPresent() && !clock.instant().plus(CLOSE_TOLERANCE).isBefore(close.get())) {
            return new Ending(OrderEnd.SESSION_CLOSED, "the broker ended the DAY order at the close, "
                    + TraderTime.format(close.get()) + part);
        }
        return new Ending(OrderEnd.CANCELLED_AT_BROKER, "tailguard did not ask for it (" + brokerText + ")" + part);
    }

    private Optional<Contract> contractOf(BrokerOrder o) {
        return proposals.find(o.proposalId()).flatMap(p -> p.legs().stream().filter(l -> l.legId().equals(o.legId()))
                .findFirst()).map(ProposalLeg::contract);
    }

    private static void guard(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.error("could not store {}: {} (reconciliation will recover it)", what, e.toString());
        }
    }
}
