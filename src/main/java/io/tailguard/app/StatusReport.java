package io.tailguard.app;

import io.tailguard.schedule.SchedulerService;
import io.tailguard.orders.store.TradingStateStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@code tailguard status} shows: whether the database answers and at which schema version, which
 * daemons run and how each one's broker connection stands, the last run when none does, the stored
 * triggers with their next fire times, the trading state and the last heartbeat.
 *
 * @param problem   null unless the database is MISSING (then the file that does not exist), UNREACHABLE or
 *                  UNREADABLE (then why)
 * @param lastRun   the latest daemon run on this database when none is running (null if there never was one)
 */
public record StatusReport(
        String databaseUrl,
        DatabaseCondition database,
        String problem,
        String schemaVersion,
        int pendingMigrations,
        List<DaemonStatus> runningDaemons,
        DaemonRunStore.Run lastRun,
        List<SchedulerService.TriggerInfo> triggers,
        TradingStateStore.Current tradingState,
        Instant lastHeartbeat,
        Instant checkedAt) {

    public StatusReport {
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(checkedAt, "checkedAt");
        runningDaemons = List.copyOf(runningDaemons);
        triggers = List.copyOf(triggers);
    }

    /** How far {@code status} got with the database. */
    public enum DatabaseCondition {
        /** migrated: everything below is read from it */
        READY,
        /** it answers but has no schema yet ({@code tailguard run} applies the migrations) */
        NOT_INITIALIZED,
        /** an H2 file database whose file does not exist yet (the daemon's first start creates it) */
        MISSING,
        /** it does not answer (a server down, a wrong URL or password, a file locked by another program) */
        UNREACHABLE,
        /** it answered but its tables could not be read */
        UNREADABLE
    }

    /**
     * A daemon that is running: its scheduler checked in lately, it has not recorded a clean stop, and (on
     * this host) its process is there. {@code run} and {@code broker} are null for a daemon of a build that
     * did not record them.
     */
    public record DaemonStatus(String instanceId, Instant lastCheckin, DaemonRunStore.Run run,
            DaemonRunStore.BrokerLink broker) {
        public DaemonStatus {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(lastCheckin, "lastCheckin");
        }
    }

    static StatusReport without(String url, DatabaseCondition condition, String problem, int pending, Instant now) {
        return new StatusReport(url, condition, problem, null, pending, List.of(), null, List.of(), null, null, now);
    }

    public boolean databaseReachable() {
        return database == DatabaseCondition.READY || database == DatabaseCondition.NOT_INITIALIZED;
    }

    public boolean daemonRunning() {
        return !runningDaemons.isEmpty();
    }
}
