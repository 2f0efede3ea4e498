package io.tailguard.app;

import io.tailguard.app.StatusReport.DaemonStatus;
import io.tailguard.app.StatusReport.DatabaseCondition;
import io.tailguard.store.DatabaseConfig;
import io.tailguard.schedule.SchedulerService;
import io.tailguard.store.AuditLog;
import io.tailguard.store.Database;
import io.tailguard.store.StoreException;
import io.tailguard.orders.store.TradingStateStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;

/** Builds a {@link StatusReport} from the database alone, so it works from a second terminal while the daemon runs. */
public final class StatusService {
    /** H2's "database not found, and IFEXISTS=true": what opening a file database that does not exist gives. */
    private static final int H2_DATABASE_NOT_FOUND = 90146;
    /** The first schema with the daemon's own record of its runs and its broker connection (V58, V59). */
    private static final String DAEMON_RUNS = "58";
    private static final String BROKER_CONNECTION = "59";

    private final Clock clock;

    public StatusService(Clock clock) {
        this.clock = clock;
    }

    public StatusReport report(DatabaseConfig config) {
        Instant now = clock.instant();
        // never create an empty H2 database just by asking for status
        String url = config.isH2() && !config.url().toUpperCase(Locale.ROOT).contains("IFEXISTS")
                ? config.url() + ";IFEXISTS=TRUE" : config.url();
        Database database;
        try {
            database = Database.open(url, config.username(), config.password(), 2);
        } catch (StoreException e) {
            if (config.isH2() && h2ErrorCode(e) == H2_DATABASE_NOT_FOUND) {
                return StatusReport.without(config.url(), DatabaseCondition.MISSING, h2File(config.url()), 0, now);
            }
            return StatusReport.without(config.url(), DatabaseCondition.UNREACHABLE, e.getMessage(), 0, now);
        }
        try (database) {
            String version = database.schemaVersion();
            int pending = database.pendingMigrations();
            if (version == null) {
                return StatusReport.without(config.url(), DatabaseCondition.NOT_INITIALIZED, null, pending, now);
            }
            MigrationVersion schema = MigrationVersion.fromVersion(version);
            DaemonRunStore runs = schema.isAtLeast(DAEMON_RUNS)
                    ? new DaemonRunStore(database.dataSource()) : null;
            List<DaemonStatus> running = running(database, runs, schema.isAtLeast(BROKER_CONNECTION), now);
            DaemonRunStore.Run lastRun = running.isEmpty() && runs != null ? runs.latest().orElse(null) : null;
            return new StatusReport(config.url(), DatabaseCondition.READY, null, version, pending, running, lastRun,
                    SchedulerService.storedTriggers(database.dataSource()),
                    new TradingStateStore(database.dataSource(), clock).current(), lastHeartbeat(database), now);
        } catch (SQLException | RuntimeException e) {
            return StatusReport.without(config.url(), DatabaseCondition.UNREADABLE,
                    "database answered but could not be read: " + e.getMessage(), 0, now);
        }
    }

    /**
     * The daemons that run: the scheduler checked in within three check-in intervals, and the daemon has not
     * recorded a clean stop (Quartz leaves its row, fresh-looking, after a clean shutdown), and, when it ran
     * on this host, its process still exists (a kill -9 is seen at once, not after the check-in goes stale).
     */
    private static List<DaemonStatus> running(Database database, DaemonRunStore runs, boolean withBroker, Instant now)
            throws SQLException {
        String thisHost = AuditLog.localHostName();
        List<DaemonStatus> running = new ArrayList<>();
        for (SchedulerService.InstanceInfo i : SchedulerService.storedInstances(database.dataSource())) {
            if (!i.isAliveAt(now)) {
                continue;
            }
            Optional<DaemonRunStore.Run> run = runs == null ? Optional.empty() : runs.run(i.instanceId());
            if (run.isPresent() && (run.get().stoppedCleanly()
                    || run.get().host().equals(thisHost) && ProcessHandle.of(run.get().pid()).isEmpty())) {
                continue;
            }
            running.add(new DaemonStatus(i.instanceId(), i.lastCheckin(), run.orElse(null),
                    withBroker ? runs.broker(i.instanceId()).orElse(null) : null));
        }
        return running;
    }

    private static int h2ErrorCode(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql) {
                return sql.getErrorCode();
            }
        }
        return 0;
    }

    /** The file an H2 URL names: {@code jdbc:h2:file:./data/tailguard;AUTO_SERVER=TRUE} → {@code data/tailguard.mv.db}. */
    static String h2File(String url) {
        String name = url.substring("jdbc:h2:".length());
        int semicolon = name.indexOf(';');
        if (semicolon >= 0) {
            name = name.substring(0, semicolon);
        }
        for (String prefix : List.of("file:", "async:")) {
            if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                name = name.substring(prefix.length());
            }
        }
        try {
            return Path.of(name + ".mv.db").normalize().toString();
        } catch (RuntimeException e) {
            return name + ".mv.db";
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
