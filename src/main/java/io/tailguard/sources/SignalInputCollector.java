package io.tailguard.sources;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes every source into the cache, then reads the cache back as a {@link PointInTimeData} for the snapshot
 * date. A source that fails leaves its cached values in place and its problem recorded, so the layers fall back to
 * cached data while it is fresh and report the failure when it is not.
 * <p>
 * FRED and the bars carry no vintage, so a value is taken as known {@code publicationLag} days after the date it
 * describes; when a later fetch returns a different value for a date already cached (a GDP revision), it is stored
 * as a new revision available from the fetch date, and the earlier value stays what was known before.
 */
public final class SignalInputCollector {
    private static final Logger LOG = LoggerFactory.getLogger(SignalInputCollector.class);
    /** Enough for three published GDP quarters and last year's 10-K. */
    private static final int SLOW_SERIES_DAYS = 800;

    private final SignalLayersConfig layers;
    private final SignalSourcesConfig sources;
    private final DailyBarSource bars;
    private final FredClient fred;
    private final EdgarClient edgar;
    private final ObservationCache cache;

    public SignalInputCollector(SignalLayersConfig layers, SignalSourcesConfig sources, DailyBarSource bars,
            FredClient fred, EdgarClient edgar, ObservationCache cache) {
        this.layers = layers;
        this.sources = sources;
        this.bars = bars;
        this.fred = fred;
        this.edgar = edgar;
        this.cache = cache;
    }

    /** Fetches every source, stores what arrived, and returns the inputs known on {@code asOf}. */
    public PointInTimeData collect(LocalDate asOf, Instant now) {
        LocalDate from = asOf.minusDays(sources.historyDays());
        LocalDate slowFrom = asOf.minusDays(Math.max(SLOW_SERIES_DAYS, sources.historyDays()));
        Map<String, Observation> cached = new HashMap<>();
        for (Observation o : cache.observedSince(slowFrom)) {
            cached.merge(key(o.series(), o.observedOn()), o,
                    (a, b) -> a.availableOn().isAfter(b.availableOn()) ? a : b);
        }
        for (String symbol : barSymbols()) {
            SeriesId series = SignalSeries.bar(symbol);
            fetch(List.of(series), now, () -> revisions(cached, asOf, bars.dailyBars(symbol, from, asOf).stream()
                    .map(b -> Observation.sameDay(series, b.date(), b.close())).toList()));
        }
        for (SeriesId series : List.of(SignalSeries.TREASURY_10Y, SignalSeries.SOFR, SignalSeries.OIS_PROXY,
                SignalSeries.REVERSE_REPO, SignalSeries.REAL_GDP)) {
            boolean quarterly = series.kind() == SourceKind.FRED_QUARTERLY;
            int lag = quarterly ? sources.fred().quarterlyPublicationLagDays() : sources.fred().dailyPublicationLagDays();
            fetch(List.of(series), now, () -> {
                List<Observation> found = new ArrayList<>();
                for (FredObservation o : fred.observations(series.name(), quarterly ? slowFrom : from)) {
                    found.add(new Observation(series, o.date(), o.date().plusDays(lag), o.value()));
                }
                return revisions(cached, asOf, found);
            });
        }
        Map<String, Long> companies = new java.util.TreeMap<>();
        layers.cashFlowDurability().universe().forEach(c -> companies.put(c.ticker(), c.cik()));
        layers.contrarian().aiNames().forEach(c -> companies.put(c.ticker(), c.cik()));
        companies.forEach((ticker, cik) -> {
            List<SeriesId> series = new ArrayList<>();
            for (SignalSeries.Fundamental f : SignalSeries.Fundamental.values()) {
                series.add(SignalSeries.fundamental(ticker, f));
            }
            fetch(series, now, () -> AnnualFigures.of(ticker, edgar.companyFacts(cik)));
        });
        collectCsv(now);
        return new PointInTimeData(asOf, cache.observedSince(slowFrom), cache.failedFetches(), layers.staleness());
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

    private void collectCsv(Instant now) {
        CsvInputs.Result csv = CsvInputs.read(sources.csv().inputsDir());
        cache.store(csv.observations(), now);
        Map<String, List<SeriesId>> seriesOfFile = Map.of(
                CsvInputs.FEDWATCH, List.of(SignalSeries.DELAYED_CUT_PROBABILITY, SignalSeries.NEXT_MEETING_CUT_PROBABILITY),
                CsvInputs.FORWARD_PE, List.of(SignalSeries.TECH_FORWARD_PE),
                CsvInputs.OVERRIDES, List.of(SeriesId.of(SourceKind.CSV, "overrides")));
        seriesOfFile.forEach((file, series) -> series.forEach(s ->
                cache.recordFetch(s, now, csv.problems().get(file))));
        csv.problems().forEach((file, problem) -> LOG.warn("signal input {} rejected: {}", file, problem));
    }

    private void fetch(List<SeriesId> series, Instant now, Supplier<List<Observation>> source) {
        String problem = null;
        try {
            cache.store(source.get(), now);
        } catch (SourceException e) {
            problem = e.getMessage();
        } catch (RuntimeException e) {
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (problem != null) {
            LOG.warn("signal source failed for {}: {}", series.get(0), problem);
        }
        for (SeriesId s : series) {
            cache.recordFetch(s, now, problem);
        }
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
