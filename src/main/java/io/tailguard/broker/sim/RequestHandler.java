package io.tailguard.broker.sim;

import io.tailguard.broker.ibkr.wire.FieldReader;

/**
 * Serves one client message id. The reader has consumed the message id; the handler reads the rest.
 * Handlers are stateless: per-connection state lives in the {@link SimSession}, account-wide state in
 * the {@link SimGateway}. The order messages of the next issue slot in as more entries of the table.
 */
@FunctionalInterface
interface RequestHandler {
    void handle(SimSession session, FieldReader in);
}
