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
}
