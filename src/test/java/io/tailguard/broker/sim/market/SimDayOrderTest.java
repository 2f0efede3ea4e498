package io.tailguard.broker.sim.market;

import static io.tailguard.broker.sim.market.MarketFixtures.marketAt;
import static io.tailguard.broker.sim.market.MarketFixtures.ny;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.broker.OrderEventListener;
import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.domain.BrokerOrderStatus;
import io.tailguard.domain.CommissionReport;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.ExecutionReport;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderRejection;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.OrderStatusReport;
import io.tailguard.domain.OrderTicket;
import io.tailguard.domain.TimeInForce;
import io.tailguard.testing.Await;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated gateway cancels DAY orders at their session's close, as IB does; GTC orders stay. */
class SimDayOrderTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private SimGateway gateway;
    private IbkrBroker broker;

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aRestingDayOrderIsCancelledAtTheCloseAndAGtcOrderKeepsWorking() {
        ModelMarket market = marketAt("2026-11-20", 15, 0);
        gateway = new SimGateway(SimGatewayConfig.defaults().withPort(0).withTickInterval(Duration.ofMillis(10)),
                market).start();
        broker = new IbkrBroker(new IbkrClientConfig("127.0.0.1", gateway.port(), 11, 1, 45, 90,
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(500)),
                Clock.systemUTC());
        broker.connect();
        List<OrderStatusReport> statuses = new CopyOnWriteArrayList<>();
        broker.listen(new OrderEventListener() {
            @Override
            public void onStatus(OrderStatusReport status) {
                statuses.add(status);
            }

            @Override
            public void onExecution(ExecutionReport execution) {
            }

            @Override
            public void onCommission(CommissionReport commission) {
            }

            @Override
            public void onRejection(OrderRejection rejection) {
            }
        });
        ContractDetails put = market.contractDetails(ContractQuery.options("XSP", "XSP", LocalDate.parse("2026-11-27")))
                .stream().filter(d -> d.contract().right() == OptionRight.PUT).findFirst().orElseThrow();
        long day = broker.nextValidId();
        // a bid of 0.01 rests: far below any ask
        broker.place(new OrderTicket(day, put.contract(), OrderSide.BUY, BigDecimal.ONE, new BigDecimal("0.01"),
                TimeInForce.DAY, "D-L1", SimGatewayConfig.DEFAULT_ACCOUNT));
        broker.place(new OrderTicket(day + 1, put.contract(), OrderSide.BUY, BigDecimal.ONE, new BigDecimal("0.01"),
                TimeInForce.GTC, "G-L1", SimGatewayConfig.DEFAULT_ACCOUNT));
        Await.until(() -> broker.openOrders().size() == 2, WAIT);

        market.clock().setTo(ny("2026-11-20", 16, 14));
        assertThat(broker.openOrders()).as("a minute before the index options' close").hasSize(2);

        market.clock().setTo(ny("2026-11-20", 16, 15));
        Await.until(() -> statuses.stream().anyMatch(s -> s.orderId() == day
                && s.status() == BrokerOrderStatus.CANCELLED), WAIT);
        assertThat(broker.openOrders()).singleElement().satisfies(o -> assertThat(o.orderRef()).isEqualTo("G-L1"));
        assertThat(broker.completedOrders()).singleElement().satisfies(o -> {
            assertThat(o.orderRef()).isEqualTo("D-L1");
            assertThat(o.status()).isEqualTo(BrokerOrderStatus.CANCELLED);
        });
    }
}
