package io.tailguard.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.broker.sim.market.MarketModelConfig;
import io.tailguard.broker.sim.market.ModelMarket;
import io.tailguard.signals.InputOrigin.Provenance;
import io.tailguard.signals.LayerName;
import io.tailguard.signals.LayerReading;
import io.tailguard.signals.MissingInput;
import io.tailguard.signals.SignalLayersConfig;
import io.tailguard.signals.SignalSeries;
import io.tailguard.signals.SignalSnapshot;
import io.tailguard.signals.SnapshotInput;
import io.tailguard.sources.cache.ObservationCache;
import io.tailguard.sources.ibkr.BrokerDailyBarSource;
import io.tailguard.sources.snapshot.SignalSnapshotRepository;
import io.tailguard.testing.MutableClock;
import io.tailguard.testing.SignalsTestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default end to end: daily bars from a real simulated gateway over a loopback socket, everything else
 * from the shipped market-history/ and config/inputs-example/, the project's own layer and source configuration, and
 * the snapshot stored in a migrated database.
 */
class SignalsOnSimulatedMarketTest {
    private static final String MARKET = "simulated gateway (seed 7)";

    @TempDir
    Path traderInputs;

    private SimGateway gateway;
    private IbkrBroker broker;
    private Clock marketClock;
    private DataSource db;
    private SignalLayersConfig layers;
    private SignalSourcesConfig sources;

    @BeforeEach
    void start() {
        // Wednesday 2026-12-02 at the open: the last completed session is Tuesday's, after every shipped sample's
        // first row (the example FedWatch figures are dated 2026-11-18 and 2026-11-20)
        gateway = SimGateway.withModelMarket(SimGatewayConfig.defaults().withPort(0), MarketModelConfig.defaults()
                .withStart(Instant.parse("2026-12-02T14:30:00Z"), 5900.0, 80.0)).start();
        marketClock = ((ModelMarket) gateway.market()).clock();
        broker = new IbkrBroker(new IbkrClientConfig("127.0.0.1", gateway.port(), 23, 1, 45, 90,
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(500)),
                marketClock);
        broker.connect();
        db = SignalsTestDatabase.migrated();
        SignalLayersConfigLoader loader = new SignalLayersConfigLoader();
        SignalSourcesConfig shipped = loader.loadSources(SignalLayersConfigLoader.DEFAULT_SOURCES_FILE, Map.of());
        // the trader's own CSV directory is a temporary one, empty unless a test writes to it
        sources = new SignalSourcesConfig(shipped.fred(), shipped.edgar(),
                new SignalSourcesConfig.Csv(traderInputs, traderInputs.resolve("bars")), shipped.sample(),
                shipped.historyDays(), shipped.closeCutoff(), shipped.connectTimeout());
        layers = loader.loadLayers(SignalLayersConfigLoader.DEFAULT_LAYERS_FILE)
                .withRateSensitivityYield(sources.sample().yieldSeries(), sources.sample().yieldScale());
    }

    @AfterEach
    void stop() {
        broker.close();
        gateway.close();
    }

    private SignalRunService service(Clock clock) {
        SignalInputCollector collector = SignalInputCollector.onSimulatedMarket(layers, sources,
                new BrokerDailyBarSource(broker), MARKET);
        return new SignalRunService(clock, layers, sources, collector, new SignalSnapshotRepository(db));
    }

    private static SnapshotInput input(SignalSnapshot snapshot, io.tailguard.signals.SeriesId series) {
        return snapshot.inputs().stream().filter(i -> i.series().equals(series)).findFirst().orElseThrow();
    }

    @Test
    void computesEveryLayerFromTheSimulatedMarketAndTheShippedSamples() {
        SignalSnapshot snapshot = service(marketClock).runNow();

        // the contrarian layer has no AI name with 10-K figures in the shipped sample (none were found with
        // provenance), so it is the one layer that is honestly unknown; every other layer is computed
        assertThat(snapshot.layers()).filteredOn(l -> l.layer() != LayerName.CONTRARIAN_FLAGS)
                .hasSize(8).allSatisfy(l -> assertThat(l.detail().isKnown())
                        .as(l.layer() + ": " + l.detail().reasonOrEmpty()).isTrue());
        LayerReading contrarian = snapshot.layers().stream().filter(l -> l.layer() == LayerName.CONTRARIAN_FLAGS)
                .findFirst().orElseThrow();
        assertThat(contrarian.detail().isKnown()).isFalse();
        assertThat(contrarian.detail().reasonOrEmpty()).startsWith("no AI name could be scored")
                .contains("edgar:PLTR.revenue", "edgar:SOUN.revenue", "edgar:BBAI.revenue");
        assertThat(snapshot.holdOut().isKnown()).isTrue();
        assertThat(snapshot.exposureMultiplier().isKnown()).as(snapshot.exposureMultiplier().reasonOrEmpty()).isTrue();
        assertThat(snapshot.hedgeIntensity().isKnown()).isTrue();
        // what the sample does not give is named, not filled in
        assertThat(snapshot.missing()).extracting(MissingInput::series).containsExactlyInAnyOrder(
                SignalSeries.fundamental("JNJ", SignalSeries.Fundamental.DEBT),
                SignalSeries.fundamental("PG", SignalSeries.Fundamental.DEBT),
                SignalSeries.fundamental("XOM", SignalSeries.Fundamental.REVENUE),
                SignalSeries.fundamental("PLTR", SignalSeries.Fundamental.REVENUE),
                SignalSeries.fundamental("SOUN", SignalSeries.Fundamental.REVENUE),
                SignalSeries.fundamental("BBAI", SignalSeries.Fundamental.REVENUE));
    }

    @Test
    void screensTheCompaniesWhoseFilingsGiveEveryFigure() {
        SignalSnapshot snapshot = service(marketClock).runNow();

        // Microsoft's FY2025 10-K (filed 2025-07-30), copied into the sample: see config/inputs-example/SOURCES.md
        SnapshotInput revenue = input(snapshot, SignalSeries.fundamental("MSFT", SignalSeries.Fundamental.REVENUE));
        assertThat(revenue.value()).isEqualTo(281_724_000_000.0);
        assertThat(revenue.observedOn()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(revenue.availableOn()).isEqualTo(LocalDate.of(2025, 7, 30));
        LayerReading durability = snapshot.layers().stream()
                .filter(l -> l.layer() == LayerName.CASH_FLOW_DURABILITY).findFirst().orElseThrow();
        assertThat(durability.detail().value().notes()).contains("passing: AAPL, MSFT");
        assertThat(durability.detail().value().notes()).anySatisfy(n -> assertThat(n).startsWith("JNJ unscreened"));
    }

    @Test
    void labelsEveryInputSimulatedOrSampleWithTheDateTheSampleEnds() {
        SignalSnapshot snapshot = service(marketClock).runNow();

        assertThat(snapshot.inputs()).isNotEmpty()
                .allSatisfy(i -> assertThat(i.origin().provenance()).isNotEqualTo(Provenance.LIVE));
        assertThat(input(snapshot, SignalSeries.SPX).origin().provenance()).isEqualTo(Provenance.SIMULATED);
        assertThat(input(snapshot, SignalSeries.SPX).origin().source()).isEqualTo(MARKET);
        assertThat(input(snapshot, SignalSeries.bar("TNX")).origin().provenance()).isEqualTo(Provenance.SIMULATED);
        SnapshotInput sofr = input(snapshot, SignalSeries.SOFR);
        assertThat(sofr.origin().provenance()).isEqualTo(Provenance.SAMPLE);
        assertThat(sofr.origin().source()).contains("market-history/sofr.csv", "real FRED SOFR history");
        assertThat(sofr.origin().sampleEnd()).isEqualTo(LocalDate.of(2026, 8, 20));
        assertThat(sofr.observedOn()).isEqualTo(LocalDate.of(2026, 8, 20));
        assertThat(input(snapshot, SignalSeries.REAL_GDP).origin().sampleEnd()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(input(snapshot, SignalSeries.fundamental("MSFT", SignalSeries.Fundamental.REVENUE)).origin().source())
                .contains("fundamentals.csv", "10-K figures, sources in SOURCES.md");
        assertThat(input(snapshot, SignalSeries.DELAYED_CUT_PROBABILITY).origin().source())
                .contains("inputs-example/fedwatch.csv", "illustrative example figures, not real data");
    }

    @Test
    void storesTheLabelsWithTheSnapshotAndCachesNothing() {
        SignalRunService service = service(marketClock);
        SignalSnapshot snapshot = service.runNow();

        assertThat(service.history()).containsExactly(snapshot);
        // a later run on live sources must never find simulated or sample values in the cache
        assertThat(new ObservationCache(db).observedSince(LocalDate.of(1900, 1, 1))).isEmpty();
    }

    @Test
    void usesOnlyWhatTheSampleHeldOnAnEarlierSnapshotDate() {
        // 2026-08-14, 17:00 New York: inside the shipped history, so only values published by then count
        SignalSnapshot snapshot = service(new MutableClock(Instant.parse("2026-08-14T21:00:00Z"))).runNow();

        SnapshotInput sofr = input(snapshot, SignalSeries.SOFR);
        assertThat(snapshot.asOf()).isEqualTo(LocalDate.of(2026, 8, 14));
        assertThat(sofr.observedOn()).isEqualTo(LocalDate.of(2026, 8, 13));
        assertThat(sofr.availableOn()).isEqualTo(LocalDate.of(2026, 8, 14));
        assertThat(snapshot.inputs()).isNotEmpty()
                .allSatisfy(i -> assertThat(i.availableOn()).isBeforeOrEqualTo(snapshot.asOf()));
    }

    @Test
    void theTradersOwnFedWatchFileWinsAndOverridesAreNotApplied() throws IOException {
        Files.writeString(traderInputs.resolve("fedwatch.csv"),
                "as_of,delayed_cut_probability,next_meeting_cut_probability\n2026-11-30,0.10,0.65\n");
        Files.writeString(traderInputs.resolve("overrides.csv"),
                "as_of,series,observed_on,value,note\n2026-11-30,fred:SOFR,2026-08-20,9.99,test\n");

        SignalSnapshot snapshot = service(marketClock).runNow();

        SnapshotInput delayed = input(snapshot, SignalSeries.DELAYED_CUT_PROBABILITY);
        assertThat(delayed.value()).isEqualTo(0.10);
        assertThat(delayed.origin().provenance()).isEqualTo(Provenance.LIVE);
        assertThat(delayed.origin().source()).isEqualTo(traderInputs.resolve("fedwatch.csv").toString());
        assertThat(input(snapshot, SignalSeries.SOFR).value()).isEqualTo(3.63);
    }
}
