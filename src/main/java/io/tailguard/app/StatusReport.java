package io.tailguard.app;

import io.tailguard.schedule.SchedulerService;
import io.tailguard.store.TradingStateStore;
import java.time.Instant;
import java.util.List;

/**
 * What {@code tailguard status} shows: whether the database answers and at which schema version, which
 * daemons are alive, the stored triggers with their next fire times, the trading state and the last
 * heartbeat. {@code problem} is null when the database was reachable.
 */
public record StatusReport(
        String databaseUrl,
        String problem,
        String schemaVersion,
        int pendingMigrations,
        List<SchedulerService.InstanceInfo> liveDaemons,
        List<SchedulerService.TriggerInfo> triggers,
        TradingStateStore.Current tradingState,
        Instant lastHeartbeat,
        Instant checkedAt) {

    public boolean databaseReachable() {
        return problem == null;
    }

    public boolean daemonRunning() {
        return !liveDaemons.isEmpty();
    }
}
