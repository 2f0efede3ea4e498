/**
 * Database access: the HikariCP pool, Flyway migrations and the append-only audit trail, configured by
 * {@link io.tailguard.store.DatabaseConfig}; it imports no capability (each owns its own repositories). Entry
 * point: {@link io.tailguard.store.Database}.
 */
package io.tailguard.store;
