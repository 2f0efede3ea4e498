package io.tailguard.sources;

import io.tailguard.signals.HysteresisMemory;
import io.tailguard.signals.PointInTimeData;
import io.tailguard.signals.SignalEngine;
import io.tailguard.signals.SignalLayersConfig;
import io.tailguard.signals.SignalSnapshot;
import io.tailguard.sources.cache.ObservationCache;
import io.tailguard.sources.csv.CsvDailyBarSource;
import io.tailguard.sources.edgar.EdgarClient;
import io.tailguard.sources.fred.FredClient;
import io.tailguard.sources.snapshot.SignalSnapshotRepository;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the signal layers now: collects the inputs, evaluates them with the hysteresis memory of the latest snapshot
 * of an earlier session, stores and returns the snapshot. The CLI ({@code tailguard signals}) and the daily Quartz job
 * call this service; neither holds any rule.
 * <p>
 * The snapshot date is the last completed session in America/New_York: today from {@code closeCutoff} on, otherwise
 * yesterday. Several runs for one date are harmless: each continues the memory of the previous date, so a calm day
 * is never counted twice.
 */
public final class SignalRunService {
    public static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");
    private static final Logger LOG = LoggerFactory.getLogger(SignalRunService.class);

    private final Clock clock;
    private final SignalSourcesConfig sources;
    private final SignalInputCollector collector;
    private final SignalSnapshotRepository snapshots;
    private final SignalEngine engine;

    public SignalRunService(Clock clock, SignalLayersConfig layers, SignalSourcesConfig sources,
            SignalInputCollector collector, SignalSnapshotRepository snapshots) {
        this.clock = clock;
        this.sources = sources;
        this.collector = collector;
        this.snapshots = snapshots;
        this.engine = new SignalEngine(layers);
    }

    /**
     * Wires the service on live sources from the two YAML files, the database and a daily-bar source (the
     * broker-backed one in production, {@link CsvDailyBarSource} otherwise). {@code environment} supplies
     * FRED_API_KEY.
     */
    public static SignalRunService wire(Clock clock, DataSource dataSource, DailyBarSource bars, Path layersFile,
            Path sourcesFile, Map<String, String> environment) {
        SignalLayersConfigLoader loader = new SignalLayersConfigLoader();
        SignalLayersConfig layers = loader.loadLayers(layersFile);
        SignalSourcesConfig sources = loader.loadSources(sourcesFile, environment);
        HttpClient http = HttpClient.newBuilder().connectTimeout(sources.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        SignalInputCollector collector = new SignalInputCollector(layers, sources,
                bars == null ? new CsvDailyBarSource(sources.csv().barsDir()) : bars,
                new FredClient(sources.fred(), http), new EdgarClient(sources.edgar(), http),
                new ObservationCache(dataSource));
        return new SignalRunService(clock, layers, sources, collector, new SignalSnapshotRepository(dataSource));
    }

    /**
     * Wires the service on the embedded default: bars from the simulated gateway ({@code simulatedSource} names it
     * in the snapshot), everything else from the sample data shipped with tailguard; no network.
     */
    public static SignalRunService wireSimulated(Clock clock, DataSource dataSource, DailyBarSource simulatedBars,
            String simulatedSource, Path layersFile, Path sourcesFile) {
        SignalLayersConfigLoader loader = new SignalLayersConfigLoader();
        SignalSourcesConfig sources = loader.loadSources(sourcesFile, Map.of());
        SignalLayersConfig layers = loader.loadLayers(layersFile)
                .withRateSensitivityYield(sources.sample().yieldSeries(), sources.sample().yieldScale());
        SignalInputCollector collector = SignalInputCollector.onSimulatedMarket(layers, sources, simulatedBars,
                simulatedSource);
        return new SignalRunService(clock, layers, sources, collector, new SignalSnapshotRepository(dataSource));
    }

    /** The last completed session date at the clock's instant. */
    public LocalDate sessionDate() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(EXCHANGE_ZONE));
        return now.toLocalTime().isBefore(sources.closeCutoff()) ? now.toLocalDate().minusDays(1) : now.toLocalDate();
    }

    /** {@code tailguard signals}: run every layer now, store and return the snapshot. */
    public SignalSnapshot runNow() {
        Instant now = clock.instant();
        LocalDate asOf = sessionDate();
        HysteresisMemory previous = snapshots.latestBefore(asOf).map(SignalSnapshot::memory)
                .orElse(HysteresisMemory.initial());
        PointInTimeData data = collector.collect(asOf, now);
        SignalSnapshot snapshot = engine.evaluate(data, previous, now);
        long id = snapshots.save(snapshot);
        LOG.info("signal snapshot {} for {}: regime {}, hold/out {}, exposure {}, {} missing input(s){}", id, asOf,
                brief(snapshot.regime()), brief(snapshot.holdOut()), brief(snapshot.exposureMultiplier()),
                snapshot.missing().size(), snapshot.usesNonLiveInputs() ? ", NOT LIVE (simulated / sample inputs)" : "");
        return snapshot;
    }

    private static String brief(io.tailguard.signals.Outcome<?> outcome) {
        return outcome.isKnown() ? outcome.value().toString() : "UNKNOWN";
    }

    /** The daily after-the-close run for the scheduler: the same as {@link #runNow()}. */
    public SignalSnapshot runDaily() {
        return runNow();
    }

    /** {@code tailguard signals --history}: every stored snapshot, oldest first. */
    public List<SignalSnapshot> history() {
        return snapshots.history();
    }
}
