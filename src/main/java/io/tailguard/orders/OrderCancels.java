package io.tailguard.orders;

import io.tailguard.domain.TraderTime;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.OrderRoute;
import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.orders.store.OrderStore;
import java.time.Clock;
import java.time.Instant;

/**
 * The daemon's cancels. Why tailguard cancels an order is written before CANCEL_ORDER goes out, so the
 * broker's confirmation (a status Cancelled, error 202), live or found by reconciliation after a crash,
 * ends the order with that reason. A cancel that got lost (the gateway restarted, the daemon crashed before
 * it was written to the socket) is sent again when the order is still working {@code resendGrace} later,
 * a few times at most; sending a cancel twice is harmless (IB answers 10147/10148), an order is never sent
 * twice.
 */
final class OrderCancels {
    /** How often a cancel is sent again before it is left to the trader (an order IB will not cancel). */
    static final int MAX_RESENDS = 5;

    private final OrderStore orders;
    private final OrderRoute route;
    private final OrderWorkingConfig working;
    private final Clock clock;
    private final Actor daemon;

    OrderCancels(OrderStore orders, OrderRoute route, OrderWorkingConfig working, Clock clock, Actor daemon) {
        this.orders = orders;
        this.route = route;
        this.working = working;
        this.clock = clock;
        this.daemon = daemon;
    }

    /** Asks the broker to cancel {@code o} for {@code why}: once, then again only while it keeps working. */
    void cancel(BrokerOrder o, OrderEnd why, String detail) {
        if (o.cancelReason() == null) {
            if (orders.recordCancel(o.orderId(), why, detail, daemon)) {
                send(o);
            }
            return;
        }
        Instant now = clock.instant();
        boolean due = o.cancelSentAt() == null || !now.isBefore(o.cancelSentAt().plus(working.resendGrace()));
        if (due && orders.eventTypes(o.orderId()).stream().filter(t -> t == OrderEventType.CANCEL_RESENT).count() < MAX_RESENDS) {
            orders.recordCancelResent(o.orderId(), daemon, "still " + o.state() + " at the broker since the cancel at "
                    + TraderTime.format(o.cancelSentAt()) + "; cancel sent again (" + o.cancelReason().label() + ")");
            send(o);
        }
    }

    private void send(BrokerOrder o) {
        try {
            route.cancel(o.orderId());
        } catch (BrokerException e) {
            orders.note(o.orderId(), daemon, OrderEventType.CANCEL_FAILED, e.getMessage() + "; sent again later");
        }
    }
}
