package io.tailguard.sources.cache;

import io.tailguard.signals.Observation;
import io.tailguard.signals.SeriesId;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Stores observations keyed by (series, observed_on, available_on), so a later revision is a new row and a fetch
 * that repeats a known value is harmless. Also remembers the outcome of the last fetch per series, so a layer left
 * without fresh data can say why. Tables: {@code V20__signal_cache.sql}.
 */
public final class ObservationCache {
    private final Sql sql;

    public ObservationCache(DataSource dataSource) {
        this.sql = new Sql(dataSource, "signal cache");
    }

    public void store(Collection<Observation> observations, Instant fetchedAt) {
        String update = "UPDATE signal_observation SET obs_value = ?, fetched_at = ? "
                + "WHERE series = ? AND observed_on = ? AND available_on = ?";
        String insert = "INSERT INTO signal_observation (obs_value, fetched_at, series, observed_on, available_on) "
                + "VALUES (?, ?, ?, ?, ?)";
        sql.inTransaction(connection -> {
            try (PreparedStatement up = connection.prepareStatement(update);
                    PreparedStatement in = connection.prepareStatement(insert)) {
                for (Observation o : observations) {
                    bind(up, o, fetchedAt);
                    if (up.executeUpdate() == 0) {
                        bind(in, o, fetchedAt);
                        in.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    /** Records the outcome of a fetch: {@code problem} null when it succeeded. */
    public void recordFetch(SeriesId series, Instant fetchedAt, String problem) {
        sql.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM signal_fetch WHERE series = ?");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO signal_fetch (series, fetched_at, succeeded, problem) VALUES (?, ?, ?, ?)")) {
                delete.setString(1, series.toString());
                delete.executeUpdate();
                insert.setString(1, series.toString());
                insert.setTimestamp(2, Timestamp.from(fetchedAt));
                insert.setBoolean(3, problem == null);
                insert.setString(4, problem == null ? null : truncate(problem, 2000));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Series whose last fetch failed, with the problem. */
    public Map<SeriesId, String> failedFetches() {
        Map<SeriesId, String> out = new LinkedHashMap<>();
        sql.query("SELECT series, problem FROM signal_fetch WHERE succeeded = FALSE ORDER BY series", ps -> { }, rs ->
                out.put(SeriesId.parse(rs.getString(1)), rs.getString(2)));
        return out;
    }

    /** Every stored observation describing {@code from} or later, including revisions. */
    public List<Observation> observedSince(LocalDate from) {
        List<Observation> out = new ArrayList<>();
        sql.query("SELECT series, observed_on, available_on, obs_value FROM signal_observation WHERE observed_on >= ? "
                + "ORDER BY series, observed_on, available_on", ps -> ps.setDate(1, Date.valueOf(from)), rs ->
                out.add(new Observation(SeriesId.parse(rs.getString(1)), rs.getDate(2).toLocalDate(),
                        rs.getDate(3).toLocalDate(), rs.getDouble(4))));
        return out;
    }

    private static void bind(PreparedStatement ps, Observation o, Instant fetchedAt) throws SQLException {
        ps.setDouble(1, o.value());
        ps.setTimestamp(2, Timestamp.from(fetchedAt));
        ps.setString(3, o.series().toString());
        ps.setDate(4, Date.valueOf(o.observedOn()));
        ps.setDate(5, Date.valueOf(o.availableOn()));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
