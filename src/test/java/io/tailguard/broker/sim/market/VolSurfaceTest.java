package io.tailguard.broker.sim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VolSurfaceTest {

    private final MarketModelConfig config = MarketModelConfig.defaults();
    private final VolSurface surface = new VolSurface(config);

    @Test
    void invertsTheTermStructureAfterAShockAndSlopesUpInCalm() {
        double shocked = 0.40 * 0.40;
        assertThat(surface.atmVol(shocked, 9 / 365.0)).isGreaterThan(surface.atmVol(shocked, 30 / 365.0))
                .isGreaterThan(0.16);
        assertThat(surface.atmVol(shocked, 30 / 365.0)).isGreaterThan(surface.atmVol(shocked, 93 / 365.0));
        double calm = 0.10 * 0.10;
        assertThat(surface.atmVol(calm, 9 / 365.0)).isLessThan(surface.atmVol(calm, 93 / 365.0));
        assertThat(surface.atmVol(calm, 1e-6)).isCloseTo(0.10, within(1e-4));
        double longRun = config.baseVol() * config.baseVol();
        assertThat(surface.atmVol(longRun, 0.5)).isCloseTo(config.baseVol(), within(1e-12));
    }

    @Test
    void skewIsAtmAtTheForwardRisesForLowStrikesAndFlattensHigh() {
        double atm = 0.16;
        double t = 7 / 365.0;
        assertThat(VolSurface.vol(atm, t, 590, 590)).isEqualTo(atm);
        double previous = Double.MAX_VALUE;
        for (int k = 450; k <= 700; k++) {
            double v = VolSurface.vol(atm, t, 590, k);
            assertThat(v).as("strike " + k).isLessThanOrEqualTo(previous).isPositive();
            previous = v;
        }
        assertThat(VolSurface.vol(atm, t, 590, 560)).isGreaterThan(VolSurface.vol(atm, t, 590, 580));
        assertThat(VolSurface.vol(atm, t, 590, 700)).isEqualTo(VolSurface.vol(atm, t, 590, 650));
    }
}
