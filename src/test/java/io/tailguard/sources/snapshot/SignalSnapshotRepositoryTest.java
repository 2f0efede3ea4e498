package io.tailguard.sources.snapshot;

import static io.tailguard.testing.SignalFixtures.ramp;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.signals.HedgeIntensity;
import io.tailguard.signals.HoldState;
import io.tailguard.signals.HysteresisMemory;
import io.tailguard.signals.SignalEngine;
import io.tailguard.signals.SignalSeries;
import io.tailguard.signals.SignalSnapshot;
import io.tailguard.signals.VolatilityRegime;
import io.tailguard.testing.MarketFixture;
import io.tailguard.testing.SignalFixtures;
import io.tailguard.testing.SignalsTestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class SignalSnapshotRepositoryTest {
    private static final Instant TAKEN_AT = Instant.parse("2026-11-20T21:30:00Z");
    private final DataSource database = SignalsTestDatabase.migrated();
    private final SignalSnapshotRepository repository = new SignalSnapshotRepository(database);
    private final SignalEngine engine = new SignalEngine(SignalFixtures.defaults());

    private SignalSnapshot snapshot(MarketFixture market, HysteresisMemory memory, Instant takenAt) {
        return engine.evaluate(market.data(SignalFixtures.defaults()), memory, takenAt);
    }

    @Test
    void readsBackExactlyTheSnapshotItStored() {
        MarketFixture market = new MarketFixture();
        market.delayedCut = 0.8;
        SignalSnapshot saved = snapshot(market, HysteresisMemory.initial(), TAKEN_AT);

        long id = repository.save(saved);

        assertThat(repository.load(id)).isEqualTo(saved);
        assertThat(saved.candidates()).isNotEmpty();
    }

    @Test
    void storesUnknownLayersAndDecisionsWithTheirReasons() {
        MarketFixture market = new MarketFixture();
        market.omitted.add(SignalSeries.VIX3M);
        HysteresisMemory out = new HysteresisMemory(HoldState.OUT, 2, LocalDate.of(2026, 11, 19));
        SignalSnapshot saved = snapshot(market, out, TAKEN_AT);

        SignalSnapshot loaded = repository.load(repository.save(saved));

        assertThat(loaded).isEqualTo(saved);
        assertThat(loaded.holdOut().reasonOrEmpty()).contains("ibkr:VIX3M");
        assertThat(loaded.memory()).isEqualTo(out);
    }

    @Test
    void aSnapshotStoredWithTheOldRegimeAndIntensityNamesReadsBackInTheUnifiedOnes() throws Exception {
        MarketFixture market = new MarketFixture();
        market.xspIv = SignalFixtures.flat(21, 0.18);
        long id = repository.save(snapshot(market, HysteresisMemory.initial(), TAKEN_AT));
        try (Connection c = database.getConnection(); Statement st = c.createStatement()) {
            // what a snapshot of a RICH (17%+) week looked like before the two regime enums became one
            st.executeUpdate("UPDATE signal_snapshot SET volatility_regime = 'HIGH', hedge_intensity = "
                    + "'CALL_FINANCED_PUTS' WHERE id = " + id);
        }

        SignalSnapshot loaded = repository.load(id);

        assertThat(loaded.volatilityRegime().value()).isEqualTo(VolatilityRegime.RICH);
        assertThat(loaded.hedgeIntensity().value()).isEqualTo(HedgeIntensity.STANDARD);
    }

    @Test
    void findsTheLatestSnapshotOfAnEarlierSession() {
        MarketFixture thursday = new MarketFixture();
        thursday.asOf = LocalDate.of(2026, 11, 19);
        thursday.vix = ramp(6, 22, 35);
        thursday.vix3m = 30;
        SignalSnapshot first = snapshot(thursday, HysteresisMemory.initial(), TAKEN_AT.minusSeconds(86_400));
        repository.save(first);
        repository.save(snapshot(new MarketFixture(), first.memory(), TAKEN_AT));

        assertThat(repository.latestBefore(LocalDate.of(2026, 11, 20))).contains(first);
        assertThat(repository.latestBefore(LocalDate.of(2026, 11, 19))).isEmpty();
        assertThat(repository.history()).hasSize(2).first().isEqualTo(first);
    }
}
