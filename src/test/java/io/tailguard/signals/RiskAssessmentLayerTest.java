package io.tailguard.signals;

import static io.tailguard.testing.SignalFixtures.flat;
import static io.tailguard.testing.SignalFixtures.ramp;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.MarketFixture;
import io.tailguard.testing.SignalFixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RiskAssessmentLayerTest {
    private static final SignalLayersConfig CONFIG = SignalFixtures.defaults();
    private static final LocalDate YESTERDAY = LocalDate.of(2026, 11, 19);
    private static final HysteresisMemory HOLDING = new HysteresisMemory(HoldState.HOLD, 0, YESTERDAY);

    private static RiskAssessmentLayer.Result assess(MarketFixture market, HysteresisMemory previous) {
        PointInTimeData data = market.data(CONFIG);
        return RiskAssessmentLayer.evaluate(data, VolatilityLayer.evaluate(data, CONFIG.volatility()), previous, CONFIG)
                .value();
    }

    private static MarketFixture spikingVix() {
        MarketFixture market = new MarketFixture();
        market.vix = ramp(6, 25, 32);
        market.vix3m = 33;
        return market;
    }

    private static MarketFixture invertedBelowTrend() {
        MarketFixture market = new MarketFixture();
        market.vix = flat(6, 24);
        market.vix3m = 22;
        market.spx = ramp(200, 6000, 5500);
        return market;
    }

    private static MarketFixture calmDay() {
        return new MarketFixture();
    }

    private static HysteresisMemory out(int calmDays) {
        return new HysteresisMemory(HoldState.OUT, calmDays, YESTERDAY);
    }

    @Test
    void goesOutWhenVixIsAboveThirtyAndRising() {
        RiskAssessmentLayer.Result result = assess(spikingVix(), HOLDING);

        assertThat(result.stressed()).isTrue();
        assertThat(result.state()).isEqualTo(HoldState.OUT);
    }

    @Test
    void staysInWhenVixIsAboveThirtyButFalling() {
        MarketFixture market = new MarketFixture();
        market.vix = ramp(6, 40, 32);
        market.vix3m = 33;

        assertThat(assess(market, HOLDING).state()).isEqualTo(HoldState.HOLD);
    }

    @Test
    void goesOutWhenTheTermStructureIsInvertedAndSpxIsBelowTrend() {
        assertThat(assess(invertedBelowTrend(), HOLDING).state()).isEqualTo(HoldState.OUT);
    }

    @Test
    void staysInWhenTheTermStructureIsInvertedButSpxIsAboveTrend() {
        MarketFixture market = invertedBelowTrend();
        market.spx = ramp(200, 5000, 6000);

        assertThat(assess(market, HOLDING).state()).isEqualTo(HoldState.HOLD);
    }

    @Test
    void countsCalmDaysWhileOutAndComesBackOnTheConfiguredDay() {
        RiskAssessmentLayer.Result fourth = assess(calmDay(), out(3));
        assertThat(fourth.state()).isEqualTo(HoldState.OUT);
        assertThat(fourth.calmDays()).isEqualTo(4);

        RiskAssessmentLayer.Result fifth = assess(calmDay(), out(4));
        assertThat(fifth.state()).isEqualTo(HoldState.HOLD);
        assertThat(fifth.calmDays()).isZero();
    }

    @Test
    void doesNotFlapBackInOnADayBetweenTheCalmAndStressLevels() {
        MarketFixture market = new MarketFixture();
        market.vix = flat(6, 27);
        market.vix3m = 30;

        RiskAssessmentLayer.Result result = assess(market, out(4));

        assertThat(result.stressed()).isFalse();
        assertThat(result.calm()).isFalse();
        assertThat(result.state()).isEqualTo(HoldState.OUT);
        assertThat(result.calmDays()).isZero();
    }

    @Test
    void resetsTheCalmCountOnAStressedDay() {
        RiskAssessmentLayer.Result result = assess(spikingVix(), out(4));

        assertThat(result.state()).isEqualTo(HoldState.OUT);
        assertThat(result.calmDays()).isZero();
    }

    @Test
    void treatsVixOfExactlyTheCalmLevelAsNotCalm() {
        MarketFixture market = new MarketFixture();
        market.vix = flat(6, 25);
        market.vix3m = 28;

        assertThat(assess(market, out(0)).calm()).isFalse();
        market.vix = flat(6, 24.99);
        assertThat(assess(market, out(0)).calm()).isTrue();
    }

    @Test
    void startsFromHoldWithoutAnEarlierSnapshot() {
        RiskAssessmentLayer.Result result = assess(calmDay(), HysteresisMemory.initial());

        assertThat(result.state()).isEqualTo(HoldState.HOLD);
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("no earlier snapshot"));
    }

    @Test
    void isUnknownWithTooLittleSpxHistoryForTheTrend() {
        MarketFixture market = new MarketFixture();
        market.spx = ramp(150, 5000, 6000);
        PointInTimeData data = market.data(CONFIG);

        assertThat(RiskAssessmentLayer.evaluate(data, VolatilityLayer.evaluate(data, CONFIG.volatility()), HOLDING, CONFIG)
                .reasonOrEmpty()).contains("ibkr:SPX", "need 200");
    }
}
