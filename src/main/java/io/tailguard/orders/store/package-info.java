/**
 * JDBC repositories of the order pipeline: {@link io.tailguard.orders.store.ProposalStore},
 * {@link io.tailguard.orders.store.OrderStore} and the kill switch's {@link io.tailguard.orders.store.TradingStateStore}. H2 and PostgreSQL; schema in V30__orders.sql.
 */
package io.tailguard.orders.store;
