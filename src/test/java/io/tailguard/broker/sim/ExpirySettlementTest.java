package io.tailguard.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tailguard.broker.sim.market.ContractQuery;
import io.tailguard.broker.sim.market.MarketModelConfig;
import io.tailguard.broker.sim.market.ModelMarket;
import io.tailguard.broker.sim.market.Settlement;
import io.tailguard.broker.sim.market.Underlying;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.DailyBar;
import io.tailguard.domain.Position;
import io.tailguard.broker.ibkr.wire.IncomingMessage;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import io.tailguard.testing.TwsTestClient;
import io.tailguard.calendar.ExchangeCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/** Expired options in the sim account: XSP in cash, UPRO by exercise / assignment in shares. */
class ExpirySettlementTest {
    private static final LocalDate EXPIRY = LocalDate.of(2026, 11, 20);

    private static Instant ny(int hour, int minute) {
        return EXPIRY.atTime(LocalTime.of(hour, minute)).atZone(ExchangeCalendar.NEW_YORK).toInstant();
    }

    private static Contract deepInTheMoney(ModelMarket m, String cls, OptionRight right) {
        return m.contractDetails(ContractQuery.options(cls, cls, EXPIRY)).stream().map(ContractDetails::contract)
                .filter(c -> c.right() == right)
                .max(Comparator.comparing(c -> right == OptionRight.PUT ? c.strike() : c.strike().negate()))
                .orElseThrow();
    }

    @Test
    void settlesAnXspPutInCashAndAssignsAShortUproCallInShares() {
        MarketModelConfig d = MarketModelConfig.defaults();
        ModelMarket market = ModelMarket.create(d.withStart(ny(15, 0), d.spxStartLevel(), d.uproStartPrice()));
        SimGateway gateway = new SimGateway(SimGatewayConfig.defaults().withPort(0), market);
        SimAccount account = gateway.account();
        Contract put = deepInTheMoney(market, "XSP", OptionRight.PUT);
        Contract call = deepInTheMoney(market, "UPRO", OptionRight.CALL);
        account.setPosition(put, BigDecimal.valueOf(2), 100.0);
        account.setPosition(call, BigDecimal.valueOf(-1), 100.0);
        BigDecimal uproBefore = shares(account, Underlying.UPRO.conId());

        assertThat(ExpirySettlement.settle(gateway)).as("nothing settles before the close").isZero();
        BigDecimal cashBefore = account.cash();
        market.clock().setTo(ny(16, 20));
        assertThat(ExpirySettlement.settle(gateway)).isEqualTo(2);

        Settlement xsp = market.settlement(put.conId()).orElseThrow();
        Settlement upro = market.settlement(call.conId()).orElseThrow();
        assertThat(xsp.intrinsicValue()).isPositive();
        assertThat(upro.intrinsicValue()).isPositive();
        assertThat(account.positions()).extracting(p -> p.contract().conId())
                .doesNotContain(put.conId(), call.conId());
        assertThat(shares(account, Underlying.UPRO.conId())).as("assigned: 100 shares delivered")
                .isEqualByComparingTo(uproBefore.subtract(BigDecimal.valueOf(100)));
        double expectedCash = cashBefore.doubleValue() + xsp.intrinsicValue() * 100 * 2
                + call.strike().doubleValue() * 100;
        assertThat(account.cash().doubleValue()).isCloseTo(expectedCash, within(0.01));
        assertThat(ExpirySettlement.settle(gateway)).as("settled once").isZero();
    }

    @Test
    void theSettlementValueIsTheDailyBarOfTheExpiryDateThatTheGatewayServes() {
        MarketModelConfig d = MarketModelConfig.defaults();
        ModelMarket market = ModelMarket.create(d.withStart(ny(15, 0), d.spxStartLevel(), d.uproStartPrice()));
        Contract put = deepInTheMoney(market, "XSP", OptionRight.PUT);
        Contract call = deepInTheMoney(market, "UPRO", OptionRight.CALL);
        market.clock().setTo(ny(16, 40));

        Settlement xsp = market.settlement(put.conId()).orElseThrow();
        Settlement upro = market.settlement(call.conId()).orElseThrow();

        DailyBar xspBar = barOf(market, Underlying.XSP);
        DailyBar uproBar = barOf(market, Underlying.UPRO);
        assertThat(xsp.underlyingPrice()).isEqualTo(xspBar.close());
        assertThat(upro.underlyingPrice()).isEqualTo(uproBar.close());
        assertThat(xsp.intrinsicValue()).isEqualTo(put.strike().doubleValue() - xspBar.close(), within(1e-9));
        // the next morning the bar of the expiry date is unchanged
        market.clock().setTo(ny(16, 40).plusSeconds(17 * 3600));
        assertThat(barOf(market, Underlying.XSP).close()).isEqualTo(xspBar.close());
    }

    @Test
    void settlementPushesTheChangedPositionsToClientsSubscribedToPositions() {
        MarketModelConfig d = MarketModelConfig.defaults();
        ModelMarket market = ModelMarket.create(d.withStart(ny(15, 0), d.spxStartLevel(), d.uproStartPrice()));
        try (SimGateway gateway = new SimGateway(SimGatewayConfig.defaults().withPort(0)
                .withTickInterval(java.time.Duration.ofMillis(10)), market).start();
                TwsTestClient client = TwsTestClient.connect(gateway.port(), 5)) {
            Contract put = deepInTheMoney(market, "XSP", OptionRight.PUT);
            Contract call = deepInTheMoney(market, "UPRO", OptionRight.CALL);
            gateway.account().setPosition(put, BigDecimal.valueOf(2), 100.0);
            gateway.account().setPosition(call, BigDecimal.valueOf(-1), 100.0);
            BigDecimal uproBefore = shares(gateway.account(), Underlying.UPRO.conId());
            client.send(OutgoingMessage.REQ_POSITIONS, 1);
            client.await(IncomingMessage.POSITION_END);
            int before = client.all(IncomingMessage.POSITION).size();

            market.clock().setTo(ny(16, 20));

            TwsTestClient.until(() -> client.all(IncomingMessage.POSITION).size() >= before + 3,
                    "three POSITION pushes after the settlement");
            java.util.Map<String, String> pushed = new java.util.HashMap<>();
            for (TwsTestClient.Received r : client.all(IncomingMessage.POSITION).subList(before,
                    client.all(IncomingMessage.POSITION).size())) {
                pushed.put(r.fields().get(3), r.fields().get(14));
            }
            assertThat(pushed).containsOnlyKeys(Long.toString(put.conId()), Long.toString(call.conId()),
                    Long.toString(Underlying.UPRO.conId()));
            assertThat(isZero(pushed.get(Long.toString(put.conId())))).as("the settled put is gone").isTrue();
            assertThat(isZero(pushed.get(Long.toString(call.conId())))).as("the assigned call is gone").isTrue();
            assertThat(new BigDecimal(pushed.get(Long.toString(Underlying.UPRO.conId()))))
                    .isEqualByComparingTo(uproBefore.subtract(BigDecimal.valueOf(100)));
            assertThat(client.all(IncomingMessage.POSITION).size() - before).as("each change pushed once").isEqualTo(3);
        }
    }

    private static boolean isZero(String quantity) {
        return new BigDecimal(quantity).signum() == 0;
    }

    private static DailyBar barOf(ModelMarket market, Underlying u) {
        return market.dailyBars(u.conId(), 5).stream().filter(b -> b.date().equals(EXPIRY)).findFirst().orElseThrow();
    }

    private static BigDecimal shares(SimAccount account, long conId) {
        return account.positions().stream().filter(p -> p.contract().conId() == conId).map(Position::quantity)
                .findFirst().orElse(BigDecimal.ZERO);
    }
}
