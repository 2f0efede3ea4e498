package io.tailguard.signals;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every observation known on {@code asOf}: anything with {@code availableOn} after it is dropped at
 * construction, so no layer can look ahead. When a period was revised, the latest revision available on
 * {@code asOf} wins. Reads are checked against the per-source staleness limit and remembered, so the snapshot
 * can list exactly the inputs that were used, where each came from ({@link InputOrigin}) and which were missing.
 * <p>
 * A sample series (real history shipped with tailguard) ends on a fixed date. When a snapshot falls after that end,
 * the sample's last value is still used rather than called stale: the snapshot then says "sample as of" that date
 * instead of pretending it is current. Only values available on {@code asOf} are ever used.
 */
public final class PointInTimeData {
    private final LocalDate asOf;
    private final SignalLayersConfig.Staleness staleness;
    private final Map<SeriesId, List<Observation>> bySeries = new HashMap<>();
    private final Map<SeriesId, String> fetchProblems;
    private final Map<SeriesId, InputOrigin> origins;
    private final Map<SeriesId, SnapshotInput> used = new TreeMap<>();
    private final Map<SeriesId, String> unusable = new TreeMap<>();

    /** Every input from its configured source. */
    public PointInTimeData(LocalDate asOf, Collection<Observation> observations, Map<SeriesId, String> fetchProblems,
            SignalLayersConfig.Staleness staleness) {
        this(asOf, observations, fetchProblems, staleness, Map.of());
    }

    /** {@code origins} says where each series came from; a series it does not name is from its configured source. */
    public PointInTimeData(LocalDate asOf, Collection<Observation> observations, Map<SeriesId, String> fetchProblems,
            SignalLayersConfig.Staleness staleness, Map<SeriesId, InputOrigin> origins) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.staleness = Objects.requireNonNull(staleness, "staleness");
        this.fetchProblems = Map.copyOf(fetchProblems);
        this.origins = Map.copyOf(origins);
        Map<SeriesId, TreeMap<LocalDate, Observation>> latestRevision = new HashMap<>();
        for (Observation o : observations) {
            if (o.availableOn().isAfter(asOf)) {
                continue;
            }
            latestRevision.computeIfAbsent(o.series(), s -> new TreeMap<>())
                    .merge(o.observedOn(), o, (a, b) -> a.availableOn().isAfter(b.availableOn()) ? a : b);
        }
        latestRevision.forEach((series, byDate) -> bySeries.put(series, List.copyOf(byDate.values())));
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** The latest observation of a series, or why there is none usable. */
    public Outcome<Observation> latest(SeriesId series) {
        return recent(series, 1).map(list -> list.get(0));
    }

    /**
     * The last {@code count} observations in date order, or unknown when there are fewer or the newest is older
     * than the source's staleness limit.
     */
    public Outcome<List<Observation>> recent(SeriesId series, int count) {
        return window(series, count, count);
    }

    /**
     * Up to the last {@code maxCount} observations (at least one), or unknown when there is none or the newest is
     * stale. For aligning two series whose dates differ (a FRED yield and a broker close).
     */
    public Outcome<List<Observation>> upTo(SeriesId series, int maxCount) {
        return window(series, 1, maxCount);
    }

    private Outcome<List<Observation>> window(SeriesId series, int count, int maxCount) {
        List<Observation> all = bySeries.getOrDefault(series, List.of());
        String problem = fetchProblems.containsKey(series) ? " (last fetch failed: " + fetchProblems.get(series) + ")" : "";
        if (all.isEmpty()) {
            return unusable(series, "no observation of " + series + " available on or before " + asOf + problem);
        }
        Observation newest = all.get(all.size() - 1);
        long age = ChronoUnit.DAYS.between(newest.observedOn(), asOf);
        int limit = staleness.maxAgeDays(series.kind());
        InputOrigin origin = origin(series);
        boolean sampleEnded = origin.provenance() == InputOrigin.Provenance.SAMPLE
                && newest.observedOn().equals(origin.sampleEnd());
        if (age > limit && !sampleEnded) {
            return unusable(series, series + " is stale: last observed " + newest.observedOn() + ", " + age
                    + " days before " + asOf + ", limit " + limit + " days" + problem);
        }
        if (all.size() < count) {
            return unusable(series, "only " + all.size() + " observations of " + series + " available on " + asOf
                    + ", need " + count + problem);
        }
        List<Observation> window = new ArrayList<>(all.subList(Math.max(0, all.size() - maxCount), all.size()));
        used.merge(series, SnapshotInput.of(window, origin), SnapshotInput::widest);
        return Outcome.known(List.copyOf(window));
    }

    private <T> Outcome<T> unusable(SeriesId series, String reason) {
        unusable.putIfAbsent(series, reason);
        return Outcome.unknown(reason);
    }

    /** Where a series came from in this run. */
    public InputOrigin origin(SeriesId series) {
        return origins.getOrDefault(series, InputOrigin.CONFIGURED);
    }

    /** The inputs read so far, one line per series, ordered by series id. */
    public List<SnapshotInput> inputsUsed() {
        return List.copyOf(used.values());
    }

    /**
     * Every input a layer asked for and could not use, and every series whose fetch failed, ordered by series id.
     * Where a fetch failed, that failure is the reason given (the root cause, not its symptom "no observation");
     * when cached values were still fresh enough to use, the reason says so.
     */
    public List<MissingInput> missingInputs() {
        Map<SeriesId, String> out = new TreeMap<>();
        unusable.forEach((series, reason) -> out.put(series, fetchProblems.getOrDefault(series, reason)));
        fetchProblems.forEach((series, problem) -> out.putIfAbsent(series, problem
                + (used.containsKey(series) ? " (earlier values still fresh enough were used)" : "")));
        return out.entrySet().stream().map(e -> new MissingInput(e.getKey(), e.getValue())).toList();
    }
}
