package io.tailguard.orders;

import io.tailguard.domain.TraderTime;
import io.tailguard.domain.OrderSide;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.TradingStateStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;

/**
 * The checks that need no broker, by name: the trading state, the risk limits (contracts per order,
 * notional, the week's premium) and the price bounds, plus whether the market is open. {@code propose}
 * refuses a proposal the limits deny, {@code approve} (every approval path, through
 * {@link ApprovalService}) refuses what any of them denies, and {@code proposal ID} lists them. The daemon
 * runs these and the checks that need the broker (paper account, quote, covered calls) again before it
 * transmits.
 */
public final class ProposalChecks {
    /** The limits: what {@code propose} refuses; the trading state may change before the approval. */
    private static final List<Gate> LIMITS = List.of(Gate.MAX_CONTRACTS, Gate.MAX_NOTIONAL, Gate.WEEKLY_PREMIUM,
            Gate.PRICE_BOUNDS);

    private final TransmissionGates gates;
    private final OrderStore orders;
    private final TradingStateStore tradingState;
    private final MarketHours hours;
    private final Clock clock;

    public ProposalChecks(TransmissionGates gates, OrderStore orders, TradingStateStore tradingState, MarketHours hours,
            Clock clock) {
        this.gates = Objects.requireNonNull(gates, "gates");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.tradingState = Objects.requireNonNull(tradingState, "tradingState");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public MarketHours hours() {
        return hours;
    }

    /** Every check's result, leg by leg (the week's premium once, for the whole proposal), and the market now. */
    public record Report(List<GateCheck> checks, MarketStatus market) {
        /** The id under which checks of the whole proposal are listed. */
        public static final String ALL_LEGS = "all legs";

        public Report {
            checks = List.copyOf(checks);
            Objects.requireNonNull(market, "market");
        }

        public List<GateCheck> denials() {
            return checks.stream().filter(GateCheck::denied).toList();
        }

        /** The denials of the risk limits alone (what {@code propose} refuses). */
        public List<GateCheck> limitDenials() {
            return denials().stream().filter(c -> LIMITS.contains(c.gate())).toList();
        }

        /** "max-contracts: 1000 contracts exceed maxContractsPerOrder 50; weekly-premium: ...". */
        public static String describe(List<GateCheck> denials) {
            return GateDecision.describe(denials.stream().map(c -> (GateDecision.Denied) c.decision()).distinct()
                    .toList());
        }
    }

    public Report run(Proposal p) {
        Instant now = clock.instant();
        TradingState state = tradingState.current().state();
        BigDecimal committed = orders.premiumCommittedSince(weekStart(now), p.id());
        GateContext ctx = new GateContext("", state, null, now, List.of(), committed);
        List<GateCheck> checks = new ArrayList<>();
        for (ProposalLeg l : p.legs()) {
            checks.add(new GateCheck(l.legId(), Gate.TRADING_STATE, gates.tradingState(state, l)));
            checks.add(new GateCheck(l.legId(), Gate.MAX_CONTRACTS, gates.contractsPerOrder(l)));
            // a buy may be re-priced up to its worst price: the notional of a stock buy is judged there
            checks.add(new GateCheck(l.legId(), Gate.MAX_NOTIONAL, gates.notional(l,
                    l.side() == OrderSide.BUY ? l.worstPrice() : l.limitPrice())));
            checks.add(new GateCheck(l.legId(), Gate.PRICE_BOUNDS, gates.priceBounds(l, l.limitPrice(), null)));
        }
        checks.add(new GateCheck(Report.ALL_LEGS, Gate.WEEKLY_PREMIUM, gates.weeklyPremium(p, ctx)));
        return new Report(checks, hours.status(p, now));
    }

    /** Monday 00:00 New York of the week of {@code t}: where the weekly premium budget starts. */
    public static Instant weekStart(Instant t) {
        return t.atZone(TraderTime.EXCHANGE_ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(TraderTime.EXCHANGE_ZONE).toInstant();
    }
}
