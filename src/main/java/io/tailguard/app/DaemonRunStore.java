package io.tailguard.app;

import io.tailguard.broker.BrokerMode;
import io.tailguard.broker.ibkr.connection.ConnectionState;
import io.tailguard.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The daemon's own account of itself (tables {@code daemon_run} and {@code broker_connection}): written by
 * the daemon, read by {@code status}, which runs as a separate process and sees the daemon only through
 * the database.
 */
public final class DaemonRunStore {
    private final Jdbc jdbc;

    public DaemonRunStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** One start of a daemon; {@code stoppedAt} is set by a clean stop and stays null after a crash. */
    public record Run(String instanceId, String host, long pid, Instant startedAt, Instant stoppedAt) {
        public Run {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(startedAt, "startedAt");
        }

        public boolean stoppedCleanly() {
            return stoppedAt != null;
        }
    }

    /**
     * A daemon's broker connection as it last wrote it: where it dials, the connection's state, since when,
     * the latest session's start and end, failed attempts since then and the last error.
     */
    public record BrokerLink(String instanceId, BrokerMode mode, String host, int port, int clientId, String account,
            ConnectionState state, Instant since, Instant connectedAt, Instant lostAt, int failedAttempts,
            String lastError, Instant lastErrorAt, Instant updatedAt) {
        public BrokerLink {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }

        /** The socket is up (TWS may still report its own link to IB lost). */
        public boolean isUp() {
            return state == ConnectionState.CONNECTED || state == ConnectionState.LINK_LOST;
        }
    }

    public void started(Run run) {
        jdbc.update("INSERT INTO daemon_run (instance_id, host, pid, started_at, stopped_at) VALUES (?, ?, ?, ?, ?)",
                run.instanceId(), run.host(), run.pid(), run.startedAt(), run.stoppedAt());
    }

    public void stopped(String instanceId, Instant at) {
        jdbc.update("UPDATE daemon_run SET stopped_at = ? WHERE instance_id = ?", at, instanceId);
    }

    public Optional<Run> run(String instanceId) {
        return jdbc.query("SELECT instance_id, host, pid, started_at, stopped_at FROM daemon_run WHERE instance_id = ?",
                DaemonRunStore::run, instanceId).stream().findFirst();
    }

    /** The most recent start on this database, whatever became of it. */
    public Optional<Run> latest() {
        return jdbc.query("SELECT instance_id, host, pid, started_at, stopped_at FROM daemon_run "
                + "ORDER BY started_at DESC FETCH FIRST 1 ROWS ONLY", DaemonRunStore::run).stream().findFirst();
    }

    /** Replaces the daemon's broker row (one per daemon run). */
    public void write(BrokerLink b) {
        jdbc.inTransaction(c -> {
            Object[] values = {b.mode().name().toLowerCase(java.util.Locale.ROOT), b.host(), b.port(), b.clientId(),
                    b.account(), b.state(), b.since(), b.connectedAt(), b.lostAt(), b.failedAttempts(),
                    truncate(b.lastError(), 1000), b.lastErrorAt(), b.updatedAt(), b.instanceId()};
            int updated = Jdbc.update(c, "UPDATE broker_connection SET mode = ?, host = ?, port = ?, client_id = ?, "
                    + "account = ?, state = ?, since = ?, connected_at = ?, lost_at = ?, failed_attempts = ?, "
                    + "last_error = ?, last_error_at = ?, updated_at = ? WHERE instance_id = ?", values);
            if (updated == 0) {
                Jdbc.update(c, "INSERT INTO broker_connection (mode, host, port, client_id, account, state, since, "
                        + "connected_at, lost_at, failed_attempts, last_error, last_error_at, updated_at, instance_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
            }
            return null;
        }, "recording the broker connection");
    }

    public Optional<BrokerLink> broker(String instanceId) {
        return jdbc.query("SELECT instance_id, mode, host, port, client_id, account, state, since, connected_at, "
                + "lost_at, failed_attempts, last_error, last_error_at, updated_at FROM broker_connection "
                + "WHERE instance_id = ?", DaemonRunStore::brokerLink, instanceId).stream().findFirst();
    }

    private static Run run(ResultSet rs) throws SQLException {
        return new Run(rs.getString("instance_id"), rs.getString("host"), rs.getLong("pid"),
                Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "stopped_at"));
    }

    private static BrokerLink brokerLink(ResultSet rs) throws SQLException {
        return new BrokerLink(rs.getString("instance_id"),
                BrokerMode.valueOf(rs.getString("mode").toUpperCase(java.util.Locale.ROOT)), rs.getString("host"),
                rs.getInt("port"), rs.getInt("client_id"), rs.getString("account"),
                ConnectionState.valueOf(rs.getString("state")), Jdbc.instant(rs, "since"),
                Jdbc.instant(rs, "connected_at"), Jdbc.instant(rs, "lost_at"), rs.getInt("failed_attempts"),
                rs.getString("last_error"), Jdbc.instant(rs, "last_error_at"), Jdbc.instant(rs, "updated_at"));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
