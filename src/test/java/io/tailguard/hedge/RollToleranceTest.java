package io.tailguard.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RollToleranceTest {
    /** 4,000 UPRO at 78.10. */
    private static final double POSITION = 312_380.0;

    @Test
    void isTheFractionOfThePositionScaledByTheRegime() {
        assertThat(new RollTolerance(0.027, POSITION, 1.0).usd()).isEqualTo(0.027 * POSITION);
        assertThat(new RollTolerance(0.027, POSITION, 1.5).usd()).isEqualTo(0.027 * POSITION * 1.5);
    }

    @ParameterizedTest(name = "{0} USD at regime scale {1}")
    @CsvSource({"9737, 1.0", "6250, 1.0", "6249.999, 1.0", "8434.26, 1.0", "9737, 1.5", "31.24, 1.0", "3124.8, 1.0"})
    void coversALossWithTheSmallestWholeBasisPoint(double lossUsd, double scale) {
        RollTolerance covering = new RollTolerance(0.027, POSITION, scale).covering(lossUsd);
        long bp = Math.round(covering.fractionOfPosition() * 10_000);

        assertThat(covering.fractionOfPosition()).isEqualTo(bp / 10_000.0);
        assertThat(covering.usd()).isGreaterThanOrEqualTo(lossUsd);
        if (bp > 1) {
            assertThat(new RollTolerance((bp - 1) / 10_000.0, POSITION, scale).usd()).isLessThan(lossUsd);
        }
        assertThat(covering.positionUsd()).isEqualTo(POSITION);
        assertThat(covering.regimeScale()).isEqualTo(scale);
    }

    @Test
    void aLossAtExactlyABasisPointNeedsNoMore() {
        // 2.70% of the position is exactly what the strategy file's 0.027 gives
        RollTolerance t = new RollTolerance(0.027, POSITION, 1.0);

        assertThat(t.covering(t.usd()).fractionOfPosition()).isEqualTo(0.027);
    }

    @Test
    void refusesALossBeyondTheWholePosition() {
        assertThatThrownBy(() -> new RollTolerance(0.027, POSITION, 1.0).covering(POSITION * 1.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole position");
    }
}
