package io.tailguard.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.broker.ibkr.decode.MessageDecoder;
import io.tailguard.broker.ibkr.decode.TwsEvent;
import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.domain.BrokerOrderStatus;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.SecurityType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gateway's order messages have IB's field counts, and our client decodes every branch of them. */
class OrderMessagesTest {
    private static final Contract PUT = new Contract(3001, "XSP", SecurityType.OPTION, LocalDate.of(2026, 11, 27),
            BigDecimal.valueOf(590), OptionRight.PUT, 100, "SMART", "", "USD", "XSP   261127P00590000", "XSP");
    private static final Contract CALL = new Contract(3002, "XSP", SecurityType.OPTION, LocalDate.of(2026, 11, 27),
            BigDecimal.valueOf(600), OptionRight.CALL, 100, "SMART", "", "USD", "", "XSP");
    private static final Contract BAG = new Contract(0, "XSP", SecurityType.COMBO, null, null, null, 0, "SMART", "",
            "USD", "", "");

    private static SimOrder order(Contract c, List<SimOrder.Leg> legs) {
        SimOrder o = new SimOrder(1001, 1_900_000_123L, 7, c, legs, OrderSide.BUY, BigDecimal.valueOf(3),
                new BigDecimal("1.25"), "DAY", "DU1234567", "P1-L1");
        o.recordFill(BigDecimal.ONE, new BigDecimal("1.2"));
        return o;
    }

    private static int fields(byte[] payload) {
        return FieldReader.split(payload).size();
    }

    @Test
    void openOrderHas133FieldsPlain141WithTheNoneDeltaNeutralTypeAnd149ForATwoLegCombo() {
        SimOrder plain = order(PUT, List.of());
        SimOrder combo = order(BAG, List.of(new SimOrder.Leg(PUT, 1, OrderSide.BUY),
                new SimOrder.Leg(CALL, 1, OrderSide.SELL)));
        assertThat(fields(OrderMessages.openOrder(plain, false))).isEqualTo(133);
        assertThat(fields(OrderMessages.openOrder(plain, true))).isEqualTo(141);
        assertThat(fields(OrderMessages.openOrder(combo, false))).isEqualTo(149);
    }

    @Test
    void decodesOpenOrderOnEveryBranchToTheSameReport() {
        SimOrder plain = order(PUT, List.of());
        for (boolean dn : new boolean[] {false, true}) {
            TwsEvent.OpenOrder e = (TwsEvent.OpenOrder) MessageDecoder.decode(OrderMessages.openOrder(plain, dn));
            assertThat(e.report().orderId()).isEqualTo(1001);
            assertThat(e.report().permId()).isEqualTo(1_900_000_123L);
            assertThat(e.report().orderRef()).isEqualTo("P1-L1");
            assertThat(e.report().contract().conId()).isEqualTo(3001);
            assertThat(e.report().side()).isEqualTo(OrderSide.BUY);
            assertThat(e.report().quantity()).isEqualByComparingTo("3");
            assertThat(e.report().limitPrice()).isEqualByComparingTo("1.25");
            assertThat(e.report().status()).isEqualTo(BrokerOrderStatus.SUBMITTED);
            assertThat(e.report().account()).isEqualTo("DU1234567");
            assertThat(e.clientId()).isEqualTo(7);
            assertThat(e.deltaNeutralOrderType()).isEqualTo(dn ? "None" : "");
        }
        SimOrder combo = order(BAG, List.of(new SimOrder.Leg(PUT, 1, OrderSide.BUY),
                new SimOrder.Leg(CALL, 2, OrderSide.SELL)));
        TwsEvent.OpenOrder e = (TwsEvent.OpenOrder) MessageDecoder.decode(OrderMessages.openOrder(combo, true));
        assertThat(e.report().contract().securityType()).isEqualTo(SecurityType.COMBO);
        assertThat(e.comboLegs()).extracting(l -> l.conId() + " " + l.ratio() + " " + l.action())
                .containsExactly("3001 1 BUY", "3002 2 SELL");
    }

    @Test
    void decodesCompletedOrderWithItsFilledQuantityAndNoOrderId() {
        SimOrder o = order(PUT, List.of());
        o.status = BrokerOrderStatus.CANCELLED;
        o.completedTime = "20261120 15:00:00 UTC";
        TwsEvent.CompletedOrder e = (TwsEvent.CompletedOrder) MessageDecoder.decode(OrderMessages.completedOrder(o));
        assertThat(e.report().orderId()).isZero();
        assertThat(e.report().permId()).isEqualTo(1_900_000_123L);
        assertThat(e.report().orderRef()).isEqualTo("P1-L1");
        assertThat(e.report().status()).isEqualTo(BrokerOrderStatus.CANCELLED);
        assertThat(e.report().filled()).isEqualByComparingTo("1");
        assertThat(e.completedTime()).isEqualTo("20261120 15:00:00 UTC");
    }

    @Test
    void decodesOrderStatusExecutionAndCommissionAndAnUnsetCommissionIsUnknown() {
        SimOrder o = order(PUT, List.of());
        TwsEvent.OrderStatus s = (TwsEvent.OrderStatus) MessageDecoder.decode(OrderMessages.orderStatus(o));
        assertThat(s.report().filled()).isEqualByComparingTo("1");
        assertThat(s.report().remaining()).isEqualByComparingTo("2");
        assertThat(s.report().avgFillPrice()).isEqualByComparingTo("1.2");
        assertThat(fields(OrderMessages.orderStatus(o))).isEqualTo(12);

        SimExecution x = new SimExecution("0000e0d5.00000001.01.01", 1001, 1_900_000_123L, 7, "P1-L1", PUT,
                OrderSide.SELL, BigDecimal.ONE, new BigDecimal("1.2"), Instant.parse("2026-11-20T15:00:01Z"),
                BigDecimal.ONE, new BigDecimal("1.2"), "DU1234567", new BigDecimal("1.00"));
        assertThat(fields(OrderMessages.executionData(-1, x))).as("32 with the id").isEqualTo(32);
        TwsEvent.ExecutionData d = (TwsEvent.ExecutionData) MessageDecoder.decode(OrderMessages.executionData(-1, x));
        assertThat(d.reqId()).isEqualTo(-1);
        assertThat(d.execution().side()).isEqualTo(OrderSide.SELL);
        assertThat(d.execution().time()).isEqualTo(Instant.parse("2026-11-20T15:00:01Z"));
        assertThat(d.execution().orderRef()).isEqualTo("P1-L1");
        assertThat(d.execution().execIdBase()).isEqualTo("0000e0d5.00000001.01");

        TwsEvent.CommissionData c = (TwsEvent.CommissionData) MessageDecoder.decode(OrderMessages.commissionReport(x));
        assertThat(c.report().commission()).isEqualByComparingTo("1.00");
        byte[] unset = new io.tailguard.broker.ibkr.wire.FieldWriter().add(59).add(1).add("e1.01")
                .add(OrderMessages.MAX_DOUBLE).add("USD").add(OrderMessages.MAX_DOUBLE).add(OrderMessages.MAX_DOUBLE)
                .add("").toBytes();
        TwsEvent.CommissionData u = (TwsEvent.CommissionData) MessageDecoder.decode(unset);
        assertThat(u.report()).as("an unset commission is unknown, never 0").isNull();
    }
}
