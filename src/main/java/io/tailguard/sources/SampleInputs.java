package io.tailguard.sources;

import io.tailguard.signals.Observation;
import io.tailguard.signals.SeriesId;
import io.tailguard.signals.SignalLayersConfig;
import io.tailguard.signals.SignalSeries;
import io.tailguard.signals.SourceKind;
import io.tailguard.sources.FetchLanes.Label;
import io.tailguard.sources.csv.CsvInputs;
import io.tailguard.sources.csv.SampleFundamentals;
import io.tailguard.sources.history.HistorySeries;
import io.tailguard.sources.history.MarketHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the embedded default reads instead of FRED, EDGAR and the trader's CSV files, all of it labelled sample:
 * <ul>
 *   <li>DGS10, SOFR, EFFR, RRPONTSYD and GDPC1 from the real history in {@code sample.historyDir}
 *       ({@code market-history/}), with FRED's publication lags, so a value is known no earlier than it would have
 *       been from FRED. When the history ends before the snapshot date, the window ends where the history ends and
 *       the snapshot says "sample as of" that date.</li>
 *   <li>Annual fundamentals from {@code sample.inputsDir/fundamentals.csv} (real 10-K figures;
 *       where each was read is in {@code SOURCES.md} beside it).</li>
 *   <li>FedWatch and forward P/E: the trader's own file in {@code csv.inputsDir} when there is one, else the
 *       example in {@code sample.inputsDir} (illustrative figures, not real data; the label says so). Overrides
 *       are not applied: they correct a live source, and there is none here.</li>
 * </ul>
 */
final class SampleInputs {
    static final String FUNDAMENTALS = "fundamentals.csv";
    private static final Map<SeriesId, String> HISTORY_FILES = new LinkedHashMap<>();

    static {
        HISTORY_FILES.put(SignalSeries.TREASURY_10Y, "dgs10");
        HISTORY_FILES.put(SignalSeries.SOFR, "sofr");
        HISTORY_FILES.put(SignalSeries.OIS_PROXY, "effr");
        HISTORY_FILES.put(SignalSeries.REVERSE_REPO, "rrpontsyd");
        HISTORY_FILES.put(SignalSeries.REAL_GDP, "gdpc1");
    }

    private final SignalLayersConfig layers;
    private final SignalSourcesConfig sources;
    private final MarketHistory history;

    SampleInputs(SignalLayersConfig layers, SignalSourcesConfig sources, MarketHistory history) {
        this.layers = layers;
        this.sources = sources;
        this.history = history;
    }

    /** The file-backed fetches, in two lanes of their own beside the simulated gateway's. */
    List<FetchLanes.Fetch> fetches(LocalDate asOf, Map<String, Long> companies) {
        List<FetchLanes.Fetch> out = new ArrayList<>();
        HISTORY_FILES.forEach((series, name) -> {
            if (series.equals(SignalSeries.TREASURY_10Y) && !layers.rateSensitivity().yieldSeriesId().equals(series)) {
                return; // the rate layers read the simulated market's own yield instead
            }
            Path file = history.dir().resolve(name + ".csv");
            out.add(new FetchLanes.Fetch("market-history", List.of(series),
                    Label.sample(file + " (real FRED " + series.name() + " history)"), () -> history(series, name, asOf)));
        });
        Set<SeriesId> wanted = new HashSet<>();
        List<SeriesId> fundamentals = new ArrayList<>();
        companies.keySet().forEach(ticker -> fundamentals.addAll(SignalInputCollector.fundamentals(ticker)));
        wanted.addAll(fundamentals);
        Path file = sources.sample().inputsDir().resolve(FUNDAMENTALS);
        out.add(new FetchLanes.Fetch("sample inputs", fundamentals,
                Label.sample(file + " (10-K figures, sources in SOURCES.md)"),
                () -> SampleFundamentals.read(file).stream().filter(o -> wanted.contains(o.series())).toList()));
        return out;
    }

    private List<Observation> history(SeriesId series, String name, LocalDate asOf) {
        HistorySeries h = history.series(name);
        boolean quarterly = series.kind() == SourceKind.FRED_QUARTERLY;
        int lag = quarterly ? sources.fred().quarterlyPublicationLagDays() : sources.fred().dailyPublicationLagDays();
        int days = quarterly ? Math.max(SignalInputCollector.SLOW_SERIES_DAYS, sources.historyDays())
                : sources.historyDays();
        LocalDate end = h.asOf().isBefore(asOf) ? h.asOf() : asOf;
        // rows after asOf are kept so the sample's true end is known; the point-in-time view drops them
        return h.between(end.minusDays(days), h.asOf()).stream()
                .map(b -> new Observation(series, b.date(), b.date().plusDays(lag), b.close())).toList();
    }

    /** FedWatch and forward P/E: the trader's own files first, else the shipped examples. */
    void csvInputs(List<Observation> observations, Map<SeriesId, String> problems, Map<SeriesId, Label> labels) {
        for (String file : List.of(CsvInputs.FEDWATCH, CsvInputs.FORWARD_PE)) {
            Path own = sources.csv().inputsDir().resolve(file);
            boolean traders = Files.exists(own);
            Path dir = traders ? sources.csv().inputsDir() : sources.sample().inputsDir();
            CsvInputs.Result read = CsvInputs.read(dir, Set.of(file));
            observations.addAll(read.observations());
            Label label = traders ? Label.live(own.toString())
                    : Label.sample(dir.resolve(file) + " (illustrative example figures, not real data)");
            Set<SeriesId> series = new HashSet<>(SignalInputCollector.csvSeries().get(file));
            read.observations().forEach(o -> series.add(o.series()));
            for (SeriesId s : series) {
                labels.put(s, label);
                if (read.problems().containsKey(file)) {
                    problems.put(s, read.problems().get(file));
                }
            }
        }
    }
}
