package io.tailguard.sources.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.signals.Observation;
import io.tailguard.signals.SignalSeries;
import io.tailguard.testing.SignalsTestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationCacheTest {
    private static final Instant NOW = Instant.parse("2026-11-20T21:30:00Z");
    private static final LocalDate Q3 = LocalDate.of(2026, 7, 1);
    private final ObservationCache cache = new ObservationCache(SignalsTestDatabase.migrated());

    @Test
    void keepsRevisionsOfOnePeriodSideBySide() {
        Observation first = new Observation(SignalSeries.REAL_GDP, Q3, LocalDate.of(2026, 10, 29), 24100);
        Observation revised = new Observation(SignalSeries.REAL_GDP, Q3, LocalDate.of(2026, 11, 20), 24133);

        cache.store(List.of(first), NOW);
        cache.store(List.of(revised), NOW);

        assertThat(cache.observedSince(Q3)).containsExactly(first, revised);
    }

    @Test
    void storingTheSameObservationTwiceKeepsOneRow() {
        Observation vix = Observation.sameDay(SignalSeries.VIX, LocalDate.of(2026, 11, 20), 15.2);

        cache.store(List.of(vix), NOW);
        cache.store(List.of(vix), NOW.plusSeconds(60));

        assertThat(cache.observedSince(LocalDate.of(2026, 1, 1))).containsExactly(vix);
    }

    @Test
    void returnsOnlyObservationsFromTheGivenDateOn() {
        cache.store(List.of(Observation.sameDay(SignalSeries.VIX, LocalDate.of(2026, 11, 19), 15),
                Observation.sameDay(SignalSeries.VIX, LocalDate.of(2026, 11, 20), 16)), NOW);

        assertThat(cache.observedSince(LocalDate.of(2026, 11, 20))).extracting(Observation::value).containsExactly(16.0);
    }

    @Test
    void remembersTheLastFetchProblemUntilAFetchSucceeds() {
        cache.recordFetch(SignalSeries.SOFR, NOW, "FRED SOFR: HTTP 500");
        assertThat(cache.failedFetches()).containsEntry(SignalSeries.SOFR, "FRED SOFR: HTTP 500");

        cache.recordFetch(SignalSeries.SOFR, NOW.plusSeconds(60), null);
        assertThat(cache.failedFetches()).isEmpty();
    }
}
