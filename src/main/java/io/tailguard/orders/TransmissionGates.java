package io.tailguard.orders;

import io.tailguard.domain.AccountSummary;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import io.tailguard.domain.SecurityType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.LegIntent;

/**
 * The checks every leg passes before anything is transmitted. Each is a value ({@link GateDecision});
 * {@link #check} returns the first refusal, {@link #checkAll} every result for the console. Stateless
 * apart from configuration; the environment is injected so the live-trading double switch is testable.
 */
public final class TransmissionGates {
    public static final String LIVE_ACCOUNT_ENV = "TAILGUARD_LIVE_ACCOUNT";

    private final TradingConfig trading;
    private final Map<String, String> environment;

    public TransmissionGates(TradingConfig trading, Map<String, String> environment) {
        this.trading = Objects.requireNonNull(trading);
        this.environment = Map.copyOf(environment);
    }

    public boolean dryRun() {
        return trading.dryRun();
    }

    /** The first refusal for this leg at this limit price, or ALLOWED. */
    public GateDecision check(Proposal proposal, ProposalLeg leg, BigDecimal limit, GateContext ctx) {
        return checkAll(proposal, leg, limit, ctx).stream().filter(d -> !d.isAllowed()).findFirst()
                .orElse(GateDecision.ALLOWED);
    }

    /** Every gate's result in order; dry-run comes last so real refusals are reported first. */
    public List<GateDecision> checkAll(Proposal proposal, ProposalLeg leg, BigDecimal limit, GateContext ctx) {
        List<GateDecision> all = new ArrayList<>();
        all.add(paperTrading(ctx.account()));
        all.add(tradingState(ctx.tradingState(), leg));
        all.add(quote(ctx));
        all.add(priceBounds(leg, limit, ctx.quote()));
        all.add(contractsPerOrder(leg));
        all.add(notional(leg, limit));
        all.add(weeklyPremium(proposal, ctx));
        all.add(coveredCall(proposal, leg, ctx.positions(), ctx.sharesPledgedToWorkingCalls()));
        all.add(trading.dryRun() ? GateDecision.denied(Gate.DRY_RUN, "dry run: would send " + leg.side() + " "
                + leg.quantity() + " " + leg.contract().describe() + " LMT " + plain(limit)) : GateDecision.ALLOWED);
        return all;
    }

    /** Paper accounts always; a live account only with trading.mode live AND TAILGUARD_LIVE_ACCOUNT naming it. */
    public GateDecision paperTrading(String account) {
        if (account == null || account.isBlank()) {
            return GateDecision.denied(Gate.PAPER_TRADING, "no account reported by the broker");
        }
        if (AccountSummary.isPaperAccount(account)) {
            return GateDecision.ALLOWED;
        }
        if (trading.mode() != TradingMode.LIVE) {
            return GateDecision.denied(Gate.PAPER_TRADING, "account " + account
                    + " is a live account and trading.mode is paper");
        }
        if (!account.equals(environment.get(LIVE_ACCOUNT_ENV))) {
            return GateDecision.denied(Gate.PAPER_TRADING, "account " + account + " is live: " + LIVE_ACCOUNT_ENV
                    + " must equal the account id to trade it");
        }
        return GateDecision.ALLOWED;
    }

    public GateDecision tradingState(TradingState state, ProposalLeg leg) {
        return switch (state) {
            case ACTIVE -> GateDecision.ALLOWED;
            case HALTED -> GateDecision.denied(Gate.TRADING_STATE, "trading is HALTED");
            case REDUCING -> leg.intent().reducesRisk() ? GateDecision.ALLOWED
                    : GateDecision.denied(Gate.TRADING_STATE, "trading is REDUCING and " + leg.intent() + " adds risk");
        };
    }

    public GateDecision quote(GateContext ctx) {
        Quote q = ctx.quote();
        if (q == null || !q.hasBidAndAsk()) {
            return GateDecision.denied(Gate.QUOTE, "no bid and ask");
        }
        if (q.isCrossed()) {
            return GateDecision.denied(Gate.QUOTE, "crossed quote: bid " + q.bid() + " > ask " + q.ask());
        }
        if (q.ageAt(ctx.now()).compareTo(trading.limits().maxQuoteAge()) > 0) {
            return GateDecision.denied(Gate.QUOTE, "stale quote: " + q.ageAt(ctx.now()).toSeconds() + " s old, limit "
                    + trading.limits().maxQuoteAge().toSeconds() + " s");
        }
        return GateDecision.ALLOWED;
    }

    /** The order price must be within the worst price and the market within the proposal's bounds. */
    public GateDecision priceBounds(ProposalLeg leg, BigDecimal limit, Quote quote) {
        if (limit == null || limit.signum() <= 0) {
            return GateDecision.denied(Gate.PRICE_BOUNDS, "no valid limit price");
        }
        if (!leg.withinWorst(limit)) {
            return GateDecision.denied(Gate.PRICE_BOUNDS, "limit " + plain(limit) + " is past the worst price "
                    + plain(leg.worstPrice()));
        }
        if (quote != null && quote.hasBidAndAsk() && !quote.isCrossed()) {
            BigDecimal mid = BigDecimal.valueOf(quote.mid());
            if (!leg.bounds().contains(mid)) {
                return GateDecision.denied(Gate.PRICE_BOUNDS, "market mid "
                        + plain(mid.setScale(4, RoundingMode.HALF_EVEN)) + " is outside the bounds "
                        + leg.bounds().describe());
            }
        }
        return GateDecision.ALLOWED;
    }

    public GateDecision contractsPerOrder(ProposalLeg leg) {
        int max = trading.limits().maxContractsPerOrder();
        return leg.contract().isOption() && leg.quantity() > max
                ? GateDecision.denied(Gate.MAX_CONTRACTS, leg.quantity() + " contracts exceed maxContractsPerOrder " + max)
                : GateDecision.ALLOWED;
    }

    /** Notional: strike x multiplier x contracts for options, price x shares otherwise. */
    public GateDecision notional(ProposalLeg leg, BigDecimal limit) {
        BigDecimal notional = notionalOf(leg, limit);
        RiskLimitsConfig limits = trading.limits();
        return notional.compareTo(limits.maxNotionalUsd()) > 0
                ? GateDecision.denied(Gate.MAX_NOTIONAL, "notional " + plain(notional) + " USD exceeds maxNotionalUsd "
                        + plain(limits.maxNotionalUsd()))
                : GateDecision.ALLOWED;
    }

    /** This proposal's premium at worst prices plus what is already committed this week. */
    public GateDecision weeklyPremium(Proposal proposal, GateContext ctx) {
        BigDecimal total = ctx.premiumCommittedThisWeekUsd().add(proposal.maxPremiumPaid());
        BigDecimal max = trading.limits().maxPremiumPerWeekUsd();
        return total.compareTo(max) > 0
                ? GateDecision.denied(Gate.WEEKLY_PREMIUM, "premium this week would be " + plain(total)
                        + " USD, over maxPremiumPerWeekUsd " + plain(max))
                : GateDecision.ALLOWED;
    }

    /** As {@link #coveredCall(Proposal, ProposalLeg, List, Map)} with no short calls working elsewhere. */
    public GateDecision coveredCall(Proposal proposal, ProposalLeg leg, List<Position> positions) {
        return coveredCall(proposal, leg, positions, Map.of());
    }

    /**
     * A short call only when the shares held cover it: shares of the underlying, less those already
     * covering short calls held, less those that other proposals' short calls still working at the broker
     * would need (a second proposal cannot sell calls against shares a first one's unfilled order has
     * pledged), less the other short calls of this proposal.
     */
    public GateDecision coveredCall(Proposal proposal, ProposalLeg leg, List<Position> positions,
            Map<String, BigDecimal> sharesPledgedToWorkingCalls) {
        if (!isShortCall(leg) || leg.intent() == LegIntent.CLOSE_POSITION) {
            return GateDecision.ALLOWED;
        }
        String underlying = leg.contract().symbol();
        BigDecimal shares = BigDecimal.ZERO;
        BigDecimal pledged = sharesPledgedToWorkingCalls.getOrDefault(underlying, BigDecimal.ZERO);
        BigDecimal alreadyCovering = pledged;
        for (Position p : positions) {
            Contract c = p.contract();
            if (!c.symbol().equals(underlying)) {
                continue;
            }
            if (c.securityType() == SecurityType.STOCK) {
                shares = shares.add(p.quantity());
            } else if (c.isOption() && c.right() == OptionRight.CALL && p.quantity().signum() < 0) {
                int mult = c.multiplier() > 0 ? c.multiplier() : 100;
                alreadyCovering = alreadyCovering.add(p.quantity().negate().multiply(BigDecimal.valueOf(mult)));
            }
        }
        BigDecimal needed = proposal.legs().stream()
                .filter(l -> isShortCall(l) && l.intent() != LegIntent.CLOSE_POSITION
                        && l.contract().symbol().equals(underlying))
                .map(ProposalLeg::units).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal free = shares.subtract(alreadyCovering);
        return free.compareTo(needed) < 0
                ? GateDecision.denied(Gate.COVERED_CALL, "short calls on " + underlying + " need " + plain(needed)
                        + " shares, only " + plain(free.max(BigDecimal.ZERO)) + " held and not already covering calls"
                        + (pledged.signum() > 0 ? " (" + plain(pledged) + " pledged to short calls still working)" : ""))
                : GateDecision.ALLOWED;
    }

    static BigDecimal notionalOf(ProposalLeg leg, BigDecimal limit) {
        if (leg.contract().isOption()) {
            return leg.contract().strike().multiply(leg.units());
        }
        return limit.multiply(leg.units());
    }

    private static boolean isShortCall(ProposalLeg leg) {
        return leg.side() == OrderSide.SELL && leg.contract().isOption() && leg.contract().right() == OptionRight.CALL;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
