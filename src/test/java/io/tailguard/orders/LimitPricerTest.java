package io.tailguard.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.domain.OptionGreeks;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.Quote;
import io.tailguard.testing.FakeOrderRoute;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.LegIntent;

class LimitPricerTest {
    private static final LimitPricer PRICER = LimitPricer.DEFAULT;

    private static Quote quote(double bid, double ask) {
        return new Quote(bid, ask, Double.NaN, 1, 1, 0, OptionGreeks.NONE, false, Instant.EPOCH);
    }

    private static ProposalLeg buy(String limit, String worst) {
        return OrdersFixture.leg("L1", OrdersFixture.PUT_580, OrderSide.BUY, 1, limit, worst, LegIntent.BUY_PROTECTION)
                .build("P1");
    }

    private static ProposalLeg sell(String limit, String worst) {
        return OrdersFixture.leg("L1", OrdersFixture.CALL_UPRO, OrderSide.SELL, 1, limit, worst,
                LegIntent.OPEN_SHORT_CALL).build("P1");
    }

    @Test
    void theMidpointIsRoundedOntoTheTickAwayFromTheNaturalSide() {
        assertThat(PRICER.initialLimit(buy("1.00", "2.00"), quote(1.10, 1.23), FakeOrderRoute.PENNY_NICKEL))
                .isEqualByComparingTo("1.16");
        // above $3 the tick is a nickel: a penny price would be rejected with error 110
        assertThat(PRICER.initialLimit(buy("3.00", "4.00"), quote(3.10, 3.26), FakeOrderRoute.PENNY_NICKEL))
                .isEqualByComparingTo("3.15");
        assertThat(PRICER.initialLimit(sell("3.30", "3.00"), quote(3.10, 3.26), FakeOrderRoute.PENNY_NICKEL))
                .isEqualByComparingTo("3.2");
    }

    @Test
    void theFirstLimitNeverPassesTheWorstPriceAndNeedsAnUncrossedQuote() {
        assertThat(PRICER.initialLimit(buy("1.25", "1.40"), quote(1.50, 1.60), FakeOrderRoute.PENNY_NICKEL))
                .isEqualByComparingTo("1.40");
        assertThat(PRICER.initialLimit(buy("1.25", "1.40"), quote(1.30, 1.20), FakeOrderRoute.PENNY_NICKEL)).isNull();
        assertThat(PRICER.initialLimit(buy("1.25", "1.40"), null, FakeOrderRoute.PENNY_NICKEL)).isNull();
    }

    @Test
    void repricingStepsTowardTheNaturalSideAndStopsAtTheWorstPrice() {
        ProposalLeg leg = buy("1.25", "1.40");
        BigDecimal price = new BigDecimal("1.30");
        for (int stepsLeft = 4; stepsLeft > 0; stepsLeft--) {
            BigDecimal next = PRICER.nextLimit(leg, price, quote(1.00, 1.60), FakeOrderRoute.PENNY_NICKEL, stepsLeft);
            assertThat(next).isGreaterThan(price).isLessThanOrEqualTo(new BigDecimal("1.40"));
            price = next;
        }
        assertThat(price).isEqualByComparingTo("1.40");
        assertThat(PRICER.nextLimit(leg, price, quote(1.00, 1.60), FakeOrderRoute.PENNY_NICKEL, 1))
                .isEqualByComparingTo("1.40");
    }

    @Test
    void aSellStepsDownToTheBidButNeverBelowItsFloor() {
        ProposalLeg leg = sell("2.10", "1.90");
        BigDecimal next = PRICER.nextLimit(leg, new BigDecimal("2.10"), quote(2.05, 2.15), FakeOrderRoute.PENNY_NICKEL, 1);
        assertThat(next).isEqualByComparingTo("2.05");
        BigDecimal floor = PRICER.nextLimit(leg, new BigDecimal("1.95"), quote(1.50, 1.60), FakeOrderRoute.PENNY_NICKEL, 1);
        assertThat(floor).isEqualByComparingTo("1.90");
    }
}
