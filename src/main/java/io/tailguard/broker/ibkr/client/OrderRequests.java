package io.tailguard.broker.ibkr.client;

import io.tailguard.broker.ibkr.decode.TwsEvent;
import io.tailguard.broker.ibkr.request.OrderEncoder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The order queries of the client, each answered by a run of messages and an end marker. OPEN_ORDER,
 * ORDER_STATUS and COMPLETED_ORDER carry no request id, so they are claimed by the oldest open request
 * that wants them; EXECUTION_DATA carries the request id, the COMMISSION_REPORTs in between do not.
 * Every event also reaches the client's listeners, so live order events are never swallowed by a query.
 */
public final class OrderRequests {
    private final TwsClient client;

    public OrderRequests(TwsClient client) {
        this.client = client;
    }

    /**
     * REQ_ALL_OPEN_ORDERS: OPEN_ORDER and ORDER_STATUS events (TWS sends a status after each order) up
     * to OPEN_ORDER_END.
     */
    public CompletableFuture<List<TwsEvent>> allOpenOrders(Duration timeout) {
        return client.submit(new CollectingRequest<>(client.nextId(), "open orders", OrderEncoder.reqAllOpenOrders(),
                e -> e instanceof TwsEvent.OpenOrder || e instanceof TwsEvent.OrderStatus ? e : null,
                e -> e instanceof TwsEvent.OpenOrderEnd,
                e -> e instanceof TwsEvent.OpenOrder || e instanceof TwsEvent.OrderStatus
                        || e instanceof TwsEvent.OpenOrderEnd, null), timeout);
    }

    /** REQ_COMPLETED_ORDERS (apiOnly): COMPLETED_ORDER events up to COMPLETED_ORDERS_END. */
    public CompletableFuture<List<TwsEvent.CompletedOrder>> completedOrders(Duration timeout) {
        return client.submit(new CollectingRequest<>(client.nextId(), "completed orders",
                OrderEncoder.reqCompletedOrders(true),
                e -> e instanceof TwsEvent.CompletedOrder c ? c : null,
                e -> e instanceof TwsEvent.CompletedOrdersEnd,
                e -> e instanceof TwsEvent.CompletedOrder || e instanceof TwsEvent.CompletedOrdersEnd, null), timeout);
    }

    /**
     * REQ_EXECUTIONS since a time, for one account: EXECUTION_DATA with our request id and whichever
     * COMMISSION_REPORTs arrive before EXECUTION_DATA_END (later ones reach the listeners only).
     */
    public CompletableFuture<List<TwsEvent>> executions(String account, Instant since, Duration timeout) {
        int id = client.nextId();
        return client.submit(new CollectingRequest<>(id, "executions", OrderEncoder.reqExecutions(id, account, since),
                e -> e instanceof TwsEvent.ExecutionData || e instanceof TwsEvent.CommissionData ? e : null,
                e -> e instanceof TwsEvent.ExecutionDataEnd,
                e -> e instanceof TwsEvent.CommissionData, null), timeout);
    }
}
