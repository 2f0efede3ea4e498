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
 * can list exactly the inputs that were used.
 */
public final class PointInTimeData {
    private final LocalDate asOf;
    private final SignalLayersConfig.Staleness staleness;
    private final Map<SeriesId, List<Observation>> bySeries = new HashMap<>();
    private final Map<SeriesId, String> fetchProblems;
    private final Map<SeriesId, SnapshotInput> used = new TreeMap<>();

    public PointInTimeData(LocalDate asOf, Collection<Observation> observations, Map<SeriesId, String> fetchProblems,
            SignalLayersConfig.Staleness staleness) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.staleness = Objects.requireNonNull(staleness, "staleness");
        this.fetchProblems = Map.copyOf(fetchProblems);
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
            return Outcome.unknown("no observation of " + series + " available on or before " + asOf + problem);
        }
        Observation newest = all.get(all.size() - 1);
        long age = ChronoUnit.DAYS.between(newest.observedOn(), asOf);
        int limit = staleness.maxAgeDays(series.kind());
        if (age > limit) {
            return Outcome.unknown(series + " is stale: last observed " + newest.observedOn() + ", " + age
                    + " days before " + asOf + ", limit " + limit + " days" + problem);
        }
        if (all.size() < count) {
            return Outcome.unknown("only " + all.size() + " observations of " + series + " available on " + asOf
                    + ", need " + count + problem);
        }
        List<Observation> window = new ArrayList<>(all.subList(Math.max(0, all.size() - maxCount), all.size()));
        used.merge(series, SnapshotInput.of(window), SnapshotInput::widest);
        return Outcome.known(List.copyOf(window));
    }

    /** The inputs read so far, one line per series, ordered by series id. */
    public List<SnapshotInput> inputsUsed() {
        return List.copyOf(used.values());
    }
}
