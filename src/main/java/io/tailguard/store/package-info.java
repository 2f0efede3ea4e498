/**
 * Database access: the HikariCP pool and Flyway migrations. Entry point: {@link io.tailguard.store.Database}.
 */
package io.tailguard.store;
