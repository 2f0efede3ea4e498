package io.tailguard.store;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** The append-only audit trail: who (OS user and host) did what and when. Rows are never updated. */
public final class AuditLog {
    private final DataSource dataSource;
    private final Clock clock;
    private final String actor;
    private final String host;

    public AuditLog(DataSource dataSource, Clock clock, String actor, String host) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.clock = Objects.requireNonNull(clock);
        this.actor = Objects.requireNonNull(actor);
        this.host = Objects.requireNonNull(host);
    }

    /** An audit log whose actor is the OS user running this process. */
    public static AuditLog forCurrentUser(DataSource dataSource, Clock clock) {
        return new AuditLog(dataSource, clock, System.getProperty("user.name", "unknown"), localHostName());
    }

    public record Entry(long id, Instant occurredAt, String actor, String host, String eventType, String subject,
            String detail) {
    }

    public void record(String eventType, String subject, String detail) {
        String sql = "INSERT INTO audit_event (occurred_at, actor, host, event_type, subject, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, actor);
            ps.setString(3, host);
            ps.setString(4, eventType);
            ps.setString(5, subject);
            ps.setString(6, truncate(detail, 4000));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record audit event " + eventType + ": " + e.getMessage(), e);
        }
    }

    /** The most recent entries, newest first. */
    public List<Entry> recent(int limit) {
        String sql = "SELECT id, occurred_at, actor, host, event_type, subject, detail FROM audit_event "
                + "ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
        List<Entry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entries.add(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read audit events: " + e.getMessage(), e);
        }
        return entries;
    }

    public static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
