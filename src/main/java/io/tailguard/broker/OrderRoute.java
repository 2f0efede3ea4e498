package io.tailguard.broker;

import io.tailguard.domain.OpenOrderReport;
import io.tailguard.domain.OrderTicket;
import java.time.Instant;
import java.util.List;

/**
 * The port through which the core sends orders and learns what became of them. Separate from
 * {@link Broker} so that market data and orders can evolve apart; {@code IbkrBroker} implements both.
 * Blocking calls fail with a {@link BrokerException}; order events arrive on the listeners.
 */
public interface OrderRoute {

    /** The account orders go to (the first managed account). */
    String accountId();

    /** The lowest order id the gateway accepts now (NEXT_VALID_ID on connect, or after REQ_IDS). */
    long nextValidId();

    /**
     * Transmits the ticket (PLACE_ORDER). Re-sending the same order id with a new limit modifies the
     * working order. Returns once the message is written; the outcome arrives as events.
     */
    void place(OrderTicket ticket);

    /** Asks the broker to cancel (CANCEL_ORDER); confirmed by a status Cancelled / error 202. */
    void cancel(long orderId);

    /** Every working order of the account (REQ_ALL_OPEN_ORDERS ... OPEN_ORDER_END). */
    List<OpenOrderReport> openOrders();

    /** Orders that reached a final state today (REQ_COMPLETED_ORDERS ... COMPLETED_ORDERS_END). */
    List<OpenOrderReport> completedOrders();

    /** Executions since {@code since} and their commission reports (REQ_EXECUTIONS ... EXECUTION_DATA_END). */
    ExecutionHistory executionsSince(Instant since);

    /** Registers a listener for status, execution, commission and rejection events until closed. */
    AutoCloseable listen(OrderEventListener listener);
}
