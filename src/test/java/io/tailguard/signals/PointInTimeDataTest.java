package io.tailguard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.SignalFixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointInTimeDataTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    private static final SignalLayersConfig.Staleness STALENESS = SignalFixtures.defaults().staleness();

    @Test
    void ignoresObservationsAvailableAfterTheSnapshotDate() {
        PointInTimeData data = new PointInTimeData(AS_OF, List.of(
                Observation.sameDay(SignalSeries.VIX, AS_OF, 15.0),
                Observation.sameDay(SignalSeries.VIX, AS_OF.plusDays(1), 45.0)), Map.of(), STALENESS);

        assertThat(data.latest(SignalSeries.VIX).value().value()).isEqualTo(15.0);
    }

    @Test
    void usesTheLatestRevisionAvailableOnTheSnapshotDate() {
        LocalDate quarter = LocalDate.of(2026, 7, 1);
        PointInTimeData data = new PointInTimeData(AS_OF, List.of(
                new Observation(SignalSeries.REAL_GDP, quarter, LocalDate.of(2026, 10, 29), 100.0),
                new Observation(SignalSeries.REAL_GDP, quarter, LocalDate.of(2026, 11, 19), 101.0),
                new Observation(SignalSeries.REAL_GDP, quarter, LocalDate.of(2026, 11, 25), 102.0)), Map.of(), STALENESS);

        assertThat(data.latest(SignalSeries.REAL_GDP).value().value()).isEqualTo(101.0);
    }

    @Test
    void reportsStaleSeriesAsUnknownWithAgeAndLimit() {
        PointInTimeData data = new PointInTimeData(AS_OF, List.of(
                Observation.sameDay(SignalSeries.VIX, AS_OF.minusDays(6), 15.0)), Map.of(), STALENESS);

        assertThat(data.latest(SignalSeries.VIX).reasonOrEmpty())
                .contains("ibkr:VIX is stale", "2026-11-14", "6 days", "limit 5 days");
    }

    @Test
    void acceptsASeriesExactlyAtItsStalenessLimit() {
        PointInTimeData data = new PointInTimeData(AS_OF, List.of(
                Observation.sameDay(SignalSeries.VIX, AS_OF.minusDays(5), 15.0)), Map.of(), STALENESS);

        assertThat(data.latest(SignalSeries.VIX).isKnown()).isTrue();
    }

    @Test
    void namesTheFailedFetchWhenASeriesIsMissing() {
        PointInTimeData data = new PointInTimeData(AS_OF, List.of(),
                Map.of(SignalSeries.SOFR, "FRED returned HTTP 500"), STALENESS);

        assertThat(data.latest(SignalSeries.SOFR).reasonOrEmpty())
                .contains("no observation of fred:SOFR", "FRED returned HTTP 500");
    }

    @Test
    void reportsTooShortHistoryAsUnknown() {
        PointInTimeData data = new PointInTimeData(AS_OF, SignalFixtures.daily(SignalSeries.SPX, AS_OF, 0, 1, 2, 3),
                Map.of(), STALENESS);

        assertThat(data.recent(SignalSeries.SPX, 4).reasonOrEmpty()).contains("only 3 observations", "need 4");
        assertThat(data.recent(SignalSeries.SPX, 3).value()).hasSize(3);
    }

    @Test
    void remembersEachSeriesReadWithItsWidestWindow() {
        PointInTimeData data = new PointInTimeData(AS_OF, SignalFixtures.daily(SignalSeries.SPX, AS_OF, 0, 1, 2, 3),
                Map.of(), STALENESS);
        data.latest(SignalSeries.SPX);
        data.recent(SignalSeries.SPX, 3);

        assertThat(data.inputsUsed()).singleElement().satisfies(input -> {
            assertThat(input.pointsUsed()).isEqualTo(3);
            assertThat(input.value()).isEqualTo(3.0);
            assertThat(input.observedOn()).isEqualTo(AS_OF);
        });
    }

    @Test
    void usesASampleThatEndsBeforeTheSnapshotAndSaysWhereItEnds() {
        LocalDate end = LocalDate.of(2026, 8, 20);
        InputOrigin sample = InputOrigin.sample("market-history/sofr.csv", end);
        PointInTimeData data = new PointInTimeData(AS_OF, List.of(
                new Observation(SignalSeries.SOFR, end, end.plusDays(1), 3.63)), Map.of(), STALENESS,
                Map.of(SignalSeries.SOFR, sample));

        assertThat(data.latest(SignalSeries.SOFR).value().value()).isEqualTo(3.63);
        assertThat(data.inputsUsed()).singleElement().satisfies(input -> {
            assertThat(input.origin()).isEqualTo(sample);
            assertThat(input.origin().toString()).isEqualTo("SAMPLE market-history/sofr.csv, sample as of 2026-08-20");
        });
    }

    @Test
    void aSampleStillGoesStaleInsideItsOwnRange() {
        // the sample runs past the snapshot date, but has no value for the month before it: stale, as live data is
        InputOrigin sample = InputOrigin.sample("market-history/rrpontsyd.csv", AS_OF.plusDays(30));
        PointInTimeData data = new PointInTimeData(AS_OF, List.of(
                new Observation(SignalSeries.REVERSE_REPO, AS_OF.minusDays(30), AS_OF.minusDays(29), 100.0),
                new Observation(SignalSeries.REVERSE_REPO, AS_OF.plusDays(30), AS_OF.plusDays(31), 200.0)),
                Map.of(), STALENESS, Map.of(SignalSeries.REVERSE_REPO, sample));

        assertThat(data.latest(SignalSeries.REVERSE_REPO).reasonOrEmpty()).contains("fred:RRPONTSYD is stale", "30 days");
    }

    @Test
    void aLiveSeriesOlderThanItsLimitIsStaleEvenWhereASampleWouldNotBe() {
        PointInTimeData data = new PointInTimeData(AS_OF, List.of(
                new Observation(SignalSeries.SOFR, AS_OF.minusDays(30), AS_OF.minusDays(29), 3.63)), Map.of(), STALENESS,
                Map.of(SignalSeries.SOFR, InputOrigin.live("FRED")));

        assertThat(data.latest(SignalSeries.SOFR).isKnown()).isFalse();
    }

    @Test
    void listsTheInputsItCouldNotUseAndTheFetchesThatFailed() {
        PointInTimeData data = new PointInTimeData(AS_OF, List.of(Observation.sameDay(SignalSeries.VIX, AS_OF, 15.0)),
                Map.of(SignalSeries.SOFR, "FRED SOFR: unreachable at 127.0.0.1:9", SignalSeries.VIX, "HTTP 500"),
                STALENESS);
        data.latest(SignalSeries.SOFR);
        data.latest(SignalSeries.VIX);
        data.latest(SignalSeries.VIX3M);

        assertThat(data.missingInputs()).extracting(MissingInput::series)
                .containsExactly(SignalSeries.SOFR, SignalSeries.VIX, SignalSeries.VIX3M);
        assertThat(data.missingInputs().get(0).problem()).isEqualTo("FRED SOFR: unreachable at 127.0.0.1:9");
        assertThat(data.missingInputs().get(1).problem()).isEqualTo("HTTP 500 (earlier values still fresh enough "
                + "were used)");
        assertThat(data.missingInputs().get(2).problem()).contains("no observation of ibkr:VIX3M");
    }
}
