package io.tailguard.sources.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every file shipped in {@code market-history/} passes the loader's checks, and SOURCES.md lists it. */
class ShippedMarketHistoryTest {
    private static final Path DIR = Path.of("market-history");

    @Test
    void everyShippedFileLoadsAndIsDescribedInSources() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(DIR)) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
        String sources = Files.readString(DIR.resolve("SOURCES.md"));
        MarketHistory history = new MarketHistory(DIR);

        assertThat(names).containsExactly("dgs10", "effr", "gdpc1", "rrpontsyd", "sofr", "spx", "spy", "upro", "vix",
                "vix3m", "vix9d");
        for (String name : names) {
            HistorySeries series = history.series(name);
            assertThat(series.bars()).as(name).isNotEmpty();
            assertThat(sources).as(name).contains("`" + name + ".csv`");
        }
    }

    @Test
    void everyUniverseFileLoadsOnItsAdjustedCloseOverTheRangeSourcesGives() throws IOException {
        List<String> tickers;
        try (Stream<Path> files = Files.list(DIR.resolve("universe"))) {
            tickers = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
        MarketHistory history = new MarketHistory(DIR);

        assertThat(tickers).hasSize(40).contains("AAPL", "BRK_B", "SPY", "TLT");
        for (String ticker : tickers) {
            HistorySeries series = history.series("universe/" + ticker);
            assertThat(series.bars()).as(ticker).hasSize(2877);
            assertThat(series.bars().get(0).date()).as(ticker).isEqualTo(LocalDate.of(2015, 1, 2));
            assertThat(series.bars().get(0).close()).as(ticker).isEqualTo(series.bars().get(0).adjClose());
        }
    }

    @Test
    void theFilesEndWhereSourcesSaysTheyEnd() {
        MarketHistory history = new MarketHistory(DIR);

        assertThat(history.series("dgs10").asOf()).isEqualTo(LocalDate.of(2026, 8, 20));
        assertThat(history.series("rrpontsyd").asOf()).isEqualTo(LocalDate.of(2026, 8, 21));
        assertThat(history.series("gdpc1").asOf()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(history.series("spx").bars()).hasSize(24777);
        assertThat(history.series("upro").bars()).hasSize(4264);
        assertThat(history.series("upro").asOf()).isEqualTo(LocalDate.of(2026, 6, 8));
        // the sparse early ON RRP shows as gaps, the longest one as SOURCES.md describes it
        assertThat(history.series("rrpontsyd").gaps())
                .contains(new HistoryGap(LocalDate.of(2004, 1, 9), LocalDate.of(2007, 4, 26)));
    }
}
