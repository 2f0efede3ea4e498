/**
 * JDBC repositories of the order pipeline: {@link io.tailguard.orders.store.ProposalStore} and
 * {@link io.tailguard.orders.store.OrderStore}. H2 and PostgreSQL; schema in V30__orders.sql.
 */
package io.tailguard.orders.store;
