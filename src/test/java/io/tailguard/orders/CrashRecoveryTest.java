package io.tailguard.orders;

import static io.tailguard.orders.OrdersFixture.CALL_UPRO;
import static io.tailguard.orders.OrdersFixture.PUT_580;
import static io.tailguard.orders.OrdersFixture.leg;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.domain.Contract;
import io.tailguard.domain.ExecutionReport;
import io.tailguard.domain.OpenOrderReport;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.Position;
import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.orders.store.StoredExecution;
import io.tailguard.testing.SimulatedCrash;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.ProposalState;

/**
 * The daemon dies at each point of the submission path (and after a partial fill), the broker keeps
 * its state (sometimes it also restarts with nextValidId rolled back, sometimes it fills while we are
 * away, sometimes events are lost), a new service starts on the same database: no duplicate orders,
 * no id reused, every fill stored exactly once, the proposal DONE with every leg filled.
 */
class CrashRecoveryTest {
    enum KillPoint { ORDER_ID_ALLOCATED, PENDING_SUBMIT_RECORDED, PLACED, AFTER_PARTIAL_FILL }

    static Stream<Arguments> cases() {
        return Stream.of(KillPoint.values()).flatMap(k -> Stream.of(11L, 23L, 37L, 41L, 59L, 73L)
                .map(seed -> Arguments.of(k, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void noDuplicateOrdersAndNoDoubleCountedFillsAfterACrash(KillPoint kill, long seed) {
        Random rnd = new Random(seed);
        try (OrdersFixture f = new OrdersFixture("DU1234567", 1 + rnd.nextInt(2000))) {
            f.working = new OrderWorkingConfig(Duration.ofSeconds(30), 4, Duration.ofMinutes(15),
                    io.tailguard.domain.TimeInForce.DAY, Duration.ofDays(7), Duration.ofMinutes(2));
            f.broker.holdPosition(new Position("DU1234567", Contract.stock("UPRO"), new BigDecimal("1000"), 80));
            f.broker.maxFillPerMatch(2 + rnd.nextInt(3));
            restingQuotes(f);
            int putQty = 1 + rnd.nextInt(6);
            int callQty = 1 + rnd.nextInt(3);
            Proposal p = f.approved(f.proposal(
                    leg("L1", PUT_580, OrderSide.BUY, putQty, "1.25", "1.40", LegIntent.BUY_PROTECTION),
                    leg("L2", CALL_UPRO, OrderSide.SELL, callQty, "2.05", "1.90", LegIntent.OPEN_SHORT_CALL)));

            int crashOnOccurrence = 1 + rnd.nextInt(2); // first or second leg
            AtomicInteger seen = new AtomicInteger();
            Checkpoint hook = (point, orderId) -> {
                if (kill != KillPoint.AFTER_PARTIAL_FILL && point.name().equals(kill.name())
                        && seen.incrementAndGet() == crashOnOccurrence) {
                    throw new SimulatedCrash(point + " of order " + orderId);
                }
            };
            OrderExecutionService first = f.service(hook);
            first.start();
            boolean crashed = false;
            try {
                first.poll();
                if (kill == KillPoint.AFTER_PARTIAL_FILL) {
                    marketableQuotes(f);
                    f.broker.match();
                    f.broker.deliver(rnd.nextInt(f.broker.undelivered() + 1));
                    crashed = true;
                }
            } catch (SimulatedCrash expected) {
                crashed = true;
            }
            assertThat(crashed).as("the crash happened").isTrue();
            first.stop();

            // while the daemon is dead
            if (rnd.nextBoolean()) {
                f.broker.dropUndelivered();
            }
            if (rnd.nextBoolean()) {
                f.broker.restart(1); // gateway restart, nextValidId rolled back
            }
            if (rnd.nextBoolean()) {
                marketableQuotes(f);
                f.broker.match(); // fills while we are away
            }

            OrderExecutionService second = f.service(Checkpoint.NONE);
            second.start();
            for (int i = 0; i < 40 && f.stateOf(p) != ProposalState.DONE; i++) {
                f.clock.advance(Duration.ofSeconds(15));
                marketableQuotes(f);
                second.poll();
                f.broker.match();
                f.broker.deliver();
                if (i % 7 == 3) {
                    second.reconcile();
                }
            }
            second.reconcile();

            for (ProposalLeg l : p.legs()) {
                assertThat(f.broker.newOrdersFor(l.legId())).as("orders at the broker for " + l.legId()).isEqualTo(1);
                OpenOrderReport atBroker = f.broker.orderByRef(l.legId()).orElseThrow();
                BrokerOrder stored = f.orders.byLeg(l.legId()).orElseThrow();
                assertThat(stored.orderId()).isEqualTo(atBroker.orderId());
                assertThat(stored.state()).as(stored + " events " + f.orders.eventTypes(stored.orderId()) + " broker "
                        + atBroker).isEqualTo(OrderState.FILLED);
                assertThat(stored.filledQty()).isEqualByComparingTo(BigDecimal.valueOf(l.quantity()));
                assertThat(atBroker.filled()).isEqualByComparingTo(BigDecimal.valueOf(l.quantity()));
            }
            assertThat(f.broker.idCollisions()).isZero();
            List<ExecutionReport> brokerFills = f.broker.executions();
            List<StoredExecution> storedFills = f.orders.allExecutions();
            assertThat(storedFills).hasSameSizeAs(brokerFills);
            assertThat(storedFills.stream().map(StoredExecution::execId))
                    .containsExactlyInAnyOrderElementsOf(brokerFills.stream().map(ExecutionReport::execId).toList());
            assertThat(storedFills).allSatisfy(e -> assertThat(e.commission()).isNotNull());
            assertThat(f.stateOf(p)).isEqualTo(ProposalState.DONE);
        }
    }

    private static void restingQuotes(OrdersFixture f) {
        f.broker.quote(PUT_580, 1.19, 1.21);  // buy limit 1.20 rests below the ask
        f.broker.quote(CALL_UPRO, 2.00, 2.10); // sell limit 2.05 rests above the bid
    }

    private static void marketableQuotes(OrdersFixture f) {
        f.broker.quote(PUT_580, 1.10, 1.20);
        f.broker.quote(CALL_UPRO, 2.05, 2.15);
    }
}
