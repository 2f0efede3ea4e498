package io.tailguard.signals;

import static io.tailguard.testing.SignalFixtures.flat;
import static io.tailguard.testing.SignalFixtures.ramp;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.MarketFixture;
import io.tailguard.testing.SignalFixtures;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SignalEngineTest {
    private static final SignalLayersConfig CONFIG = SignalFixtures.defaults();
    private static final Instant TAKEN_AT = Instant.parse("2026-11-20T21:30:00Z");
    private static final HysteresisMemory HOLDING = new HysteresisMemory(HoldState.HOLD, 0, LocalDate.of(2026, 11, 19));
    private final SignalEngine engine = new SignalEngine(CONFIG);

    @Test
    void composesACalmSnapshotWithEveryLayerKnown() {
        SignalSnapshot snapshot = engine.evaluate(new MarketFixture().data(CONFIG), HOLDING, TAKEN_AT);

        assertThat(snapshot.layers()).extracting(LayerReading::layer).containsExactly(LayerName.values());
        assertThat(snapshot.layers()).allSatisfy(l -> assertThat(l.detail().isKnown())
                .as(l.layer() + ": " + l.detail().reasonOrEmpty()).isTrue());
        assertThat(snapshot.regime().value()).isEqualTo(MarketRegime.CALM);
        assertThat(snapshot.volatilityRegime().value()).isEqualTo(VolatilityRegime.CHEAP);
        assertThat(snapshot.holdOut().value()).isEqualTo(HoldState.HOLD);
        assertThat(snapshot.exposureMultiplier().value()).isEqualTo(1.0);
        assertThat(snapshot.hedgeIntensity().value()).isEqualTo(HedgeIntensity.STANDARD);
        assertThat(snapshot.memory()).isEqualTo(new HysteresisMemory(HoldState.HOLD, 0, snapshot.asOf()));
    }

    @Test
    void listsEveryInputWithItsSourceAndDates() {
        SignalSnapshot snapshot = engine.evaluate(new MarketFixture().data(CONFIG), HOLDING, TAKEN_AT);

        assertThat(snapshot.inputs()).extracting(SnapshotInput::series).contains(SignalSeries.VIX, SignalSeries.SOFR,
                SignalSeries.REAL_GDP, SignalSeries.TECH_FORWARD_PE, SignalSeries.bar("UPRO"),
                SignalSeries.fundamental("MSFT", SignalSeries.Fundamental.REVENUE));
        assertThat(snapshot.inputs()).allSatisfy(i -> assertThat(i.availableOn()).isBeforeOrEqualTo(snapshot.asOf()));
    }

    @Test
    void neverUsesAnObservationAvailableAfterTheSnapshotDate() {
        MarketFixture market = new MarketFixture();
        LocalDate tomorrow = market.asOf.plusDays(1);
        market.extra.add(Observation.sameDay(SignalSeries.VIX, tomorrow, 60));
        market.extra.add(Observation.sameDay(SignalSeries.VIX3M, tomorrow, 40));
        market.extra.add(new Observation(SignalSeries.SOFR, market.asOf, tomorrow, 9.0));
        market.extra.add(new Observation(SignalSeries.fundamental("HYPE", SignalSeries.Fundamental.REVENUE),
                LocalDate.of(2026, 9, 30), tomorrow, 1.0));

        SignalSnapshot withFuture = engine.evaluate(market.data(CONFIG), HOLDING, TAKEN_AT);
        SignalSnapshot without = engine.evaluate(new MarketFixture().data(CONFIG), HOLDING, TAKEN_AT);

        assertThat(withFuture).isEqualTo(without);
    }

    @Test
    void goesOutWithZeroExposureAndNoHedgeInAVixSpike() {
        MarketFixture market = new MarketFixture();
        market.vix = ramp(6, 22, 35);
        market.vix3m = 30;

        SignalSnapshot snapshot = engine.evaluate(market.data(CONFIG), HOLDING, TAKEN_AT);

        assertThat(snapshot.regime().value()).isEqualTo(MarketRegime.STRESS);
        assertThat(snapshot.holdOut().value()).isEqualTo(HoldState.OUT);
        assertThat(snapshot.exposureMultiplier().value()).isEqualTo(0.0);
        assertThat(snapshot.hedgeIntensity().value()).isEqualTo(HedgeIntensity.NONE);
    }

    @Test
    void reducesLeveragedExposureUnderRatePressure() {
        MarketFixture market = new MarketFixture();
        market.yieldLevel = 4.9;
        market.yieldDrift = 0.01;
        market.xspIv = flat(21, 0.18);

        SignalSnapshot snapshot = engine.evaluate(market.data(CONFIG), HOLDING, TAKEN_AT);

        assertThat(snapshot.exposureMultiplier().value()).isEqualTo(0.75);
        assertThat(snapshot.volatilityRegime().value()).isEqualTo(VolatilityRegime.RICH);
        assertThat(snapshot.hedgeIntensity().value()).isEqualTo(HedgeIntensity.STANDARD);
    }

    @Test
    void asksForTheFullHedgeWhileHoldingThroughAnInvertedTermStructure() {
        MarketFixture market = new MarketFixture();
        market.vix = flat(6, 20.0);
        market.vix3m = 19.0; // VIX above VIX3M; SPX above its 200-day average, so the risk layer still holds

        SignalSnapshot snapshot = engine.evaluate(market.data(CONFIG), HOLDING, TAKEN_AT);

        assertThat(snapshot.regime().value()).isEqualTo(MarketRegime.STRESS);
        assertThat(snapshot.holdOut().value()).isEqualTo(HoldState.HOLD);
        assertThat(snapshot.hedgeIntensity().value()).isEqualTo(HedgeIntensity.FULL);
    }

    @Test
    void asksForALighterHedgeWhenImpliedVolatilityFallsFromAHighPeakWithoutStress() {
        MarketFixture market = new MarketFixture();
        market.xspIv = ramp(21, 0.33, 0.26);
        market.xspIv[15] = 0.31; // a peak of 31% five sessions ago, 26% today: 5 points down; VIX calm, in contango

        SignalSnapshot snapshot = engine.evaluate(market.data(CONFIG), HOLDING, TAKEN_AT);

        assertThat(snapshot.volatilityRegime().value()).isEqualTo(VolatilityRegime.FALLING_FROM_HIGH);
        assertThat(snapshot.regime().value()).isEqualTo(MarketRegime.RECOVERING);
        assertThat(snapshot.hedgeIntensity().value()).isEqualTo(HedgeIntensity.REDUCED);
    }

    @Test
    void carriesTheMemoryOverAndReportsUnknownWhenVolatilityInputsAreMissing() {
        MarketFixture market = new MarketFixture();
        market.omitted.add(SignalSeries.XSP_IV);
        HysteresisMemory out = new HysteresisMemory(HoldState.OUT, 3, LocalDate.of(2026, 11, 19));

        SignalSnapshot snapshot = engine.evaluate(market.data(CONFIG), out, TAKEN_AT);

        assertThat(snapshot.holdOut().reasonOrEmpty()).contains("ibkr:XSP_IV");
        assertThat(snapshot.exposureMultiplier().isKnown()).isFalse();
        assertThat(snapshot.hedgeIntensity().isKnown()).isFalse();
        assertThat(snapshot.memory()).isEqualTo(out);
        assertThat(snapshot.layer(LayerName.POWELL_PAUSE).detail().isKnown()).isTrue();
    }

    @Test
    void turnsLayerFlagsIntoCandidateTrades() {
        MarketFixture market = new MarketFixture();
        market.delayedCut = 0.8;

        SignalSnapshot snapshot = engine.evaluate(market.data(CONFIG), HOLDING, TAKEN_AT);

        assertThat(snapshot.candidates()).extracting(CandidateTrade::origin)
                .containsExactly(LayerName.STEEPENER_SETUP, LayerName.CONTRARIAN_FLAGS);
        assertThat(snapshot.candidates().get(1).legs()).extracting(Object::toString).containsExactly("SHORT STOCK HYPE");
    }
}
