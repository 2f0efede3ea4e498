package io.tailguard.sources;

import io.tailguard.signals.InputOrigin;
import io.tailguard.sources.FetchLanes.Label;
import io.tailguard.signals.Observation;
import io.tailguard.signals.PointInTimeData;
import io.tailguard.signals.SeriesId;
import io.tailguard.signals.SignalLayersConfig;
import io.tailguard.signals.SignalSeries;
import io.tailguard.signals.SourceKind;
import io.tailguard.sources.cache.ObservationCache;
import io.tailguard.sources.csv.CsvInputs;
import io.tailguard.sources.edgar.AnnualFigures;
import io.tailguard.sources.edgar.EdgarClient;
import io.tailguard.sources.fred.FredClient;
import io.tailguard.sources.fred.FredObservation;
import io.tailguard.sources.history.MarketHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers every input of a run and returns them as a {@link PointInTimeData} for the snapshot date, each series
 * labelled with where it came from. The sources are fetched in parallel lanes ({@link FetchLanes}): the broker's
 * bars, FRED and EDGAR never wait for one another, and a source that cannot be reached is reported once.
 * <p>
 * With live sources ({@code broker.mode: tws}) everything fetched goes through the cache: a source that fails leaves
 * its cached values in place and its problem recorded, so the layers fall back to cached data while it is fresh and
 * report the failure when it is not. FRED and the bars carry no vintage, so a value is taken as known
 * {@code publicationLag} days after the date it describes; when a later fetch returns a different value for a date
 * already cached (a GDP revision), it is stored as a new revision available from the fetch date.
 * <p>
 * On the simulated market ({@code broker.mode: sim}) nothing goes over the network and nothing is cached: the bars
 * come from the simulated gateway and the rest from the data shipped with tailguard ({@link SampleInputs}), all of
 * it labelled simulated or sample so a snapshot never passes it off as live.
 */
public final class SignalInputCollector {
    private static final Logger LOG = LoggerFactory.getLogger(SignalInputCollector.class);
    /** Enough for three published GDP quarters and last year's 10-K. */
    static final int SLOW_SERIES_DAYS = 800;
    static final List<SeriesId> FRED_SERIES = List.of(SignalSeries.TREASURY_10Y, SignalSeries.SOFR,
            SignalSeries.OIS_PROXY, SignalSeries.REVERSE_REPO, SignalSeries.REAL_GDP);

    private final SignalLayersConfig layers;
    private final SignalSourcesConfig sources;
    private final DailyBarSource bars;
    private final FredClient fred;
    private final EdgarClient edgar;
    private final ObservationCache cache;
    private final SampleInputs samples;
    private final String simulatedSource;

    /** Live sources: the bars as given (the broker's, or CSV files), FRED, EDGAR and the trader's CSV inputs. */
    public SignalInputCollector(SignalLayersConfig layers, SignalSourcesConfig sources, DailyBarSource bars,
            FredClient fred, EdgarClient edgar, ObservationCache cache) {
        this(layers, sources, bars, fred, edgar, cache, null, null);
    }

    private SignalInputCollector(SignalLayersConfig layers, SignalSourcesConfig sources, DailyBarSource bars,
            FredClient fred, EdgarClient edgar, ObservationCache cache, SampleInputs samples, String simulatedSource) {
        this.layers = layers;
        this.sources = sources;
        this.bars = bars;
        this.fred = fred;
        this.edgar = edgar;
        this.cache = cache;
        this.samples = samples;
        this.simulatedSource = simulatedSource;
    }

    /**
     * The embedded default: daily bars from the simulated gateway, rates and GDP from {@code sample.historyDir},
     * fundamentals, FedWatch and forward P/E from {@code sample.inputsDir} (the trader's own FedWatch or forward P/E
     * file in {@code csv.inputsDir} wins when there is one). No network, no cache. {@code simulatedSource} names the
     * market in the snapshot, e.g. {@code simulated gateway (seed 42)}.
     */
    public static SignalInputCollector onSimulatedMarket(SignalLayersConfig layers, SignalSourcesConfig sources,
            DailyBarSource simulatedBars, String simulatedSource) {
        return new SignalInputCollector(layers, sources, simulatedBars, null, null, null,
                new SampleInputs(layers, sources, new MarketHistory(sources.sample().historyDir())), simulatedSource);
    }

    /** Fetches every source and returns the inputs known on {@code asOf}. */
    public PointInTimeData collect(LocalDate asOf, Instant now) {
        return samples == null ? collectLive(asOf, now) : collectSimulated(asOf);
    }

    private PointInTimeData collectLive(LocalDate asOf, Instant now) {
        LocalDate from = asOf.minusDays(sources.historyDays());
        LocalDate slowFrom = asOf.minusDays(Math.max(SLOW_SERIES_DAYS, sources.historyDays()));
        Map<String, Observation> cached = new HashMap<>();
        for (Observation o : cache.observedSince(slowFrom)) {
            cached.merge(key(o.series(), o.observedOn()), o,
                    (a, b) -> a.availableOn().isAfter(b.availableOn()) ? a : b);
        }
        List<FetchLanes.Fetch> fetches = new ArrayList<>();
        for (String symbol : barSymbols()) {
            SeriesId series = SignalSeries.bar(symbol);
            fetches.add(new FetchLanes.Fetch("bars", List.of(series), Label.live(bars.description()),
                    () -> revisions(cached, asOf,
                    bars.dailyBars(symbol, from, asOf).stream()
                            .map(b -> Observation.sameDay(series, b.date(), b.close())).toList())));
        }
        for (SeriesId series : FRED_SERIES) {
            boolean quarterly = series.kind() == SourceKind.FRED_QUARTERLY;
            int lag = publicationLagDays(series);
            fetches.add(new FetchLanes.Fetch("FRED", List.of(series), Label.live("FRED"), () -> {
                List<Observation> found = new ArrayList<>();
                for (FredObservation o : fred.observations(series.name(), quarterly ? slowFrom : from)) {
                    found.add(new Observation(series, o.date(), o.date().plusDays(lag), o.value()));
                }
                return revisions(cached, asOf, found);
            }));
        }
        companies().forEach((ticker, cik) -> fetches.add(new FetchLanes.Fetch("EDGAR", fundamentals(ticker),
                Label.live("SEC EDGAR"), () -> AnnualFigures.of(ticker, edgar.companyFacts(cik)))));

        Map<SeriesId, InputOrigin> origins = new HashMap<>();
        for (FetchLanes.Result r : report(FetchLanes.run(fetches))) {
            cache.store(r.observations(), now);
            for (SeriesId s : r.fetch().series()) {
                cache.recordFetch(s, now, r.problem());
                origins.put(s, InputOrigin.live(r.fetch().label().source()));
            }
        }
        collectCsv(now, origins);
        return new PointInTimeData(asOf, cache.observedSince(slowFrom), cache.failedFetches(), layers.staleness(),
                origins);
    }

    private PointInTimeData collectSimulated(LocalDate asOf) {
        LocalDate from = asOf.minusDays(sources.historyDays());
        List<FetchLanes.Fetch> fetches = new ArrayList<>();
        for (String symbol : barSymbols()) {
            SeriesId series = SignalSeries.bar(symbol);
            fetches.add(new FetchLanes.Fetch("simulated gateway", List.of(series),
                    Label.simulated(simulatedSource), () ->
                    bars.dailyBars(symbol, from, asOf).stream()
                            .map(b -> Observation.sameDay(series, b.date(), b.close())).toList()));
        }
        fetches.addAll(samples.fetches(asOf, companies()));

        List<Observation> observations = new ArrayList<>();
        Map<SeriesId, String> problems = new TreeMap<>();
        Map<SeriesId, Label> labels = new HashMap<>();
        for (FetchLanes.Result r : report(FetchLanes.run(fetches))) {
            observations.addAll(r.observations());
            for (SeriesId s : r.fetch().series()) {
                labels.put(s, r.fetch().label());
                if (r.failed()) {
                    problems.put(s, r.problem());
                }
            }
        }
        samples.csvInputs(observations, problems, labels);
        return new PointInTimeData(asOf, observations, problems, layers.staleness(), origins(labels, observations));
    }

    /** Each series' origin; a sample's end is the last date the sample holds for that series. */
    private static Map<SeriesId, InputOrigin> origins(Map<SeriesId, Label> labels, List<Observation> observations) {
        Map<SeriesId, LocalDate> lastObserved = new HashMap<>();
        observations.forEach(o -> lastObserved.merge(o.series(), o.observedOn(), (a, b) -> a.isAfter(b) ? a : b));
        Map<SeriesId, InputOrigin> out = new HashMap<>();
        labels.forEach((series, label) -> {
            if (label.provenance() != InputOrigin.Provenance.SAMPLE) {
                out.put(series, new InputOrigin(label.provenance(), label.source(), null));
            } else if (lastObserved.containsKey(series)) {
                out.put(series, InputOrigin.sample(label.source(), lastObserved.get(series)));
            }
        });
        return out;
    }

    /** Logs each failed fetch once; a lane skipped after its source was unreachable is one line, not one per series. */
    private static List<FetchLanes.Result> report(List<FetchLanes.Result> results) {
        Map<String, Integer> skipped = new LinkedHashMap<>();
        for (FetchLanes.Result r : results) {
            if (r.failed() && r.tried()) {
                LOG.warn("signal source failed for {}: {}", r.fetch().series().get(0), r.problem());
            } else if (r.failed()) {
                skipped.merge(r.fetch().lane(), 1, Integer::sum);
            }
        }
        skipped.forEach((lane, n) -> LOG.warn("{}: {} more request(s) not tried, the source is unreachable", lane, n));
        return results;
    }

    int publicationLagDays(SeriesId series) {
        return series.kind() == SourceKind.FRED_QUARTERLY ? sources.fred().quarterlyPublicationLagDays()
                : sources.fred().dailyPublicationLagDays();
    }

    private Set<String> barSymbols() {
        Set<String> symbols = new LinkedHashSet<>(List.of("SPX", "VIX", "VIX9D", "VIX3M", "XSP_IV"));
        symbols.addAll(layers.rateSensitivity().holdings());
        SeriesId yield = layers.rateSensitivity().yieldSeriesId();
        if (yield.kind() == SourceKind.IBKR_BARS) {
            symbols.add(yield.name());
        }
        return symbols;
    }

    /** Every company a layer screens: the durability universe and the contrarian names, by ticker. */
    private Map<String, Long> companies() {
        Map<String, Long> companies = new TreeMap<>();
        layers.cashFlowDurability().universe().forEach(c -> companies.put(c.ticker(), c.cik()));
        layers.contrarian().aiNames().forEach(c -> companies.put(c.ticker(), c.cik()));
        return companies;
    }

    static List<SeriesId> fundamentals(String ticker) {
        List<SeriesId> series = new ArrayList<>();
        for (SignalSeries.Fundamental f : SignalSeries.Fundamental.values()) {
            series.add(SignalSeries.fundamental(ticker, f));
        }
        return series;
    }

    private void collectCsv(Instant now, Map<SeriesId, InputOrigin> origins) {
        CsvInputs.Result csv = CsvInputs.read(sources.csv().inputsDir());
        cache.store(csv.observations(), now);
        csvSeries().forEach((file, series) -> series.forEach(s -> {
            cache.recordFetch(s, now, csv.problems().get(file));
            origins.put(s, InputOrigin.live(sources.csv().inputsDir().resolve(file).toString()));
        }));
        csv.problems().forEach((file, problem) -> LOG.warn("signal input {} rejected: {}", file, problem));
    }

    /** The series each of the trader's CSV files feeds. */
    static Map<String, List<SeriesId>> csvSeries() {
        Map<String, List<SeriesId>> out = new LinkedHashMap<>();
        out.put(CsvInputs.FEDWATCH, List.of(SignalSeries.DELAYED_CUT_PROBABILITY,
                SignalSeries.NEXT_MEETING_CUT_PROBABILITY));
        out.put(CsvInputs.FORWARD_PE, List.of(SignalSeries.TECH_FORWARD_PE));
        out.put(CsvInputs.OVERRIDES, List.of(SeriesId.of(SourceKind.CSV, "overrides")));
        return out;
    }

    /** Drops values already cached; a changed value becomes a revision known from the fetch date. */
    private static List<Observation> revisions(Map<String, Observation> cached, LocalDate fetchDate,
            List<Observation> fetched) {
        List<Observation> out = new ArrayList<>();
        for (Observation o : fetched) {
            Observation known = cached.get(key(o.series(), o.observedOn()));
            if (known == null) {
                out.add(o);
            } else if (known.value() != o.value()) {
                LocalDate availableOn = o.availableOn().isAfter(fetchDate) ? o.availableOn() : fetchDate;
                if (!availableOn.isBefore(known.availableOn())) {
                    out.add(new Observation(o.series(), o.observedOn(), availableOn, o.value()));
                }
            }
        }
        return out;
    }

    private static String key(SeriesId series, LocalDate observedOn) {
        return series + "@" + observedOn;
    }
}
