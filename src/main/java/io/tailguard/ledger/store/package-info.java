/**
 * JDBC for the ledger: {@link io.tailguard.ledger.store.LedgerStore} (cycles and their proposals, append-only
 * entries, daily marks). It reads no table of the orders layer.
 */
package io.tailguard.ledger.store;
