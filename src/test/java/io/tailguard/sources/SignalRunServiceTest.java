package io.tailguard.sources;

import static io.tailguard.testing.RecordedHttpServer.ok;
import static io.tailguard.testing.RecordedHttpServer.recorded;
import static io.tailguard.testing.RecordedHttpServer.status;
import static io.tailguard.testing.SignalFixtures.flat;
import static io.tailguard.testing.SignalFixtures.ramp;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.signals.HoldState;
import io.tailguard.signals.LayerName;
import io.tailguard.signals.MarketRegime;
import io.tailguard.signals.PointInTimeData;
import io.tailguard.signals.SignalLayersConfig;
import io.tailguard.signals.SignalSeries;
import io.tailguard.signals.SignalSnapshot;
import io.tailguard.signals.SnapshotInput;
import io.tailguard.sources.cache.ObservationCache;
import io.tailguard.sources.edgar.EdgarClient;
import io.tailguard.sources.fred.FredClient;
import io.tailguard.sources.snapshot.SignalSnapshotRepository;
import io.tailguard.testing.FakeDailyBarSource;
import io.tailguard.testing.MutableClock;
import io.tailguard.testing.RecordedHttpServer;
import io.tailguard.testing.SignalFixtures;
import io.tailguard.testing.SourceFixtures;
import io.tailguard.testing.SignalsTestDatabase;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, offline: FRED and EDGAR on a loopback server in their real formats, bars from a fake broker source,
 * CSV inputs in a temporary directory, snapshots in a migrated H2 database.
 */
class SignalRunServiceTest {
    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);
    /** 16:30 in New York, after the close. */
    private static final Instant FRIDAY_AFTER_CLOSE = Instant.parse("2026-11-20T21:30:00Z");
    private static final SignalLayersConfig LAYERS = SignalFixtures.defaults();

    @TempDir
    Path inputs;

    private final RecordedHttpServer server = new RecordedHttpServer();
    private final FakeDailyBarSource bars = new FakeDailyBarSource();
    private final MutableClock clock = new MutableClock(FRIDAY_AFTER_CLOSE);
    private SignalRunService service;
    private ObservationCache cache;
    /** The latest GDP quarter (2026-07-01) as FRED currently publishes it; a test revises it. */
    private double latestGdp = 23300;

    @BeforeEach
    void setUp() throws IOException {
        server.route("/fred/series/observations", request -> fred(request, latestGdp));
        server.route("/api/xbrl/companyfacts/CIK0000789019.json", "", ok(recorded("edgar/CIK0000789019.json")));
        Files.writeString(inputs.resolve("fedwatch.csv"),
                "as_of,delayed_cut_probability,next_meeting_cut_probability\n2026-11-18,0.75,0.20\n");
        Files.writeString(inputs.resolve("forward-pe.csv"), "as_of,sector,forward_pe\n2026-11-14,TECH,27.4\n");
        List<LocalDate> dates = SignalFixtures.weekdaysEndingOn(FRIDAY, 260);
        double[] upro = new double[dates.size()];
        upro[0] = 100;
        for (int i = 1; i < upro.length; i++) {
            upro[i] = upro[i - 1] * (1 - 2.0 * 10 * (tenYearYield(dates.get(i)) - tenYearYield(dates.get(i - 1))) / 100);
        }
        double[] vix = flat(260, 15);
        vix[258] = 35; // Thursday 2026-11-19: a spike
        bars.put("UPRO", dates, upro)
                .put("SPX", dates, ramp(260, 5000, 6000))
                .put("VIX", dates, vix)
                .put("VIX9D", dates, flat(260, 14))
                .put("VIX3M", dates, flat(260, 17))
                .put("XSP_IV", dates, flat(260, 0.12));
        var db = SignalsTestDatabase.migrated();
        SignalSourcesConfig sources = SourceFixtures.sources(server.baseUri(), inputs);
        HttpClient http = HttpClient.newHttpClient();
        cache = new ObservationCache(db);
        SignalInputCollector collector = new SignalInputCollector(LAYERS, sources, bars,
                new FredClient(sources.fred(), http), new EdgarClient(sources.edgar(), http), cache);
        service = new SignalRunService(clock, LAYERS, sources, collector, new SignalSnapshotRepository(db));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void runsEveryLayerStoresTheSnapshotAndListsItsInputs() {
        SignalSnapshot snapshot = service.runNow();

        assertThat(snapshot.asOf()).isEqualTo(FRIDAY);
        assertThat(snapshot.holdOut().value()).isEqualTo(HoldState.HOLD);
        assertThat(snapshot.layer(LayerName.POWELL_PAUSE).detail().isKnown()).isTrue();
        assertThat(snapshot.layer(LayerName.DELUSION_REGIME).detail().value().state()).isEqualTo("DELUSION");
        assertThat(snapshot.layer(LayerName.STEEPENER_SETUP).detail().value().state()).isEqualTo("ACTIVE");
        assertThat(snapshot.layer(LayerName.CASH_FLOW_DURABILITY).detail().value().notes())
                .contains("passing: MSFT").anySatisfy(n -> assertThat(n).contains("XOM unscreened", "HTTP 404"));
        assertThat(snapshot.inputs()).extracting(SnapshotInput::series).contains(SignalSeries.TREASURY_10Y,
                SignalSeries.REAL_GDP, SignalSeries.DELAYED_CUT_PROBABILITY, SignalSeries.bar("UPRO"));
        assertThat(service.history()).containsExactly(snapshot);
    }

    @Test
    void neverUsesAFredValueBeforeItsPublicationDate() {
        SignalSnapshot snapshot = service.runNow();

        SnapshotInput yield = snapshot.inputs().stream().filter(i -> i.series().equals(SignalSeries.TREASURY_10Y))
                .findFirst().orElseThrow();
        assertThat(yield.observedOn()).isEqualTo(FRIDAY.minusDays(1));
        assertThat(yield.availableOn()).isEqualTo(FRIDAY);
    }

    @Test
    void describesThePreviousSessionBeforeTheCloseCutoff() {
        clock.set(Instant.parse("2026-11-20T20:00:00Z")); // 15:00 in New York

        assertThat(service.runNow().asOf()).isEqualTo(LocalDate.of(2026, 11, 19));
    }

    @Test
    void reportsAFailingFredSeriesAsUnknownWithFredsMessage() {
        server.route("/fred/series/observations", "series_id=SOFR", status(500, recorded("fred/error-500.json")));

        SignalSnapshot snapshot = service.runNow();

        assertThat(snapshot.layer(LayerName.POWELL_PAUSE).detail().reasonOrEmpty())
                .contains("no observation of fred:SOFR", "last fetch failed: FRED SOFR: HTTP 500: Internal Server Error");
        assertThat(snapshot.holdOut().isKnown()).isTrue();
    }

    @Test
    void goesOutOnASpikeAndCountsEachCalmSessionOnceHoweverOftenItRuns() {
        clock.set(Instant.parse("2026-11-18T21:30:00Z"));
        assertThat(service.runNow().holdOut().value()).isEqualTo(HoldState.HOLD);
        clock.set(Instant.parse("2026-11-19T21:30:00Z"));
        SignalSnapshot spike = service.runNow();
        clock.set(FRIDAY_AFTER_CLOSE);
        SignalSnapshot first = service.runNow();
        clock.set(FRIDAY_AFTER_CLOSE.plusSeconds(600));
        SignalSnapshot second = service.runDaily();

        assertThat(spike.regime().value()).isEqualTo(MarketRegime.STRESS);
        assertThat(spike.holdOut().value()).isEqualTo(HoldState.OUT);
        assertThat(first.memory().calmDays()).isEqualTo(1);
        assertThat(second.memory().calmDays()).isEqualTo(1);
        assertThat(second.holdOut().value()).isEqualTo(HoldState.OUT);
        assertThat(SignalSnapshotText.renderHistory(service.history()))
                .contains("regime CALM -> STRESS hold/out HOLD -> OUT");
    }

    @Test
    void keepsUsingFreshCachedValuesWhenASourceFailsLater() {
        service.runNow();
        bars.fail("VIX3M", "broker: historical data farm disconnected");
        clock.set(FRIDAY_AFTER_CLOSE.plusSeconds(3600));

        SignalSnapshot snapshot = service.runNow();

        assertThat(snapshot.layer(LayerName.VOLATILITY_REGIME).detail().isKnown()).isTrue();
    }

    @Test
    void wiresFromTheShippedConfigurationFiles() {
        SignalRunService wired = SignalRunService.wire(clock, SignalsTestDatabase.migrated(), bars,
                SignalLayersConfigLoader.DEFAULT_LAYERS_FILE, SignalLayersConfigLoader.DEFAULT_SOURCES_FILE,
                java.util.Map.of("FRED_API_KEY", "k"));

        assertThat(wired.sessionDate()).isEqualTo(FRIDAY);
        assertThat(wired.history()).isEmpty();
    }

    @Test
    void storesARevisedFredValueAsANewRevisionKnownFromTheFetchDate() {
        clock.set(Instant.parse("2026-11-19T21:30:00Z"));
        service.runNow();
        latestGdp = 23400;
        clock.set(FRIDAY_AFTER_CLOSE);
        service.runNow();

        LocalDate q3 = LocalDate.of(2026, 7, 1);
        assertThat(cache.observedSince(q3)).filteredOn(o -> o.series().equals(SignalSeries.REAL_GDP))
                .extracting(o -> o.availableOn() + "=" + o.value())
                .containsExactly("2026-10-29=23300.0", "2026-11-20=23400.0");
        PointInTimeData thursday = new PointInTimeData(LocalDate.of(2026, 11, 19), cache.observedSince(q3),
                java.util.Map.of(), LAYERS.staleness());
        assertThat(thursday.latest(SignalSeries.REAL_GDP).value().value()).isEqualTo(23300.0);
    }

    static double tenYearYield(LocalDate date) {
        return 4.2 + 0.05 * Math.sin(date.toEpochDay() * 1.3);
    }

    /** FRED's series/observations JSON for the generated series, every weekday from observation_start on. */
    private static RecordedHttpServer.Response fred(RecordedHttpServer.Request request, double latestGdp) {
        Matcher series = Pattern.compile("series_id=([A-Z0-9]+)").matcher(request.query());
        Matcher start = Pattern.compile("observation_start=([0-9-]+)").matcher(request.query());
        if (!series.find() || !start.find()) {
            return status(400, "{\"error_code\":400,\"error_message\":\"Bad Request.\"}");
        }
        String id = series.group(1);
        StringBuilder body = new StringBuilder("{\"realtime_start\":\"2026-11-20\",\"realtime_end\":\"2026-11-20\","
                + "\"units\":\"lin\",\"file_type\":\"json\",\"observations\":[");
        LocalDate from = LocalDate.parse(start.group(1));
        boolean first = true;
        if (id.equals("GDPC1")) {
            double[] values = {23000, 23100, 23250, latestGdp};
            LocalDate quarter = LocalDate.of(2025, 10, 1);
            for (double v : values) {
                body.append(first ? "" : ",").append(obs(quarter, v));
                first = false;
                quarter = quarter.plusMonths(3);
            }
        } else {
            for (LocalDate d = from; !d.isAfter(FRIDAY); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() >= 6) {
                    continue;
                }
                double v = switch (id) {
                    case "DGS10" -> tenYearYield(d);
                    case "SOFR" -> 4.30;
                    case "EFFR" -> 4.33;
                    case "RRPONTSYD" -> 150.0;
                    default -> Double.NaN;
                };
                if (Double.isNaN(v)) {
                    return status(400, recorded("fred/error-400-missing-series.json"));
                }
                body.append(first ? "" : ",").append(obs(d, v));
                first = false;
            }
        }
        return ok(body.append("]}").toString());
    }

    private static String obs(LocalDate date, double value) {
        return String.format(Locale.ROOT,
                "{\"realtime_start\":\"2026-11-20\",\"realtime_end\":\"2026-11-20\",\"date\":\"%s\",\"value\":\"%.4f\"}",
                date, value);
    }
}
