package io.tailguard.pricing.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HedgeStructureTest {

    @Test
    void rejectsShortCallsNotCoveredByShares() {
        assertThatThrownBy(() -> HedgeStructure.of(499, OptionLeg.shortUproCall(95, 5, 1.0, 0.65)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not covered");
        assertThat(HedgeStructure.of(500, OptionLeg.shortUproCall(95, 5, 1.0, 0.65)).legs()).hasSize(1);
    }

    @Test
    void openingCashFlowIsPremiumReceivedLessPremiumPaidLessCommissions() {
        HedgeStructure collar = HedgeStructure.of(1_000,
                OptionLeg.longXspPut(570, 3, 2.00, 0.65),
                OptionLeg.shortUproCall(96, 10, 0.50, 0.65));
        assertThat(collar.openingCashFlow()).isCloseTo(-600.0 - 1.95 + 500.0 - 6.50, within(1e-9));
    }

    @Test
    void legsAreValidated() {
        assertThatThrownBy(() -> OptionLeg.longXspPut(-1, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionLeg.longXspPut(570, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionLeg.longXspPut(570, 1, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unhedgedKeepsTheSharesAndDropsTheLegs() {
        HedgeStructure structure = HedgeStructure.of(700, OptionLeg.longXspPut(570, 3, 2.00, 0.65));
        assertThat(structure.unhedged()).isEqualTo(HedgeStructure.of(700));
    }
}
