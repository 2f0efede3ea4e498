package io.tailguard.orders;

import static io.tailguard.orders.OrdersFixture.leg;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.OrderTicket;
import io.tailguard.domain.Position;
import io.tailguard.domain.TimeInForce;
import io.tailguard.testing.Await;
import io.tailguard.testing.FakeSimMarket;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.ProposalState;

/**
 * The daemon's market view over loopback: streamed quotes of pending legs and the position cache, on the
 * SimGateway (FakeSimMarket) with the orders core on H2. The service and our client share the fixture's
 * clock, so a quote's age is what the test makes it.
 */
class StreamingMarketViewTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Contract PUT_580 = Contract.option("XSP", FakeSimMarket.EXPIRY_1, new BigDecimal("580"),
            OptionRight.PUT, "XSP", 100);
    private static final Contract PUT_585 = Contract.option("XSP", FakeSimMarket.EXPIRY_1, new BigDecimal("585"),
            OptionRight.PUT, "XSP", 100);

    private final OrdersFixture f = new OrdersFixture();
    private final FakeSimMarket market = new FakeSimMarket();
    private final long put580 = market.optionConId(FakeSimMarket.EXPIRY_1, new BigDecimal("580"), OptionRight.PUT);
    private SimGateway gateway;
    private IbkrBroker broker;
    private StreamingMarketView view;
    private OrderExecutionService service;

    @BeforeEach
    void start() {
        gateway = new SimGateway(SimGatewayConfig.defaults().withPort(OrdersOverSimGatewayTest.freePort())
                .withTickInterval(Duration.ofMillis(10)), market).start();
        IbkrClientConfig config = new IbkrClientConfig("127.0.0.1", gateway.port(), 23, 1, 45, 90,
                Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMillis(50), Duration.ofMillis(500));
        broker = new IbkrBroker(config, f.clock);
        broker.connect();
    }

    private void startView(int maxStreams) {
        view = new StreamingMarketView(broker, f.clock, f.trading.limits().maxQuoteAge(), maxStreams).start();
        service = new OrderExecutionService(f.proposals, f.orders, f.tradingState, f.approvals(), broker, view,
                new TransmissionGates(f.trading, f.environment), f.working, f.clock, Checkpoint.NONE);
        service.start();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.stop();
        }
        if (view != null) {
            view.close();
        }
        broker.close();
        gateway.close();
        f.close();
    }

    private Proposal propose(Contract c) {
        return f.proposal(leg("L1", c, OrderSide.BUY, 2, "2.00", "2.10", LegIntent.BUY_PROTECTION));
    }

    private void awaitStreamedQuote(Contract c, double bid, double ask) {
        Await.until("a streamed quote " + bid + "/" + ask + " of " + c.describe(), WAIT,
                () -> view.streamedQuote(c).map(q -> q.bid() == bid && q.ask() == ask).orElse(false));
    }

    /** The one refusal the proposal's last event stored: the quote gate's, with why the quote was refused. */
    private String quoteRefusal(Proposal p) {
        List<GateDecision.Denied> refusals = f.lastEvent(p).refusals();
        assertThat(refusals).extracting(GateDecision.Denied::gate).containsExactly(Gate.QUOTE);
        return refusals.get(0).reason();
    }

    @Test
    void aStreamedQuoteThatStopsTickingIsRefusedAsStaleWhenNoSnapshotConfirmsIt() {
        startView(10);
        Proposal p = propose(PUT_580);
        service.poll(); // the daemon sees the proposal: its leg is streamed from now on
        awaitStreamedQuote(PUT_580, 1.95, 2.05);
        f.approved(p);

        // nothing ticks for longer than maxQuoteAge, and the gateway answers no snapshot
        f.clock.advance(f.trading.limits().maxQuoteAge().plusSeconds(1));
        gateway.dropRepliesTo(OutgoingMessage.REQ_MKT_DATA);
        service.poll();

        assertThat(f.stateOf(p)).isEqualTo(ProposalState.APPROVED);
        assertThat(f.eventTypes(p)).last().isEqualTo(ProposalEventType.GATE_DENIED);
        assertThat(quoteRefusal(p)).startsWith("stale quote: 31 s old");
        assertThat(f.orders.byLeg(p.id() + "-L1")).isEmpty();

        // the market ticks again: the stream is fresh and the order goes out at its mid, with no snapshot
        gateway.clearFaults();
        market.setQuote(put580, 1.90, 2.10, 2.0);
        awaitStreamedQuote(PUT_580, 1.90, 2.10);
        long snapshots = view.quoteFallbacks();
        service.poll();
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.SUBMITTED);
        assertThat(view.quoteFallbacks()).isEqualTo(snapshots);
        assertThat(f.orders.byLeg(p.id() + "-L1").orElseThrow().limitPrice()).isEqualByComparingTo("2.00");
    }

    @Test
    void aCrossedStreamedQuoteIsRefused() {
        startView(10);
        Proposal p = propose(PUT_580);
        service.poll();
        awaitStreamedQuote(PUT_580, 1.95, 2.05);
        f.approved(p);
        gateway.crossQuote(put580);
        Await.until("the crossed quote streamed", WAIT,
                () -> view.streamedQuote(PUT_580).map(q -> q.isCrossed()).orElse(false));
        long snapshots = view.quoteFallbacks();

        service.poll();

        assertThat(view.quoteFallbacks()).as("the streamed quote was judged, no snapshot").isEqualTo(snapshots);
        assertThat(f.stateOf(p)).isEqualTo(ProposalState.APPROVED);
        assertThat(quoteRefusal(p)).startsWith("crossed quote");
        assertThat(f.orders.byLeg(p.id() + "-L1")).isEmpty();
    }

    @Test
    void theCoveredCallGateSeesSharesBoughtSinceTheFullListThroughTheStream() {
        startView(10);
        Await.until("the full position list", WAIT, () -> view.positionsComplete());
        // the gateway's account holds 4,000 UPRO: 41 calls need 4,100 shares
        assertThat(shares(view.positions(), "UPRO")).isEqualTo(4000);
        Proposal coveredCall = f.proposal(leg("L1", OrdersFixture.CALL_UPRO, OrderSide.SELL, 41, "1.00", "0.80",
                LegIntent.OPEN_SHORT_CALL));
        ProposalLeg call = coveredCall.legs().get(0);
        TransmissionGates gates = new TransmissionGates(f.trading, f.environment);
        assertThat(gates.coveredCall(coveredCall, call, view.positions()).isAllowed()).isFalse();

        // 100 UPRO shares bought at the gateway's ask: the fill reaches the cache as a POSITION update
        broker.place(new OrderTicket(broker.nextValidId(), Contract.stock("UPRO"), OrderSide.BUY,
                new BigDecimal("100"), new BigDecimal("90.05"), TimeInForce.DAY, "shares-1", broker.accountId()));
        Await.until("the shares in the position cache", WAIT, () -> shares(view.positions(), "UPRO") == 4100);

        assertThat(view.positionsComplete()).isTrue();
        assertThat(view.positionFallbacks()).as("every list came from the cache").isZero();
        assertThat(gates.coveredCall(coveredCall, call, view.positions()).isAllowed()).isTrue();
    }

    @Test
    void positionsBeforeTheFirstFullListComeFromARequestAndTheStreamKeepsGoingAfterIt() {
        Contract upro = market.contract(FakeSimMarket.UPRO).orElseThrow().contract();
        gateway.account().setPosition(upro, new BigDecimal("300"), 9000);
        gateway.dropRepliesTo(OutgoingMessage.REQ_POSITIONS);
        startView(10);
        broker.serverTime(); // answered after the gateway has read (and not answered) the position stream's request
        gateway.clearFaults();
        assertThat(view.positionsComplete()).isFalse();

        List<Position> positions = view.positions();

        assertThat(view.positionFallbacks()).isEqualTo(1);
        assertThat(shares(positions, "UPRO")).isEqualTo(300);
        // the request's list completed the cache too, and its end did not cancel the stream: changes still arrive
        assertThat(view.positionsComplete()).isTrue();
        gateway.account().setPosition(upro, new BigDecimal("400"), 9000);
        Await.until("the change streamed", WAIT, () -> shares(view.positions(), "UPRO") == 400);
        assertThat(view.positionFallbacks()).isEqualTo(1);
    }

    @Test
    void afterADisconnectTheCacheIsNotTrustedUntilTheListIsSentAgain() {
        Contract upro = market.contract(FakeSimMarket.UPRO).orElseThrow().contract();
        gateway.account().setPosition(upro, new BigDecimal("300"), 9000);
        startView(10);
        Await.until("the full position list", WAIT, () -> view.positionsComplete());
        assertThat(shares(view.positions(), "UPRO")).isEqualTo(300);

        gateway.stop();
        Await.until("the client to see the drop", WAIT, () -> !broker.isConnected());
        assertThat(view.positionsComplete()).isFalse();
        gateway.account().setPosition(upro, new BigDecimal("200"), 9000); // while nobody is connected: no update
        gateway.start();
        Await.until("the client reconnected", WAIT, () -> broker.isConnected());

        assertThat(shares(view.positions(), "UPRO")).isEqualTo(200);
        Await.until("the list sent again", WAIT, () -> view.positionsComplete());
        assertThat(shares(view.positions(), "UPRO")).isEqualTo(200);
    }

    @Test
    void oneStreamPerContractOfThePendingLegsCancelledWhenTheProposalIsDone() {
        startView(10);
        market.setQuote(put580, 2.00, 2.00, 2.00); // locked: the mid limit fills at once
        Proposal a = propose(PUT_580);
        Proposal b = propose(PUT_580);
        service.poll();
        assertThat(view.streamsOpen()).isEqualTo(1);
        Await.until("one line at the gateway", WAIT, () -> gateway.marketDataLinesInUse() == 1);
        awaitStreamedQuote(PUT_580, 2.00, 2.00);

        f.approvals().reject(b.id(), new Actor("trader", "desk"), "one is enough");
        f.approved(a);
        service.poll();
        Await.until("the order filled", WAIT, () -> f.orders.byLeg(a.id() + "-L1")
                .map(o -> o.state() == OrderState.FILLED).orElse(false));
        service.poll(); // closes the proposal
        assertThat(f.stateOf(a)).isEqualTo(ProposalState.DONE);
        service.poll(); // nothing pending: the stream is let go

        assertThat(view.streamsOpen()).isZero();
        Await.until("the line released at the gateway", WAIT, () -> gateway.marketDataLinesInUse() == 0);
    }

    @Test
    void contractsOverTheStreamCapAreQuotedBySnapshot() {
        startView(1);
        Proposal a = propose(PUT_580);
        Proposal b = propose(PUT_585);
        service.poll();
        assertThat(view.streamsOpen()).isEqualTo(1);
        awaitStreamedQuote(PUT_580, 1.95, 2.05);
        assertThat(view.streamedQuote(PUT_585)).isEmpty();
        f.approved(a);
        f.approved(b);
        long snapshots = view.quoteFallbacks();

        service.poll();

        assertThat(f.stateOf(a)).isEqualTo(ProposalState.SUBMITTED);
        assertThat(f.stateOf(b)).isEqualTo(ProposalState.SUBMITTED);
        assertThat(view.quoteFallbacks()).as("only the leg over the cap").isEqualTo(snapshots + 1);
    }

    private static long shares(List<Position> positions, String symbol) {
        return positions.stream().filter(p -> !p.contract().isOption() && p.contract().symbol().equals(symbol))
                .mapToLong(p -> p.quantity().longValue()).sum();
    }
}
