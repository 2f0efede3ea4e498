package io.tailguard.orders.store;

import io.tailguard.orders.TradingState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import io.tailguard.store.AuditLog;
import io.tailguard.store.StoreException;

/** Reads and changes the persisted trading state (one row); each change is also an audit event. */
public final class TradingStateStore {
    private final DataSource dataSource;
    private final Clock clock;

    public TradingStateStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public record Current(TradingState state, Instant changedAt, String changedBy, String reason) {
    }

    public Current current() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT state, changed_at, changed_by, reason FROM trading_state WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("trading_state row is missing: the database was not migrated");
            }
            return new Current(TradingState.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(), rs.getString(3),
                    rs.getString(4));
        } catch (SQLException e) {
            throw new StoreException("cannot read the trading state: " + e.getMessage(), e);
        }
    }

    /** Moves to {@code next}; an illegal or no-op move leaves the state unchanged and returns false. */
    public boolean change(TradingState next, String who, String reason, AuditLog audit) {
        Current now = current();
        if (now.state() == next || !now.state().canMoveTo(next)) {
            return false;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE trading_state SET state = ?, changed_at = ?, changed_by = ?, reason = ? "
                        + "WHERE id = 1 AND state = ?")) {
            ps.setString(1, next.name());
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, who);
            ps.setString(4, reason);
            ps.setString(5, now.state().name());
            if (ps.executeUpdate() != 1) {
                return false;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot change the trading state: " + e.getMessage(), e);
        }
        audit.record("TRADING_STATE", next.name(), now.state() + " -> " + next + ": " + reason);
        return true;
    }
}
