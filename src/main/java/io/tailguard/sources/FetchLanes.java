package io.tailguard.sources;

import io.tailguard.signals.InputOrigin;
import io.tailguard.signals.Observation;
import io.tailguard.signals.SeriesId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The fetches of one run, grouped by source into lanes. Lanes run in parallel, so one slow or dead source never
 * holds up another; inside a lane the requests run one after another under that source's own rate limit. When a
 * source turns out to be unreachable (no connection at all), the rest of its lane is not tried: the run reports the
 * source once instead of timing out once per series.
 */
final class FetchLanes {
    private FetchLanes() {
    }

    /** Where a fetch's series come from; a sample's end date is what the sample turns out to hold. */
    record Label(InputOrigin.Provenance provenance, String source) {
        Label {
            Objects.requireNonNull(provenance, "provenance");
            Objects.requireNonNull(source, "source");
        }

        static Label live(String source) {
            return new Label(InputOrigin.Provenance.LIVE, source);
        }

        static Label simulated(String source) {
            return new Label(InputOrigin.Provenance.SIMULATED, source);
        }

        static Label sample(String source) {
            return new Label(InputOrigin.Provenance.SAMPLE, source);
        }
    }

    /** One request: the series it answers for, where they come from, and the call. */
    record Fetch(String lane, List<SeriesId> series, Label label, Supplier<List<Observation>> call) {
        Fetch {
            Objects.requireNonNull(lane, "lane");
            series = List.copyOf(series);
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(call, "call");
        }
    }

    /** What a fetch returned, or its problem (then no observations). {@code tried} is false when it was skipped. */
    record Result(Fetch fetch, List<Observation> observations, String problem, boolean tried) {
        Result {
            observations = List.copyOf(observations);
        }

        boolean failed() {
            return problem != null;
        }
    }

    /** Runs every fetch and returns the results in the order of {@code fetches}. */
    static List<Result> run(List<Fetch> fetches) {
        Map<String, List<Fetch>> byLane = new LinkedHashMap<>();
        fetches.forEach(f -> byLane.computeIfAbsent(f.lane(), k -> new ArrayList<>()).add(f));
        if (byLane.isEmpty()) {
            return List.of();
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(byLane.size(), r -> {
            Thread t = new Thread(r, "signal-source-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<List<Result>>> lanes = byLane.values().stream()
                    .map(lane -> CompletableFuture.supplyAsync(() -> runLane(lane), pool)).toList();
            Map<Fetch, Result> results = new IdentityHashMap<>();
            lanes.forEach(lane -> lane.join().forEach(r -> results.put(r.fetch(), r)));
            return fetches.stream().map(results::get).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Result> runLane(List<Fetch> lane) {
        List<Result> out = new ArrayList<>();
        String unreachable = null;
        for (Fetch fetch : lane) {
            if (unreachable != null) {
                out.add(new Result(fetch, List.of(), "not tried, the source is unreachable: " + unreachable, false));
                continue;
            }
            try {
                out.add(new Result(fetch, fetch.call().get(), null, true));
            } catch (SourceException e) {
                if (e.isUnreachable()) {
                    unreachable = e.getMessage();
                }
                out.add(new Result(fetch, List.of(), e.getMessage(), true));
            } catch (RuntimeException e) {
                out.add(new Result(fetch, List.of(), e.getClass().getSimpleName() + ": " + e.getMessage(), true));
            }
        }
        return out;
    }
}
