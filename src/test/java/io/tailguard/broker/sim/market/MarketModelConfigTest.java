package io.tailguard.broker.sim.market;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MarketModelConfigTest {

    @Test
    void namesTheFieldThatIsOutOfRange() {
        MarketModelConfig d = MarketModelConfig.defaults();
        assertThatThrownBy(() -> d.withStart(d.start(), -1, 80)).hasMessageContaining("spxStartLevel");
        assertThatThrownBy(() -> d.withClock(ClockMode.ACCELERATED, 0.5)).hasMessageContaining("accelerationFactor");
        assertThatThrownBy(() -> new MarketModelConfig(1, d.start(), 5900, 80, 0.16, 0.5, 3, -1.5, 3, -0.03, 0.015,
                0.095, 0.013, 4.3, 300, Duration.ofMinutes(5), ClockMode.MANUAL, 1))
                .hasMessageContaining("spotVolCorrelation");
        assertThatThrownBy(() -> new MarketModelConfig(1, d.start(), 5900, 80, 0.16, 0.5, 3, -0.7, 3, -0.03, 0.015,
                0.095, 0.013, 4.3, 300, Duration.ofMillis(1), ClockMode.MANUAL, 1))
                .hasMessageContaining("step");
    }
}
