package io.tailguard.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.domain.Contract;
import io.tailguard.testing.FakeSimMarket;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SimAccountTest {
    private final FakeSimMarket market = new FakeSimMarket();
    private final Contract upro = market.contract(FakeSimMarket.UPRO).orElseThrow().contract();

    @Test
    void valuesHoldingsAtTheMidpoint() {
        SimAccount account = new SimAccount("DU1", new BigDecimal("1000"));
        account.setPosition(upro, new BigDecimal("10"), 80);
        SimAccount.Summary s = account.summary(market);
        assertThat(s.netLiquidation()).isEqualByComparingTo("1900"); // 1000 + 10 x 90
        assertThat(s.grossPositionValue()).isEqualByComparingTo("900");
        assertThat(s.excessLiquidity()).isEqualByComparingTo("1675"); // 1900 - 25% of 900
    }

    @Test
    void aFillMovesCashAndAveragesTheCost() {
        SimAccount account = new SimAccount("DU1", new BigDecimal("10000"));
        account.setPosition(upro, new BigDecimal("10"), 80);
        account.applyFill(upro, new BigDecimal("10"), 90, BigDecimal.ONE);
        assertThat(account.cash()).isEqualByComparingTo("9099");
        assertThat(account.positions()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualByComparingTo("20");
            assertThat(p.averageCost()).isEqualTo(85.0);
        });
        account.applyFill(upro, new BigDecimal("-20"), 95, BigDecimal.ONE);
        assertThat(account.positions()).isEmpty();
    }
}
