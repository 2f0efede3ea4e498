package io.tailguard.orders;

/**
 * The points of the submission path at which a crash must be recoverable. Production passes
 * {@link #NONE}; crash tests pass a hook that stops the service at one of them.
 */
@FunctionalInterface
public interface Checkpoint {
    enum Point {
        /** The order id is allocated and persisted, nothing else is written. */
        ORDER_ID_ALLOCATED,
        /** The PENDING_SUBMIT row is written, nothing is transmitted. */
        PENDING_SUBMIT_RECORDED,
        /** PLACE_ORDER is written to the broker, no acknowledgement has been seen. */
        PLACED
    }

    Checkpoint NONE = (point, orderId) -> { };

    void reached(Point point, long orderId);
}
