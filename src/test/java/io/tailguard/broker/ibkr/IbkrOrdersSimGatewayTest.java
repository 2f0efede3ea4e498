package io.tailguard.broker.ibkr;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.broker.ExecutionHistory;
import io.tailguard.broker.OrderEventListener;
import io.tailguard.broker.ibkr.request.ComboLegSpec;
import io.tailguard.broker.ibkr.request.ContractSpec;
import io.tailguard.broker.ibkr.request.OrderEncoder;
import io.tailguard.broker.ibkr.request.OrderSpec;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.domain.BrokerOrderStatus;
import io.tailguard.domain.CommissionReport;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ExecutionReport;
import io.tailguard.domain.OpenOrderReport;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderRejection;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.OrderStatusReport;
import io.tailguard.domain.OrderTicket;
import io.tailguard.domain.TimeInForce;
import io.tailguard.testing.Await;
import io.tailguard.testing.FakeSimMarket;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IbkrBroker's OrderRoute against the SimGateway's order book over loopback. */
class IbkrOrdersSimGatewayTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ACCOUNT = SimGatewayConfig.DEFAULT_ACCOUNT;

    private final FakeSimMarket market = new FakeSimMarket();
    private SimGateway gateway;
    private IbkrBroker broker;
    private final Events events = new Events();

    static final class Events implements OrderEventListener {
        final List<OrderStatusReport> statuses = new CopyOnWriteArrayList<>();
        final List<ExecutionReport> executions = new CopyOnWriteArrayList<>();
        final List<CommissionReport> commissions = new CopyOnWriteArrayList<>();
        final List<OrderRejection> rejections = new CopyOnWriteArrayList<>();

        @Override
        public void onStatus(OrderStatusReport status) {
            statuses.add(status);
        }

        @Override
        public void onExecution(ExecutionReport execution) {
            executions.add(execution);
        }

        @Override
        public void onCommission(CommissionReport commission) {
            commissions.add(commission);
        }

        @Override
        public void onRejection(OrderRejection rejection) {
            rejections.add(rejection);
        }

        boolean hasStatus(long orderId, BrokerOrderStatus status) {
            return statuses.stream().anyMatch(s -> s.orderId() == orderId && s.status() == status);
        }

        boolean hasRejection(long orderId, int code) {
            return rejections.stream().anyMatch(r -> r.orderId() == orderId && r.code() == code);
        }

        BigDecimal filled(long orderId) {
            return executions.stream().filter(e -> e.orderId() == orderId).map(ExecutionReport::shares)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    @BeforeEach
    void start() {
        gateway = new SimGateway(SimGatewayConfig.defaults().withPort(0).withTickInterval(Duration.ofMillis(10)),
                market).start();
        IbkrClientConfig config = new IbkrClientConfig("127.0.0.1", gateway.port(), 11, 1, 45, 90,
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(500));
        broker = new IbkrBroker(config, Clock.systemUTC());
        broker.connect();
        broker.listen(events);
    }

    @AfterEach
    void stop() {
        broker.close();
        gateway.close();
    }

    private Contract put(int strike) {
        return Contract.option("XSP", FakeSimMarket.EXPIRY_1, BigDecimal.valueOf(strike), OptionRight.PUT, "XSP", 100);
    }

    private OrderTicket ticket(long id, Contract c, OrderSide side, int qty, String limit, String ref) {
        return new OrderTicket(id, c, side, BigDecimal.valueOf(qty), new BigDecimal(limit), TimeInForce.DAY, ref,
                ACCOUNT);
    }

    @Test
    void aMarketableBuyFillsAtTheAskWithItsOrderRefAndACommissionOnTheOptionSchedule() {
        long id = broker.nextValidId();
        broker.place(ticket(id, put(590), OrderSide.BUY, 2, "2.10", "P1-L1"));

        Await.until(() -> events.hasStatus(id, BrokerOrderStatus.FILLED) && events.commissions.size() == 1, WAIT);
        ExecutionReport e = events.executions.get(0);
        assertThat(e.orderRef()).isEqualTo("P1-L1");
        assertThat(e.price()).isEqualByComparingTo("2.05");
        assertThat(e.side()).isEqualTo(OrderSide.BUY);
        assertThat(events.commissions.get(0).execId()).isEqualTo(e.execId());
        assertThat(events.commissions.get(0).commission()).isEqualByComparingTo("1.30");

        ExecutionHistory history = broker.executionsSince(Instant.EPOCH);
        assertThat(history.executions()).extracting(ExecutionReport::execId).containsExactly(e.execId());
        assertThat(history.commissions()).extracting(CommissionReport::commission)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("1.30"));
        List<OpenOrderReport> completed = broker.completedOrders();
        assertThat(completed).singleElement().satisfies(r -> {
            assertThat(r.orderRef()).isEqualTo("P1-L1");
            assertThat(r.status()).isEqualTo(BrokerOrderStatus.FILLED);
            assertThat(r.filled()).isEqualByComparingTo("2");
        });
        assertThat(broker.openOrders()).isEmpty();
        assertThat(gateway.account().positions()).anySatisfy(p -> {
            assertThat(p.contract().conId()).isEqualTo(e.contract().conId());
            assertThat(p.quantity()).isEqualByComparingTo("2");
        });
    }

    @Test
    void aLargeOrderFillsPartiallyOverSeveralTicksWithoutDoubleCounting() {
        long id = broker.nextValidId();
        broker.place(ticket(id, put(590), OrderSide.SELL, 25, "1.90", "P2-L1"));

        Await.until(() -> events.hasStatus(id, BrokerOrderStatus.FILLED), WAIT);
        assertThat(events.executions).hasSizeGreaterThanOrEqualTo(3);
        assertThat(events.filled(id)).isEqualByComparingTo("25");
        assertThat(events.executions).allSatisfy(e -> assertThat(e.price()).isEqualByComparingTo("1.95"));
        assertThat(events.statuses).anySatisfy(s -> {
            assertThat(s.orderId()).isEqualTo(id);
            assertThat(s.filled()).isEqualByComparingTo("10");
            assertThat(s.remaining()).isEqualByComparingTo("15");
        });
    }

    @Test
    void aRestingOrderIsListedOpenFillsWhenRepricedAndAnotherIsCancelledWith202() {
        long id = broker.nextValidId();
        broker.place(ticket(id, put(590), OrderSide.BUY, 1, "1.50", "P3-L1"));
        broker.place(ticket(id + 1, put(585), OrderSide.BUY, 1, "1.00", "P3-L2"));
        Await.until(() -> events.hasStatus(id + 1, BrokerOrderStatus.SUBMITTED), WAIT);

        List<OpenOrderReport> open = broker.openOrders();
        assertThat(open).extracting(OpenOrderReport::orderRef).containsExactlyInAnyOrder("P3-L1", "P3-L2");
        assertThat(open).allSatisfy(r -> assertThat(r.status()).isEqualTo(BrokerOrderStatus.SUBMITTED));

        broker.place(ticket(id, put(590), OrderSide.BUY, 1, "2.05", "P3-L1")); // modify: same id
        broker.cancel(id + 1);
        Await.until(() -> events.hasStatus(id, BrokerOrderStatus.FILLED)
                && events.hasStatus(id + 1, BrokerOrderStatus.CANCELLED) && events.hasRejection(id + 1, 202), WAIT);
        assertThat(broker.openOrders()).isEmpty();
        assertThat(broker.completedOrders()).hasSize(2);
    }

    @Test
    void rejectsAnOffTickPriceWith110AnUnknownContractWith200AndAZeroQuantityWith201() {
        long id = broker.nextValidId();
        broker.place(ticket(id, put(600), OrderSide.BUY, 1, "12.03", "P4-L1")); // nickel grid above $3
        broker.place(ticket(id + 1, put(590).withConId(999_999), OrderSide.BUY, 1, "2.00", "P4-L2"));
        broker.client().sendOrderMessage(OrderEncoder.placeOrder(new OrderSpec(id + 2,
                ContractSpec.of(put(590).withConId(market.optionConId(FakeSimMarket.EXPIRY_1, BigDecimal.valueOf(590),
                        OptionRight.PUT))), List.of(), "BUY", BigDecimal.ZERO, new BigDecimal("2"), "DAY", ACCOUNT,
                "P4-L3", Map.of())), "zero quantity");

        Await.until(() -> events.hasRejection(id, 110) && events.hasRejection(id + 1, 200)
                && events.hasRejection(id + 2, 201) && events.hasStatus(id + 2, BrokerOrderStatus.INACTIVE), WAIT);
        assertThat(events.executions).isEmpty();
    }

    @Test
    void aComboFillsAtTheNetOfItsLegs() {
        long buyLeg = market.optionConId(FakeSimMarket.EXPIRY_1, BigDecimal.valueOf(590), OptionRight.PUT);
        long sellLeg = market.optionConId(FakeSimMarket.EXPIRY_1, BigDecimal.valueOf(580), OptionRight.PUT);
        long id = broker.nextValidId();
        // put spread: buy 590 P at its ask 2.05, sell 580 P at its bid 1.95 -> net debit 0.10
        broker.client().sendOrderMessage(OrderEncoder.placeOrder(new OrderSpec(id,
                new ContractSpec(0, "XSP", "BAG", "", null, "", "", "SMART", "", "USD", "", "", false),
                List.of(new ComboLegSpec(buyLeg, 1, "BUY", "SMART"), new ComboLegSpec(sellLeg, 1, "SELL", "SMART")),
                "BUY", BigDecimal.valueOf(3), new BigDecimal("0.10"), "DAY", ACCOUNT, "P5-L1",
                Map.of("NonGuaranteed", "1"))), "combo");

        Await.until(() -> events.hasStatus(id, BrokerOrderStatus.FILLED) && events.commissions.size() == 2, WAIT);
        assertThat(events.statuses).anySatisfy(s -> {
            assertThat(s.status()).isEqualTo(BrokerOrderStatus.FILLED);
            assertThat(s.avgFillPrice()).isEqualByComparingTo("0.10");
        });
        assertThat(events.executions).extracting(e -> e.contract().conId() + " " + e.side() + " " + e.shares())
                .containsExactlyInAnyOrder(buyLeg + " BUY 3", sellLeg + " SELL 3");
    }
}
