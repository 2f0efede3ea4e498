package io.tailguard.sources;

import static io.tailguard.testing.SignalFixtures.flat;
import static io.tailguard.testing.SignalFixtures.ramp;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.signals.LayerName;
import io.tailguard.signals.MissingInput;
import io.tailguard.signals.SeriesId;
import io.tailguard.signals.SignalLayersConfig;
import io.tailguard.signals.SignalSeries;
import io.tailguard.signals.SignalSnapshot;
import io.tailguard.signals.SourceKind;
import io.tailguard.sources.cache.ObservationCache;
import io.tailguard.sources.edgar.EdgarClient;
import io.tailguard.sources.fred.FredClient;
import io.tailguard.sources.snapshot.SignalSnapshotRepository;
import io.tailguard.testing.FakeDailyBarSource;
import io.tailguard.testing.MutableClock;
import io.tailguard.testing.SignalFixtures;
import io.tailguard.testing.SignalsTestDatabase;
import io.tailguard.testing.SourceFixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FRED and EDGAR pointed at a loopback port nobody listens on: each is reported once, by name, and the run ends. */
class UnreachableSourcesTest {
    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);
    private static final SignalLayersConfig LAYERS = SignalFixtures.defaults();

    @TempDir
    Path inputs;

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void namesEveryInputOfAnUnreachableSourceAsMissingAndAsksItOnlyOnce() throws IOException {
        int port = closedPort();
        SignalSourcesConfig sources = SourceFixtures.sources(URI.create("http://127.0.0.1:" + port), inputs);
        List<java.time.LocalDate> dates = SignalFixtures.weekdaysEndingOn(FRIDAY, 260);
        FakeDailyBarSource bars = new FakeDailyBarSource().put("UPRO", dates, ramp(260, 60, 80))
                .put("SPX", dates, ramp(260, 5000, 6000)).put("VIX", dates, flat(260, 15))
                .put("VIX9D", dates, flat(260, 14)).put("VIX3M", dates, flat(260, 17))
                .put("XSP_IV", dates, flat(260, 0.12));
        var db = SignalsTestDatabase.migrated();
        HttpClient http = HttpClient.newBuilder().connectTimeout(sources.connectTimeout()).build();
        SignalInputCollector collector = new SignalInputCollector(LAYERS, sources, bars,
                new FredClient(sources.fred(), http), new EdgarClient(sources.edgar(), http), new ObservationCache(db));
        SignalRunService service = new SignalRunService(new MutableClock(Instant.parse("2026-11-20T21:30:00Z")),
                LAYERS, sources, collector, new SignalSnapshotRepository(db));

        SignalSnapshot snapshot = service.runNow();

        Map<SeriesId, String> missing = snapshot.missing().stream()
                .collect(Collectors.toMap(MissingInput::series, MissingInput::problem));
        String where = "unreachable at 127.0.0.1:" + port;
        for (SeriesId fred : List.of(SignalSeries.TREASURY_10Y, SignalSeries.SOFR, SignalSeries.OIS_PROXY,
                SignalSeries.REVERSE_REPO, SignalSeries.REAL_GDP)) {
            assertThat(missing.get(fred)).as(fred.toString()).contains("FRED", where);
        }
        // FRED's first series found the source unreachable; the rest of its lane was not tried
        assertThat(missing.values().stream().filter(p -> p.contains("FRED") && !p.contains("not tried"))).hasSize(1);
        List<String> edgar = missing.entrySet().stream().filter(e -> e.getKey().kind() == SourceKind.EDGAR)
                .filter(e -> e.getKey().name().endsWith(".revenue")).map(Map.Entry::getValue).toList();
        assertThat(edgar).hasSize(3).allSatisfy(p -> assertThat(p).contains("EDGAR", where));
        assertThat(edgar.stream().filter(p -> p.contains("not tried"))).hasSize(2);
        // what did not depend on the dead sources is still computed
        assertThat(snapshot.layer(LayerName.VOLATILITY_REGIME).detail().isKnown()).isTrue();
        assertThat(snapshot.layer(LayerName.POWELL_PAUSE).detail().reasonOrEmpty()).contains(where);
        assertThat(service.history()).containsExactly(snapshot);
    }
}
