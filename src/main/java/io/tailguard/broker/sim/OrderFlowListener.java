package io.tailguard.broker.sim;

/**
 * Told what the simulated gateway's order book does, as it does it: for tests that must act at an exact
 * point of an order's life (kill the client right after its order arrived, or right after an execution
 * went out and before its commission report). Called on the gateway's threads while the book is locked:
 * return quickly and never call back into the gateway.
 */
public interface OrderFlowListener {
    /** A new order was accepted and its first OPEN_ORDER / ORDER_STATUS sent; matching comes next. */
    default void accepted(SimGateway.BookOrder order) {
    }

    /** An execution was booked and its EXECUTION_DATA sent; the status and commission report follow. */
    default void executed(SimGateway.BookExecution execution) {
    }
}
