package io.tailguard.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IvRegimeRulesTest {
    private final IvRegimeRules rules = new IvRegimeRules(HedgeFixtures.config(1000).regimes());

    @ParameterizedTest
    @CsvSource({"0.10, CHEAP", "0.1349, CHEAP", "0.135, MODEST", "0.1351, MODEST", "0.1699, MODEST", "0.17, RICH",
            "0.1701, RICH", "0.25, RICH", "0.40, RICH"})
    void classifiesByTheConfiguredThresholds(double iv, IvRegime expected) {
        assertThat(rules.classify(iv, List.of())).isEqualTo(expected);
    }

    @Test
    void aFallFromAroundThirtyPercentMeansHedgeLess() {
        assertThat(rules.classify(0.26, List.of(0.24, 0.31, 0.29, 0.27))).isEqualTo(IvRegime.FALLING_FROM_HIGH);
        assertThat(rules.classify(0.27, List.of(0.30))).isEqualTo(IvRegime.FALLING_FROM_HIGH);
    }

    @Test
    void aPeakBelowThirtyOrASmallDropIsNotFalling() {
        assertThat(rules.classify(0.25, List.of(0.29, 0.28))).isEqualTo(IvRegime.RICH);
        assertThat(rules.classify(0.29, List.of(0.31))).isEqualTo(IvRegime.RICH);
    }

    @Test
    void aPeakOutsideTheLookbackIsForgotten() {
        List<Double> history = new java.util.ArrayList<>(List.of(0.35));
        for (int i = 0; i < 10; i++) {
            history.add(0.20);
        }
        assertThat(rules.classify(0.19, history)).isEqualTo(IvRegime.RICH);
    }

    @Test
    void eachRegimeAllowsWhatTheConfigurationSays() {
        assertThat(rules.allowance(IvRegime.CHEAP).shortCalls()).isFalse();
        assertThat(rules.allowance(IvRegime.MODEST).shortCalls()).isFalse();
        assertThat(rules.allowance(IvRegime.RICH).shortCalls()).isTrue();
        assertThat(rules.allowance(IvRegime.FALLING_FROM_HIGH).hedgeRatioScale()).isLessThan(1);
        assertThat(rules.allowance(IvRegime.FALLING_FROM_HIGH).toleranceScale()).isGreaterThan(1);
    }
}
