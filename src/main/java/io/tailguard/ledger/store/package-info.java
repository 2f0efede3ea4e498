/**
 * JDBC for the ledger: {@link io.tailguard.ledger.store.LedgerStore} (cycles, append-only entries, daily
 * marks, and the read of the orders layer's executions and commissions).
 */
package io.tailguard.ledger.store;
