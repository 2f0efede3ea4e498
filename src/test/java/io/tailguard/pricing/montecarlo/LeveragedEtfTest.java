package io.tailguard.pricing.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeveragedEtfTest {

    @Test
    void dailyFactorIsLeverageTimesIndexReturnLessDailyDrag() {
        LeveragedEtf upro = LeveragedEtf.upro(0.0252);
        assertThat(upro.dailyFactor(0.01)).isEqualTo(1.0 + 0.03 - 0.0001);
    }

    @Test
    void cannotFallBelowZero() {
        assertThat(LeveragedEtf.upro(0.0).dailyFactor(-0.4)).isZero();
    }
}
