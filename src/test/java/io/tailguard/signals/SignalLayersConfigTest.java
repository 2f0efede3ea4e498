package io.tailguard.signals;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignalLayersConfigTest {

    @Test
    void namesTheFieldOfANegativeThreshold() {
        assertThatThrownBy(() -> new SignalLayersConfig.PowellPause(-1, 300))
                .hasMessageContaining("powellPause.sofrOisSpreadAboveBp");
    }

    @Test
    void rejectsAVolatilitySectionWithoutItsRegime() {
        assertThatThrownBy(() -> new SignalLayersConfig.Volatility(30, 1.0, 0.95, 5, 0.005, null))
                .hasMessageContaining("volatility.regime");
    }

    @Test
    void rejectsAnUnparseableYieldSeries() {
        assertThatThrownBy(() -> new SignalLayersConfig.RateSensitivity("DGS10", 1, 60, 4.5, 20, 1.8, 0.75, List.of()))
                .hasMessageContaining("rateSensitivity.yieldSeries");
    }

    @Test
    void rejectsAnExposureMultiplierAboveOne() {
        assertThatThrownBy(() -> new SignalLayersConfig.RateSensitivity("fred:DGS10", 1, 60, 4.5, 20, 1.8, 1.5, List.of()))
                .hasMessageContaining("rateSensitivity.exposureMultiplier");
    }

    @Test
    void rejectsAMissingSection() {
        assertThatThrownBy(() -> new SignalLayersConfig("UPRO", null, null, null, null, null, null, null, null, null, null))
                .hasMessageContaining("staleness");
    }
}
