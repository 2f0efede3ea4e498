package io.tailguard.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.testing.SignalFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolatilityRegimeRuleTest {
    private final VolatilityRegimeRule rule = SignalFixtures.REGIME_RULE;

    @ParameterizedTest
    @CsvSource({"0.10, CHEAP", "0.1349, CHEAP", "0.13499999, CHEAP", "0.135, MODEST", "0.1351, MODEST",
            "0.1699, MODEST", "0.17, RICH", "0.1701, RICH", "0.25, RICH", "0.40, RICH"})
    void eachThresholdBelongsToTheRegimeAboveIt(double iv, VolatilityRegime expected) {
        assertThat(rule.classify(iv, List.of())).isEqualTo(expected);
    }

    @Test
    void aFallOfThreePointsFromAPeakOfThirtyIsFallingFromHigh() {
        assertThat(rule.classify(0.27, List.of(0.30))).isEqualTo(VolatilityRegime.FALLING_FROM_HIGH);
        assertThat(rule.classify(0.26, List.of(0.24, 0.31, 0.29, 0.27))).isEqualTo(VolatilityRegime.FALLING_FROM_HIGH);
    }

    @Test
    void aPeakJustBelowThirtyOrADropJustShortOfThreePointsIsTheLevel() {
        assertThat(rule.classify(0.25, List.of(0.2999))).isEqualTo(VolatilityRegime.RICH);
        assertThat(rule.classify(0.2701, List.of(0.30))).isEqualTo(VolatilityRegime.RICH);
        assertThat(rule.classify(0.29, List.of(0.31))).isEqualTo(VolatilityRegime.RICH);
    }

    @Test
    void theFallTakesPrecedenceOverTheLevel() {
        // down from a 40% spike to 16%: the level says MODEST, the rule says the spike is fading
        assertThat(rule.classify(0.16, List.of(0.40, 0.30, 0.22))).isEqualTo(VolatilityRegime.FALLING_FROM_HIGH);
        assertThat(rule.classify(0.12, List.of(0.31))).isEqualTo(VolatilityRegime.FALLING_FROM_HIGH);
    }

    @Test
    void aPeakOutsideTheLookbackIsForgotten() {
        List<Double> history = new ArrayList<>(List.of(0.35));
        for (int i = 0; i < 10; i++) {
            history.add(0.20);
        }
        assertThat(rule.classify(0.19, history)).isEqualTo(VolatilityRegime.RICH);
        assertThat(rule.peak(history)).isEqualTo(0.20);

        history.remove(1); // the peak is now the tenth session before today
        assertThat(rule.classify(0.19, history)).isEqualTo(VolatilityRegime.FALLING_FROM_HIGH);
    }

    @Test
    void withoutHistoryThereIsNoFallAndNoPeak() {
        assertThat(rule.classify(0.18, List.of())).isEqualTo(VolatilityRegime.RICH);
        assertThat(rule.peak(List.of())).isNaN();
    }

    @Test
    void refusesAnImpliedVolatilityThatIsNotAPositiveNumber() {
        assertThatThrownBy(() -> rule.classify(0.0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rule.classify(Double.NaN, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesThresholdsOutOfOrderNamingTheSection() {
        assertThatThrownBy(() -> new VolatilityRegimeRule(0.20, 0.17, 0.30, 0.03, 10))
                .hasMessageContaining("volatility.regime").hasMessageContaining("modestFrom < richFrom");
        assertThatThrownBy(() -> new VolatilityRegimeRule(0.135, 0.17, 0.16, 0.03, 10))
                .hasMessageContaining("richFrom < fallingPeakAtLeast");
        assertThatThrownBy(() -> new VolatilityRegimeRule(0.135, 0.17, 0.30, 0.0, 10))
                .hasMessageContaining("volatility.regime.fallingMinDrop");
        assertThatThrownBy(() -> new VolatilityRegimeRule(0.135, 0.17, 0.30, 0.03, 0))
                .hasMessageContaining("volatility.regime.fallingLookbackDays");
    }

    @Test
    void snapshotsStoredWithTheOldNamesReadBackAsTheSameRegimes() {
        assertThat(VolatilityRegime.parse("LOW")).isEqualTo(VolatilityRegime.CHEAP);
        assertThat(VolatilityRegime.parse("MID")).isEqualTo(VolatilityRegime.MODEST);
        assertThat(VolatilityRegime.parse("HIGH")).isEqualTo(VolatilityRegime.RICH);
        assertThat(VolatilityRegime.parse("FALLING_FROM_HIGH")).isEqualTo(VolatilityRegime.FALLING_FROM_HIGH);
        assertThat(VolatilityRegime.parse("MODEST")).isEqualTo(VolatilityRegime.MODEST);
        assertThatThrownBy(() -> VolatilityRegime.parse("EXTREME")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hedgeIntensitiesStoredWithTheOldStructureNamesReadBackAsTheirIntensity() {
        assertThat(HedgeIntensity.parse("MAX_PUTS")).isEqualTo(HedgeIntensity.FULL);
        assertThat(HedgeIntensity.parse("LIGHT_PUTS_WITH_CALLS")).isEqualTo(HedgeIntensity.REDUCED);
        assertThat(List.of("FULL_PUTS", "STANDARD_PUTS", "CALL_FINANCED_PUTS")).allSatisfy(
                n -> assertThat(HedgeIntensity.parse(n)).isEqualTo(HedgeIntensity.STANDARD));
        assertThat(HedgeIntensity.parse("NONE")).isEqualTo(HedgeIntensity.NONE);
    }
}
