package io.tailguard.app;

import io.tailguard.store.DatabaseConfig;
import io.tailguard.broker.sim.market.ReplayAnchor;
import io.tailguard.store.AuditLog;
import io.tailguard.store.Jdbc;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table {@code sim_gateway}: the daemon publishes its embedded simulated gateway there while it runs
 * (written at start, refreshed every {@link PublishedGateway#REFRESH_EVERY}, deleted at a clean stop), and a
 * console command looks for a live one on its own machine before starting a market of its own. Liveness is on
 * the wall clock, whatever clock the market runs on.
 */
public final class SimGatewayRegistry {
    private static final Logger log = LoggerFactory.getLogger(SimGatewayRegistry.class);
    private static final String COLUMNS = "instance_id, host_name, gateway_host, gateway_port, account_id, "
            + "replay_wall_anchor, replay_sim_anchor, replay_speed, started_at, refreshed_at";

    private final Jdbc jdbc;

    public SimGatewayRegistry(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Publishes (or re-publishes) a daemon's gateway. */
    public void publish(PublishedGateway g) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM sim_gateway WHERE instance_id = ?", g.instanceId());
            ReplayAnchor anchor = g.replay().orElse(null);
            try (var ps = c.prepareStatement("INSERT INTO sim_gateway (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, g.instanceId());
                ps.setString(2, g.hostName());
                ps.setString(3, g.host());
                ps.setInt(4, g.port());
                ps.setString(5, g.accountId());
                setInstant(ps, 6, anchor == null ? null : anchor.wall());
                setInstant(ps, 7, anchor == null ? null : anchor.sim());
                if (anchor == null) {
                    ps.setNull(8, Types.DOUBLE);
                } else {
                    ps.setDouble(8, anchor.speed());
                }
                setInstant(ps, 9, g.startedAt());
                setInstant(ps, 10, g.refreshedAt());
                return ps.executeUpdate();
            }
        }, "publish the simulated gateway");
    }

    /** The daemon's sign of life; false when its row is gone (deleted as stale by another daemon). */
    public boolean refresh(String instanceId, Instant wallNow) {
        return jdbc.update("UPDATE sim_gateway SET refreshed_at = ? WHERE instance_id = ?", Timestamp.from(wallNow),
                instanceId) == 1;
    }

    /** A clean stop. */
    public void withdraw(String instanceId) {
        jdbc.update("DELETE FROM sim_gateway WHERE instance_id = ?", instanceId);
    }

    /** Deletes the rows of dead daemons on this machine (a crash leaves its row behind); returns how many. */
    public int removeStale(String hostName, Instant wallNow) {
        return jdbc.update("DELETE FROM sim_gateway WHERE host_name = ? AND refreshed_at < ?", hostName,
                Timestamp.from(wallNow.minus(PublishedGateway.STALE_AFTER)));
    }

    /** The most recently refreshed live gateway on {@code hostName}, if any. */
    public Optional<PublishedGateway> live(String hostName, Instant wallNow) {
        return live(jdbc.query("SELECT " + COLUMNS + " FROM sim_gateway WHERE host_name = ? "
                + "ORDER BY refreshed_at DESC", SimGatewayRegistry::row, hostName), wallNow);
    }

    /**
     * The live gateway a console on this machine should use, read with a connection of its own (no pool, no
     * migration): empty when the database does not exist yet, predates the table, or cannot be reached, since
     * then no daemon can be running on it either.
     */
    public static Optional<PublishedGateway> lookup(DatabaseConfig database, Clock wall) {
        String url = database.isH2() && !database.url().toUpperCase(Locale.ROOT).contains("IFEXISTS")
                ? database.url() + ";IFEXISTS=TRUE" : database.url(); // never create a database just to look
        try (Connection c = DriverManager.getConnection(url, database.username(), database.password())) {
            return live(Jdbc.query(c, "SELECT " + COLUMNS + " FROM sim_gateway WHERE host_name = ? "
                    + "ORDER BY refreshed_at DESC", SimGatewayRegistry::row, AuditLog.localHostName()), wall.instant());
        } catch (SQLException e) {
            log.debug("no published simulated gateway ({})", e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<PublishedGateway> live(List<PublishedGateway> rows, Instant wallNow) {
        return rows.stream().filter(g -> g.isLiveAt(wallNow)).findFirst();
    }

    private static PublishedGateway row(ResultSet rs) throws SQLException {
        Timestamp wall = rs.getTimestamp(6);
        Timestamp sim = rs.getTimestamp(7);
        double speed = rs.getDouble(8);
        Optional<ReplayAnchor> replay = wall == null || sim == null || rs.wasNull() ? Optional.empty()
                : Optional.of(new ReplayAnchor(wall.toInstant(), sim.toInstant(), speed));
        return new PublishedGateway(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                replay, rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant());
    }

    private static void setInstant(java.sql.PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, Timestamp.from(value));
        }
    }
}
