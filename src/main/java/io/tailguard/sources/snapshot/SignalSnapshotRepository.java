package io.tailguard.sources.snapshot;

import io.tailguard.signals.CandidateTrade;
import io.tailguard.signals.HedgeIntensity;
import io.tailguard.signals.HoldState;
import io.tailguard.signals.HysteresisMemory;
import io.tailguard.signals.InputOrigin;
import io.tailguard.signals.LayerDetail;
import io.tailguard.signals.LayerName;
import io.tailguard.signals.LayerReading;
import io.tailguard.signals.MarketRegime;
import io.tailguard.signals.MissingInput;
import io.tailguard.signals.Outcome;
import io.tailguard.signals.SeriesId;
import io.tailguard.signals.SignalSnapshot;
import io.tailguard.signals.SnapshotInput;
import io.tailguard.signals.VolatilityRegime;
import io.tailguard.sources.cache.Sql;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Saves and reads {@link SignalSnapshot}s (tables in {@code V21__signal_snapshot.sql}, input origins and missing
 * inputs in {@code V60__signal_input_origin.sql}). A snapshot read back equals
 * the one saved.
 */
public final class SignalSnapshotRepository {
    private final Sql sql;

    public SignalSnapshotRepository(DataSource dataSource) {
        this.sql = new Sql(dataSource, "signal snapshots");
    }

    /** Stores the snapshot and returns its id. */
    public long save(SignalSnapshot s) {
        return sql.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO signal_snapshot (taken_at, as_of, regime, "
                    + "regime_reason, volatility_regime, volatility_reason, hold_out, hold_out_reason, memory_state, "
                    + "memory_calm_days, memory_as_of, exposure_multiplier, exposure_reason, hedge_intensity, hedge_reason)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setTimestamp(1, Timestamp.from(s.takenAt()));
                ps.setDate(2, Date.valueOf(s.asOf()));
                bindOutcome(ps, 3, s.regime(), Enum::name);
                bindOutcome(ps, 5, s.volatilityRegime(), Enum::name);
                bindOutcome(ps, 7, s.holdOut(), Enum::name);
                ps.setString(9, s.memory().state().name());
                ps.setInt(10, s.memory().calmDays());
                ps.setDate(11, s.memory().asOf() == null ? null : Date.valueOf(s.memory().asOf()));
                if (s.exposureMultiplier() instanceof Outcome.Known<Double> known) {
                    ps.setDouble(12, known.value());
                } else {
                    ps.setNull(12, Types.DOUBLE);
                }
                ps.setString(13, nullIfEmpty(s.exposureMultiplier().reasonOrEmpty()));
                bindOutcome(ps, 14, s.hedgeIntensity(), Enum::name);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            saveChildren(c, id, s);
            return id;
        });
    }

    private static void saveChildren(Connection c, long id, SignalSnapshot s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO signal_snapshot_input (snapshot_id, series, "
                + "observed_on, available_on, input_value, points_used, first_observed_on, origin, origin_source, "
                + "sample_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (SnapshotInput i : s.inputs()) {
                ps.setLong(1, id);
                ps.setString(2, i.series().toString());
                ps.setDate(3, Date.valueOf(i.observedOn()));
                ps.setDate(4, Date.valueOf(i.availableOn()));
                ps.setDouble(5, i.value());
                ps.setInt(6, i.pointsUsed());
                ps.setDate(7, Date.valueOf(i.firstObservedOn()));
                ps.setString(8, i.origin().provenance().name());
                ps.setString(9, i.origin().source());
                ps.setDate(10, i.origin().sampleEnd() == null ? null : Date.valueOf(i.origin().sampleEnd()));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO signal_snapshot_missing (snapshot_id, series, "
                + "problem) VALUES (?, ?, ?)")) {
            for (MissingInput m : s.missing()) {
                ps.setLong(1, id);
                ps.setString(2, m.series().toString());
                ps.setString(3, m.problem().length() <= 4000 ? m.problem() : m.problem().substring(0, 4000));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement layer = c.prepareStatement("INSERT INTO signal_snapshot_layer (snapshot_id, layer, "
                + "ordinal, state, reason) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement value = c.prepareStatement("INSERT INTO signal_snapshot_layer_value (snapshot_id, "
                        + "layer, name, layer_value) VALUES (?, ?, ?, ?)");
                PreparedStatement note = c.prepareStatement("INSERT INTO signal_snapshot_layer_note (snapshot_id, "
                        + "layer, ordinal, note) VALUES (?, ?, ?, ?)")) {
            int ordinal = 0;
            for (LayerReading reading : s.layers()) {
                String name = reading.layer().name();
                layer.setLong(1, id);
                layer.setString(2, name);
                layer.setInt(3, ordinal++);
                bindOutcome(layer, 4, reading.detail(), LayerDetail::state);
                layer.executeUpdate();
                if (reading.detail() instanceof Outcome.Known<LayerDetail> known) {
                    for (Map.Entry<String, Double> v : known.value().values().entrySet()) {
                        value.setLong(1, id);
                        value.setString(2, name);
                        value.setString(3, v.getKey());
                        value.setDouble(4, v.getValue());
                        value.executeUpdate();
                    }
                    List<String> notes = known.value().notes();
                    for (int n = 0; n < notes.size(); n++) {
                        note.setLong(1, id);
                        note.setString(2, name);
                        note.setInt(3, n);
                        note.setString(4, notes.get(n));
                        note.executeUpdate();
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO signal_snapshot_candidate (snapshot_id, ordinal, "
                + "origin, legs, rationale) VALUES (?, ?, ?, ?, ?)")) {
            for (int n = 0; n < s.candidates().size(); n++) {
                CandidateTrade t = s.candidates().get(n);
                ps.setLong(1, id);
                ps.setInt(2, n);
                ps.setString(3, t.origin().name());
                ps.setString(4, String.join("; ", t.legs().stream().map(Object::toString).toList()));
                ps.setString(5, t.rationale());
                ps.executeUpdate();
            }
        }
    }

    /** The latest snapshot describing a session before {@code asOf}: whose hysteresis memory today's run continues. */
    public Optional<SignalSnapshot> latestBefore(LocalDate asOf) {
        List<Long> ids = new ArrayList<>();
        sql.query("SELECT id FROM signal_snapshot WHERE as_of < ? ORDER BY as_of DESC, taken_at DESC, id DESC",
                ps -> ps.setDate(1, Date.valueOf(asOf)), rs -> ids.add(rs.getLong(1)));
        return ids.isEmpty() ? Optional.empty() : Optional.of(load(ids.get(0)));
    }

    /** Every stored snapshot, oldest first. */
    public List<SignalSnapshot> history() {
        List<Long> ids = new ArrayList<>();
        sql.query("SELECT id FROM signal_snapshot ORDER BY taken_at, id", ps -> { }, rs -> ids.add(rs.getLong(1)));
        return ids.stream().map(this::load).toList();
    }

    public SignalSnapshot load(long id) {
        return sql.inTransaction(c -> read(c, id));
    }

    private static SignalSnapshot read(Connection c, long id) throws SQLException {
        List<SnapshotInput> inputs = new ArrayList<>();
        each(c, "SELECT series, observed_on, available_on, input_value, points_used, first_observed_on, origin, "
                + "origin_source, sample_end FROM signal_snapshot_input WHERE snapshot_id = ? ORDER BY series", id,
                rs -> inputs.add(new SnapshotInput(SeriesId.parse(rs.getString(1)), date(rs, 2), date(rs, 3),
                        rs.getDouble(4), rs.getInt(5), date(rs, 6), new InputOrigin(
                                InputOrigin.Provenance.valueOf(rs.getString(7)), rs.getString(8),
                                rs.getDate(9) == null ? null : date(rs, 9)))));
        List<MissingInput> missing = new ArrayList<>();
        each(c, "SELECT series, problem FROM signal_snapshot_missing WHERE snapshot_id = ? ORDER BY series", id,
                rs -> missing.add(new MissingInput(SeriesId.parse(rs.getString(1)), rs.getString(2))));
        Map<String, TreeMap<String, Double>> values = new LinkedHashMap<>();
        each(c, "SELECT layer, name, layer_value FROM signal_snapshot_layer_value WHERE snapshot_id = ?", id, rs ->
                values.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getDouble(3)));
        Map<String, List<String>> notes = new LinkedHashMap<>();
        each(c, "SELECT layer, note FROM signal_snapshot_layer_note WHERE snapshot_id = ? ORDER BY layer, ordinal", id,
                rs -> notes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)));
        List<LayerReading> layers = new ArrayList<>();
        each(c, "SELECT layer, state, reason FROM signal_snapshot_layer WHERE snapshot_id = ? ORDER BY ordinal", id, rs -> {
            String layer = rs.getString(1);
            Outcome<LayerDetail> detail = rs.getString(2) == null ? Outcome.unknown(rs.getString(3))
                    : Outcome.known(new LayerDetail(rs.getString(2), values.getOrDefault(layer, new TreeMap<>()),
                            notes.getOrDefault(layer, List.of())));
            layers.add(new LayerReading(LayerName.valueOf(layer), detail));
        });
        List<CandidateTrade> candidates = new ArrayList<>();
        each(c, "SELECT origin, legs, rationale FROM signal_snapshot_candidate WHERE snapshot_id = ? ORDER BY ordinal",
                id, rs -> candidates.add(new CandidateTrade(LayerName.valueOf(rs.getString(1)),
                        Arrays.stream(rs.getString(2).split(";")).map(CandidateTrade.Leg::parse).toList(),
                        rs.getString(3))));
        List<SignalSnapshot> found = new ArrayList<>();
        each(c, "SELECT * FROM signal_snapshot WHERE id = ?", id, rs -> found.add(new SignalSnapshot(
                rs.getTimestamp("taken_at").toInstant(), date(rs, "as_of"), inputs, layers,
                outcome(rs, "regime", MarketRegime::valueOf),
                outcome(rs, "volatility_regime", VolatilityRegime::parse),
                outcome(rs, "hold_out", HoldState::valueOf),
                new HysteresisMemory(HoldState.valueOf(rs.getString("memory_state")), rs.getInt("memory_calm_days"),
                        rs.getDate("memory_as_of") == null ? null : date(rs, "memory_as_of")),
                rs.getObject("exposure_multiplier") == null ? Outcome.unknown(rs.getString("exposure_reason"))
                        : Outcome.known(rs.getDouble("exposure_multiplier")),
                outcome(rs, "hedge_intensity", HedgeIntensity::parse), candidates, missing)));
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no signal snapshot with id " + id);
        }
        return found.get(0);
    }

    private static <T> void bindOutcome(PreparedStatement ps, int index, Outcome<T> outcome, Function<T, String> text)
            throws SQLException {
        if (outcome instanceof Outcome.Known<T> known) {
            ps.setString(index, text.apply(known.value()));
            ps.setString(index + 1, null);
        } else {
            ps.setString(index, null);
            ps.setString(index + 1, outcome.reasonOrEmpty());
        }
    }

    private static <T> Outcome<T> outcome(ResultSet rs, String column, Function<String, T> parse) throws SQLException {
        String value = rs.getString(column);
        String reasonColumn = switch (column) {
            case "volatility_regime" -> "volatility_reason";
            case "hedge_intensity" -> "hedge_reason";
            default -> column + "_reason";
        };
        return value == null ? Outcome.unknown(rs.getString(reasonColumn)) : Outcome.known(parse.apply(value));
    }

    private static String nullIfEmpty(String text) {
        return text.isEmpty() ? null : text;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getDate(column).toLocalDate();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getDate(column).toLocalDate();
    }

    private static void each(Connection c, String query, long id, Sql.RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }
}
