package io.tailguard.broker;

import io.tailguard.domain.CommissionReport;
import io.tailguard.domain.ExecutionReport;
import io.tailguard.domain.OrderRejection;
import io.tailguard.domain.OrderStatusReport;

/**
 * Order events as they arrive from the broker, on the adapter's reader thread. Implementations must
 * be quick and must not throw: an exception is logged by the adapter and the event is lost (the next
 * reconciliation recovers it).
 */
public interface OrderEventListener {
    void onStatus(OrderStatusReport status);

    void onExecution(ExecutionReport execution);

    void onCommission(CommissionReport commission);

    void onRejection(OrderRejection rejection);
}
