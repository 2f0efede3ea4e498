package io.tailguard.app;

import io.tailguard.app.config.DatabaseConfig;
import io.tailguard.schedule.SchedulerService;
import io.tailguard.store.Database;
import io.tailguard.store.StoreException;
import io.tailguard.store.TradingStateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Builds a {@link StatusReport} from the database alone, so it works from a second terminal while the daemon runs. */
public final class StatusService {
    private final Clock clock;

    public StatusService(Clock clock) {
        this.clock = clock;
    }

    public StatusReport report(DatabaseConfig config) {
        Instant now = clock.instant();
        // never create an empty H2 database just by asking for status
        String url = config.isH2() && !config.url().toUpperCase().contains("IFEXISTS")
                ? config.url() + ";IFEXISTS=TRUE" : config.url();
        Database database;
        try {
            database = Database.open(url, config.username(), config.password(), 2);
        } catch (StoreException e) {
            return new StatusReport(config.url(), e.getMessage(), null, 0, List.of(), List.of(), null, null, now);
        }
        try (database) {
            String version = database.schemaVersion();
            int pending = database.pendingMigrations();
            if (version == null) {
                return new StatusReport(config.url(), null, null, pending, List.of(), List.of(), null, null, now);
            }
            List<SchedulerService.InstanceInfo> live = SchedulerService.storedInstances(database.dataSource())
                    .stream().filter(i -> i.isAliveAt(now)).toList();
            return new StatusReport(config.url(), null, version, pending, live,
                    SchedulerService.storedTriggers(database.dataSource()),
                    new TradingStateStore(database.dataSource(), clock).current(),
                    lastHeartbeat(database), now);
        } catch (SQLException | RuntimeException e) {
            return new StatusReport(config.url(), "database answered but could not be read: " + e.getMessage(),
                    null, 0, List.of(), List.of(), null, null, now);
        }
    }

    private static Instant lastHeartbeat(Database database) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(fired_at) FROM heartbeat"); ResultSet rs = ps.executeQuery()) {
            Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
            return t == null ? null : t.toInstant();
        }
    }
}
