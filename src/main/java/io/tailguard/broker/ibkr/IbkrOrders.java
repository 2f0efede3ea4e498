package io.tailguard.broker.ibkr;

import io.tailguard.broker.ExecutionHistory;
import io.tailguard.broker.OrderEventListener;
import io.tailguard.broker.ibkr.client.BlockingResult;
import io.tailguard.broker.ibkr.client.OrderRequests;
import io.tailguard.broker.ibkr.client.TwsClient;
import io.tailguard.broker.ibkr.decode.TwsEvent;
import io.tailguard.broker.ibkr.error.ClassifiedError;
import io.tailguard.broker.ibkr.error.ErrorCategory;
import io.tailguard.broker.ibkr.error.ErrorClassifier;
import io.tailguard.broker.ibkr.request.OrderEncoder;
import io.tailguard.broker.ibkr.request.OrderSpec;
import io.tailguard.domain.CommissionReport;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.ExecutionReport;
import io.tailguard.domain.OpenOrderReport;
import io.tailguard.domain.OrderRejection;
import io.tailguard.domain.OrderTicket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order half of {@link IbkrBroker}: PLACE_ORDER / CANCEL_ORDER out, and the order events of the
 * reader thread translated at the edge (IB's status strings, BOT/SLD, ERR_MSGs naming an order id)
 * before they reach the core's {@link OrderEventListener}s.
 */
final class IbkrOrders {
    private static final Logger log = LoggerFactory.getLogger(IbkrOrders.class);
    /** Request ids start here (TwsClient), so an ERR_MSG id below it names an order. */
    private static final int FIRST_REQUEST_ID = 100_000_000;

    private final TwsClient client;
    private final IbkrClientConfig config;
    private final OrderRequests requests;
    private final Function<Contract, ContractDetails> qualifier;
    private final Map<String, Contract> qualified = new ConcurrentHashMap<>();
    private final List<OrderEventListener> listeners = new CopyOnWriteArrayList<>();

    IbkrOrders(TwsClient client, IbkrClientConfig config, Function<Contract, ContractDetails> qualifier) {
        this.client = client;
        this.config = config;
        this.requests = new OrderRequests(client);
        this.qualifier = qualifier;
        client.addListener(this::onEvent);
    }

    /**
     * The gateway's NEXT_VALID_ID as of the last (re)connect or REQ_IDS. The core keeps its own
     * counter above every id it used, so a stale value here can only be too low, never harmful.
     */
    long nextValidId() {
        int cached = client.nextValidOrderId();
        if (cached > 0) {
            return cached;
        }
        return BlockingResult.result(client.requestNextValidId(config.requestTimeout()), config.requestTimeout(),
                "next valid order id");
    }

    void place(OrderTicket ticket) {
        OrderTicket t = ticket.contract().conId() == 0
                ? new OrderTicket(ticket.orderId(), qualify(ticket.contract()), ticket.side(), ticket.quantity(),
                        ticket.limitPrice(), ticket.timeInForce(), ticket.orderRef(), ticket.account())
                : ticket;
        client.sendOrderMessage(OrderEncoder.placeOrder(OrderSpec.of(t)), "order " + t.describe());
    }

    /** A BAG combo (not expressible as an {@link OrderTicket} yet): the spec carries its legs. */
    void placeCombo(OrderSpec combo) {
        client.sendOrderMessage(OrderEncoder.placeOrder(combo), "combo order " + combo.orderId());
    }

    void cancel(long orderId) {
        client.sendOrderMessage(OrderEncoder.cancelOrder(orderId), "cancel of order " + orderId);
    }

    /** OPEN_ORDERs with the filled quantity of the ORDER_STATUS that follows each one. */
    List<OpenOrderReport> openOrders() {
        List<TwsEvent> events = BlockingResult.result(requests.allOpenOrders(config.requestTimeout()),
                config.requestTimeout(), "open orders");
        Map<Long, OpenOrderReport> byId = new LinkedHashMap<>();
        Map<Long, TwsEvent.OrderStatus> status = new HashMap<>();
        for (TwsEvent e : events) {
            if (e instanceof TwsEvent.OpenOrder o) {
                byId.put(o.report().orderId(), o.report());
            } else if (e instanceof TwsEvent.OrderStatus s) {
                status.put(s.report().orderId(), s);
            }
        }
        List<OpenOrderReport> result = new ArrayList<>(byId.size());
        for (OpenOrderReport r : byId.values()) {
            TwsEvent.OrderStatus s = status.get(r.orderId());
            result.add(s == null ? r : new OpenOrderReport(r.orderId(), r.permId(), r.orderRef(), r.contract(),
                    r.side(), r.quantity(), r.limitPrice(), s.report().status(), s.report().filled(), r.account()));
        }
        return result;
    }

    List<OpenOrderReport> completedOrders() {
        return BlockingResult.result(requests.completedOrders(config.requestTimeout()), config.requestTimeout(),
                "completed orders").stream().map(TwsEvent.CompletedOrder::report).toList();
    }

    ExecutionHistory executionsSince(String account, Instant since) {
        List<TwsEvent> events = BlockingResult.result(requests.executions(account, since, config.requestTimeout()),
                config.requestTimeout(), "executions since " + since);
        List<ExecutionReport> executions = new ArrayList<>();
        List<CommissionReport> commissions = new ArrayList<>();
        for (TwsEvent e : events) {
            if (e instanceof TwsEvent.ExecutionData d) {
                executions.add(d.execution());
            } else if (e instanceof TwsEvent.CommissionData c && c.report() != null) {
                commissions.add(c.report());
            }
        }
        return new ExecutionHistory(executions, commissions);
    }

    AutoCloseable listen(OrderEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private Contract qualify(Contract c) {
        return qualified.computeIfAbsent(c.describe() + "|" + c.exchange() + "|" + c.tradingClass(),
                k -> qualifier.apply(c).contract());
    }

    private void onEvent(TwsEvent event) {
        if (listeners.isEmpty()) {
            return;
        }
        if (event instanceof TwsEvent.OrderStatus s) {
            each(l -> l.onStatus(s.report()));
        } else if (event instanceof TwsEvent.ExecutionData d && d.reqId() == -1) {
            each(l -> l.onExecution(d.execution()));
        } else if (event instanceof TwsEvent.CommissionData c && c.report() != null) {
            each(l -> l.onCommission(c.report()));
        } else if (event instanceof TwsEvent.ErrorMessage m && namesAnOrder(m)) {
            each(l -> l.onRejection(new OrderRejection(m.id(), m.code(), m.text())));
        }
    }

    /** ERR_MSGs with an order id in our order range that are not notices (399 "held until open" is one). */
    private static boolean namesAnOrder(TwsEvent.ErrorMessage m) {
        if (m.id() <= 0 || m.id() >= FIRST_REQUEST_ID) {
            return false;
        }
        ClassifiedError e = ErrorClassifier.classify(m.id(), m.code(), m.text());
        return e.category() != ErrorCategory.NOTICE && !e.isConnectionLevel();
    }

    private void each(java.util.function.Consumer<OrderEventListener> call) {
        for (OrderEventListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                log.error("order listener failed: {}", e.toString(), e);
            }
        }
    }
}
