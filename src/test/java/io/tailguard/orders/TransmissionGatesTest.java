package io.tailguard.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionGreeks;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.ProposalState;

class TransmissionGatesTest {
    private static final Instant NOW = OrdersFixture.MONDAY_10_ET;
    private final TransmissionGates paper = new TransmissionGates(new TradingConfig(TradingMode.PAPER, false, null), Map.of());

    private static ProposalLeg put(int qty) {
        return OrdersFixture.leg("L1", OrdersFixture.PUT_580, OrderSide.BUY, qty, "1.25", "1.40",
                LegIntent.BUY_PROTECTION).build("P1");
    }

    private static ProposalLeg shortCall(int qty) {
        return OrdersFixture.leg("L2", OrdersFixture.CALL_UPRO, OrderSide.SELL, qty, "2.00", "1.80",
                LegIntent.OPEN_SHORT_CALL).build("P1");
    }

    private static Proposal proposal(ProposalLeg... legs) {
        return new Proposal("P1", ProposalState.APPROVED, "test", "", Map.of(), List.of(legs), NOW, "t", null);
    }

    private static Quote quote(double bid, double ask, Instant at) {
        return new Quote(bid, ask, Double.NaN, 1, 1, 0, OptionGreeks.NONE, false, at);
    }

    private static GateContext ctx(String account, TradingState state, Quote q, List<Position> positions) {
        return new GateContext(account, state, q, NOW, positions, BigDecimal.ZERO);
    }

    /** The reason of a refusal by {@code gate}. */
    private static String reasonOf(Gate gate, GateDecision d) {
        assertThat(d).isInstanceOf(GateDecision.Denied.class);
        assertThat(((GateDecision.Denied) d).gate()).isEqualTo(gate);
        return ((GateDecision.Denied) d).reason();
    }

    @Test
    void allowsAPutPurchaseOnAPaperAccount() {
        ProposalLeg leg = put(2);
        assertThat(paper.check(proposal(leg), leg, new BigDecimal("1.20"),
                ctx("DU1234567", TradingState.ACTIVE, quote(1.15, 1.25, NOW), List.of()))).isEqualTo(GateDecision.ALLOWED);
    }

    @Test
    void deniesTransmitWhenAccountIsLiveWithoutTheDoubleSwitch() {
        assertThat(reasonOf(Gate.PAPER_TRADING, paper.paperTrading("U7654321"))).contains("live account")
                .contains("trading.mode is paper");
        TradingConfig live = new TradingConfig(TradingMode.LIVE, false, null);
        assertThat(reasonOf(Gate.PAPER_TRADING, new TransmissionGates(live, Map.of()).paperTrading("U7654321")))
                .contains("TAILGUARD_LIVE_ACCOUNT");
        TransmissionGates otherAccount = new TransmissionGates(live, Map.of("TAILGUARD_LIVE_ACCOUNT", "U0000000"));
        assertThat(reasonOf(Gate.PAPER_TRADING, otherAccount.paperTrading("U7654321"))).contains("TAILGUARD_LIVE_ACCOUNT");
        assertThat(new TransmissionGates(live, Map.of("TAILGUARD_LIVE_ACCOUNT", "U7654321")).paperTrading("U7654321"))
                .isEqualTo(GateDecision.ALLOWED);
        assertThat(new TransmissionGates(new TradingConfig(TradingMode.PAPER, false, null), Map.of(
                "TAILGUARD_LIVE_ACCOUNT", "U7654321")).paperTrading("U7654321").isAllowed()).isFalse();
        assertThat(paper.paperTrading("DF998877")).isEqualTo(GateDecision.ALLOWED);
    }

    @Test
    void deniesEverythingWhenHaltedAndRiskAddingLegsWhenReducing() {
        assertThat(reasonOf(Gate.TRADING_STATE, paper.tradingState(TradingState.HALTED, put(1)))).contains("HALTED");
        assertThat(paper.tradingState(TradingState.REDUCING, put(1))).isEqualTo(GateDecision.ALLOWED);
        assertThat(reasonOf(Gate.TRADING_STATE, paper.tradingState(TradingState.REDUCING, shortCall(1))))
                .contains("REDUCING");
    }

    @Test
    void deniesAStaleACrossedAndAMissingQuote() {
        Quote old = quote(1.1, 1.2, NOW.minus(Duration.ofSeconds(31)));
        assertThat(reasonOf(Gate.QUOTE, paper.quote(ctx("DU1", TradingState.ACTIVE, old, List.of()))))
                .contains("stale");
        Quote crossed = quote(1.3, 1.2, NOW);
        assertThat(reasonOf(Gate.QUOTE, paper.quote(ctx("DU1", TradingState.ACTIVE, crossed, List.of()))))
                .contains("crossed");
        assertThat(reasonOf(Gate.QUOTE, paper.quote(ctx("DU1", TradingState.ACTIVE, null, List.of()))))
                .contains("no bid and ask");
    }

    @Test
    void deniesAnUncoveredShortCall() {
        ProposalLeg call = shortCall(2);
        Position shares = new Position("DU1", Contract.stock("UPRO"), new BigDecimal("150"), 80);
        assertThat(reasonOf(Gate.COVERED_CALL, paper.coveredCall(proposal(call), call, List.of(shares))))
                .contains("need 200 shares").contains("only 150");
        Position existingShort = new Position("DU1", OrdersFixture.CALL_UPRO, new BigDecimal("-1"), 1.5);
        Position more = new Position("DU1", Contract.stock("UPRO"), new BigDecimal("250"), 80);
        assertThat(reasonOf(Gate.COVERED_CALL, paper.coveredCall(proposal(call), call, List.of(more, existingShort))))
                .contains("only 150");
        assertThat(paper.coveredCall(proposal(call), call, List.of(more))).isEqualTo(GateDecision.ALLOWED);
    }

    @Test
    void deniesAPriceOutsideTheBounds() {
        ProposalLeg leg = put(1);
        assertThat(reasonOf(Gate.PRICE_BOUNDS, paper.priceBounds(leg, new BigDecimal("1.45"), null)))
                .contains("past the worst price 1.4");
        assertThat(reasonOf(Gate.PRICE_BOUNDS, paper.priceBounds(leg, new BigDecimal("1.30"), quote(1.45, 1.55, NOW))))
                .contains("outside the bounds");
        // 1.72/1.75 has the binary mid 1.7349999999999999: the message shows it as a trader reads it
        assertThat(reasonOf(Gate.PRICE_BOUNDS, paper.priceBounds(leg, new BigDecimal("1.30"), quote(1.72, 1.75, NOW))))
                .contains("market mid 1.735 is outside");
        assertThat(paper.priceBounds(leg, new BigDecimal("1.30"), quote(1.25, 1.35, NOW))).isEqualTo(GateDecision.ALLOWED);
    }

    @Test
    void deniesOrdersOverTheRiskLimits() {
        TransmissionGates tight = new TransmissionGates(new TradingConfig(TradingMode.PAPER, false,
                new RiskLimitsConfig(5, new BigDecimal("500"), new BigDecimal("100000"), null)), Map.of());
        ProposalLeg big = put(6);
        assertThat(reasonOf(Gate.MAX_CONTRACTS, tight.contractsPerOrder(big))).contains("maxContractsPerOrder 5");
        assertThat(reasonOf(Gate.MAX_NOTIONAL, tight.notional(put(2), new BigDecimal("1.2")))).contains("notional 116000");
        ProposalLeg four = put(4);
        GateContext committed100 = new GateContext("DU1", TradingState.ACTIVE, null, NOW, List.of(), new BigDecimal("100"));
        assertThat(reasonOf(Gate.WEEKLY_PREMIUM, tight.weeklyPremium(proposal(four), committed100)))
                .contains("premium this week would be 660");
    }

    @Test
    void dryRunAllowsNothingAndSaysWhatWouldBeSent() {
        TransmissionGates dry = new TransmissionGates(new TradingConfig(TradingMode.PAPER, true, null), Map.of());
        ProposalLeg leg = put(2);
        GateDecision d = dry.check(proposal(leg), leg, new BigDecimal("1.2"),
                ctx("DU1", TradingState.ACTIVE, quote(1.15, 1.25, NOW), List.of()));
        assertThat(reasonOf(Gate.DRY_RUN, d)).contains("would send BUY 2 XSP 2026-11-27 580 P LMT 1.2");
    }
}
