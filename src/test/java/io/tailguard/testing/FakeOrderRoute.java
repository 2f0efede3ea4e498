package io.tailguard.testing;

import io.tailguard.broker.ExecutionHistory;
import io.tailguard.broker.OrderEventListener;
import io.tailguard.broker.OrderRoute;
import io.tailguard.domain.BrokerOrderStatus;
import io.tailguard.domain.CommissionReport;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ExecutionReport;
import io.tailguard.domain.MarketRule;
import io.tailguard.domain.OpenOrderReport;
import io.tailguard.domain.OptionGreeks;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.OrderStatusReport;
import io.tailguard.domain.OrderTicket;
import io.tailguard.domain.Position;
import io.tailguard.domain.PriceIncrement;
import io.tailguard.domain.Quote;
import io.tailguard.orders.MarketView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A small in-memory broker for order tests: keeps its orders, executions and commissions across a
 * client "crash" and across a gateway "restart" (which can roll nextValidId back), fills marketable
 * limit orders against its quotes (at most {@code maxFillPerMatch} per {@link #match()}, so large
 * orders fill partially), and queues events until {@link #deliver()} so tests choose when (and
 * whether) the client hears about them. Commissions can be held back and released late.
 */
public final class FakeOrderRoute implements OrderRoute, MarketView {
    public static final MarketRule PENNY_NICKEL = new MarketRule(1,
            List.of(new PriceIncrement(0, 0.01), new PriceIncrement(3, 0.05)));

    private static final class Working {
        OrderTicket ticket;
        final long permId;
        BrokerOrderStatus status = BrokerOrderStatus.SUBMITTED;
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;

        Working(OrderTicket ticket, long permId) {
            this.ticket = ticket;
            this.permId = permId;
        }

        BigDecimal remaining() {
            return ticket.quantity().subtract(filled);
        }

        OpenOrderReport report() {
            return new OpenOrderReport(ticket.orderId(), permId, ticket.orderRef(), ticket.contract(), ticket.side(),
                    ticket.quantity(), ticket.limitPrice(), status, filled, ticket.account());
        }
    }

    private final Clock clock;
    private final String account;
    private long nextValidId;
    private long permIds = 900_000;
    private int execIds;
    private final Map<Long, Working> orders = new LinkedHashMap<>();
    private final List<ExecutionReport> executions = new ArrayList<>();
    private final List<CommissionReport> commissions = new ArrayList<>();
    private final List<CommissionReport> heldCommissions = new ArrayList<>();
    private final Deque<Consumer<OrderEventListener>> queue = new ArrayDeque<>();
    private final List<OrderEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Quote> quotes = new HashMap<>();
    private final Map<String, Integer> newOrdersByRef = new HashMap<>();
    private final List<Position> positions = new ArrayList<>();
    private final java.util.Set<String> unlisted = new java.util.HashSet<>();
    private int idCollisions;
    private int places;
    private int cancels;
    private boolean loseCancels;
    private BigDecimal maxFillPerMatch = new BigDecimal("1000000");
    private boolean holdCommissions;
    private boolean reportsFail;
    private int openOrderRequests;

    public FakeOrderRoute(Clock clock, String account, long nextValidId) {
        this.clock = clock;
        this.account = account;
        this.nextValidId = nextValidId;
    }

    // ---- test controls ----

    public synchronized FakeOrderRoute quote(Contract c, double bid, double ask) {
        quotes.put(key(c), new Quote(bid, ask, Double.NaN, 10, 10, 0, OptionGreeks.NONE, false, clock.instant()));
        return this;
    }

    public synchronized FakeOrderRoute quoteAt(Contract c, double bid, double ask, Instant receivedAt) {
        quotes.put(key(c), new Quote(bid, ask, Double.NaN, 10, 10, 0, OptionGreeks.NONE, false, receivedAt));
        return this;
    }

    public synchronized void clearQuote(Contract c) {
        quotes.remove(key(c));
    }

    public synchronized void holdPosition(Position p) {
        positions.add(p);
    }

    public synchronized void maxFillPerMatch(int contracts) {
        maxFillPerMatch = BigDecimal.valueOf(contracts);
    }

    public synchronized void holdCommissions(boolean hold) {
        holdCommissions = hold;
    }

    /** Releases held commission reports as (late) events. */
    public synchronized void releaseCommissions() {
        for (CommissionReport c : heldCommissions) {
            commissions.add(c);
            queue.add(l -> l.onCommission(c));
        }
        heldCommissions.clear();
    }

    /** Fills each working marketable order once (partially when it is larger than maxFillPerMatch). */
    public synchronized void match() {
        for (Working w : orders.values()) {
            if (w.status.isFinal()) {
                continue;
            }
            Quote q = quotes.get(key(w.ticket.contract()));
            if (q == null || !q.hasBidAndAsk()) {
                continue;
            }
            boolean buy = w.ticket.side() == OrderSide.BUY;
            double touch = buy ? q.ask() : q.bid();
            double limit = w.ticket.limitPrice().doubleValue();
            if (buy ? limit + 1e-9 < touch : limit - 1e-9 > touch) {
                continue;
            }
            BigDecimal qty = w.remaining().min(maxFillPerMatch);
            BigDecimal price = BigDecimal.valueOf(touch);
            w.filled = w.filled.add(qty);
            w.notional = w.notional.add(qty.multiply(price));
            BigDecimal avg = w.notional.divide(w.filled, 6, RoundingMode.HALF_UP);
            String execId = String.format("0000e0d5.%08x.01.01", ++execIds);
            ExecutionReport e = new ExecutionReport(execId, w.ticket.orderId(), w.permId, w.ticket.orderRef(),
                    w.ticket.contract(), w.ticket.side(), qty, price, clock.instant(), w.filled, avg, account);
            executions.add(e);
            queue.add(l -> l.onExecution(e));
            if (w.remaining().signum() == 0) {
                w.status = BrokerOrderStatus.FILLED;
            }
            OrderStatusReport s = status(w);
            queue.add(l -> l.onStatus(s));
            CommissionReport c = new CommissionReport(execId, qty.multiply(new BigDecimal("0.65")), "USD");
            if (holdCommissions) {
                heldCommissions.add(c);
            } else {
                commissions.add(c);
                queue.add(l -> l.onCommission(c));
            }
        }
    }

    /** The broker corrects an execution: same base, next suffix, new price. */
    public synchronized ExecutionReport correct(String execId, BigDecimal newPrice) {
        for (int i = 0; i < executions.size(); i++) {
            ExecutionReport e = executions.get(i);
            if (e.execId().equals(execId)) {
                String corrected = e.execIdBase() + ".02";
                ExecutionReport c = new ExecutionReport(corrected, e.orderId(), e.permId(), e.orderRef(), e.contract(),
                        e.side(), e.shares(), newPrice, e.time(), e.cumQty(), newPrice, e.account());
                executions.set(i, c);
                queue.add(l -> l.onExecution(c));
                return c;
            }
        }
        throw new IllegalArgumentException("no execution " + execId);
    }

    /** Hands every queued event to the current listeners, in order; with no listener they are lost. */
    public void deliver() {
        while (true) {
            Consumer<OrderEventListener> next;
            synchronized (this) {
                next = queue.poll();
            }
            if (next == null) {
                return;
            }
            for (OrderEventListener l : listeners) {
                next.accept(l);
            }
        }
    }

    /** Hands at most {@code max} queued events to the listeners; the rest stay queued. */
    public void deliver(int max) {
        for (int i = 0; i < max; i++) {
            Consumer<OrderEventListener> next;
            synchronized (this) {
                next = queue.poll();
            }
            if (next == null) {
                return;
            }
            for (OrderEventListener l : listeners) {
                next.accept(l);
            }
        }
    }

    public synchronized int undelivered() {
        return queue.size();
    }

    /** Events not yet delivered are lost (the client died before reading them). */
    public synchronized void dropUndelivered() {
        queue.clear();
    }

    /** A gateway restart: connections and undelivered events are gone, nextValidId may roll back. */
    public synchronized void restart(long rolledBackNextValidId) {
        listeners.clear();
        queue.clear();
        nextValidId = rolledBackNextValidId;
    }

    /** The broker no longer lists the contract (it expired, or never existed): qualifying it is NOT_FOUND. */
    public synchronized void unlist(Contract c) {
        unlisted.add(key(c));
    }

    /** CANCEL_ORDER messages lost on the way (a gateway that restarts): counted, but the order keeps working. */
    public synchronized void loseCancels(boolean lose) {
        loseCancels = lose;
    }

    /** From now on (until false) the broker cannot list its orders: the request fails as on a dropped connection. */
    public synchronized void failReports(boolean fail) {
        reportsFail = fail;
    }

    /** REQ_ALL_OPEN_ORDERS requests made, failed ones included: reconciliation starts with one. */
    public synchronized int openOrderRequests() {
        return openOrderRequests;
    }

    /** CANCEL_ORDER messages received, lost or not. */
    public synchronized int cancels() {
        return cancels;
    }

    public synchronized int newOrdersFor(String orderRef) {
        return newOrdersByRef.getOrDefault(orderRef, 0);
    }

    public synchronized int idCollisions() {
        return idCollisions;
    }

    public synchronized int places() {
        return places;
    }

    public synchronized List<OpenOrderReport> allOrders() {
        return orders.values().stream().map(Working::report).toList();
    }

    public synchronized Optional<OpenOrderReport> orderByRef(String ref) {
        return orders.values().stream().filter(w -> w.ticket.orderRef().equals(ref)).map(Working::report).findFirst();
    }

    public synchronized List<ExecutionReport> executions() {
        return List.copyOf(executions);
    }

    // ---- OrderRoute ----

    @Override
    public String accountId() {
        return account;
    }

    @Override
    public synchronized long nextValidId() {
        return nextValidId;
    }

    @Override
    public synchronized void place(OrderTicket t) {
        places++;
        Working existing = orders.get(t.orderId());
        if (existing != null) {
            if (!existing.ticket.orderRef().equals(t.orderRef())) {
                idCollisions++; // IB would silently modify someone else's order
            }
            if (!existing.status.isFinal()) {
                existing.ticket = t;
                OrderStatusReport s = status(existing);
                queue.add(l -> l.onStatus(s));
            }
        } else {
            Working w = new Working(t, ++permIds);
            orders.put(t.orderId(), w);
            newOrdersByRef.merge(t.orderRef(), 1, Integer::sum);
            nextValidId = Math.max(nextValidId, t.orderId() + 1);
            OrderStatusReport s = status(w);
            queue.add(l -> l.onStatus(s));
        }
        match();
    }

    @Override
    public synchronized void cancel(long orderId) {
        cancels++;
        if (loseCancels) {
            return;
        }
        Working w = orders.get(orderId);
        if (w == null || w.status.isFinal()) {
            return;
        }
        w.status = BrokerOrderStatus.CANCELLED;
        OrderStatusReport s = status(w);
        queue.add(l -> l.onStatus(s));
    }

    @Override
    public synchronized List<OpenOrderReport> openOrders() {
        openOrderRequests++;
        if (reportsFail) {
            throw new io.tailguard.broker.BrokerException(io.tailguard.broker.BrokerErrorKind.CONNECTIVITY, 504,
                    "Not connected");
        }
        return orders.values().stream().filter(w -> !w.status.isFinal()).map(Working::report).toList();
    }

    @Override
    public synchronized List<OpenOrderReport> completedOrders() {
        // as on the wire: COMPLETED_ORDER has no order id field, the client reports 0
        return orders.values().stream().filter(w -> w.status.isFinal()).map(Working::report)
                .map(r -> new OpenOrderReport(0, r.permId(), r.orderRef(), r.contract(), r.side(), r.quantity(),
                        r.limitPrice(), r.status(), r.filled(), r.account()))
                .toList();
    }

    @Override
    public synchronized ExecutionHistory executionsSince(Instant since) {
        return new ExecutionHistory(executions.stream().filter(e -> !e.time().isBefore(since)).toList(),
                List.copyOf(commissions));
    }

    @Override
    public AutoCloseable listen(OrderEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- MarketView ----

    @Override
    public synchronized Optional<Quote> quote(Contract contract) {
        return Optional.ofNullable(quotes.get(key(contract)));
    }

    @Override
    public synchronized MarketRule priceRule(Contract contract) {
        if (unlisted.contains(key(contract))) {
            throw new io.tailguard.broker.BrokerException(io.tailguard.broker.BrokerErrorKind.NOT_FOUND, 200,
                    "no contract matches " + contract.describe());
        }
        return PENNY_NICKEL;
    }

    @Override
    public synchronized List<Position> positions() {
        return List.copyOf(positions);
    }

    private static OrderStatusReport status(Working w) {
        BigDecimal avg = w.filled.signum() == 0 ? BigDecimal.ZERO : w.notional.divide(w.filled, 6, RoundingMode.HALF_UP);
        return new OrderStatusReport(w.ticket.orderId(), w.permId, w.status, w.filled, w.remaining(), avg, "");
    }

    private static String key(Contract c) {
        return c.describe();
    }
}
