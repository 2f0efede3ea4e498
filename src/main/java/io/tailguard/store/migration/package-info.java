/**
 * Java-based Flyway migrations, for what SQL files cannot say: {@link io.tailguard.store.migration.V2__QuartzJobStore}
 * runs the Quartz job-store DDL shipped in the Quartz jar for the database in use (H2 or PostgreSQL).
 */
package io.tailguard.store.migration;
