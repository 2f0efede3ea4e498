package io.tailguard.orders;

import io.tailguard.domain.MarketRule;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import io.tailguard.proposal.ProposalLeg;

/**
 * Limit prices as practised: start at the midpoint rounded to the contract's increment (down for a
 * buy, up for a sell, so rounding never gives the spread away), then step toward the natural side
 * (the ask for a buy, the bid for a sell) in bounded steps, never past the leg's worst price.
 */
public final class LimitPricer {
    public static final LimitPricer DEFAULT = new LimitPricer();

    /** The first limit, or null when the quote has no usable midpoint. */
    public BigDecimal initialLimit(ProposalLeg leg, Quote quote, MarketRule rule) {
        if (quote == null || !quote.hasBidAndAsk() || quote.isCrossed()) {
            return null;
        }
        BigDecimal mid = rule.round(quote.mid(), leg.side() == OrderSide.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING);
        return clamp(leg, positive(mid, rule), rule);
    }

    /**
     * The next limit after {@code current} went unfilled, with {@code stepsLeft} re-prices remaining:
     * an equal share of the distance to the nearer of the worst price and the natural side, at least
     * one increment. Equal to {@code current} when there is nowhere left to go.
     */
    public BigDecimal nextLimit(ProposalLeg leg, BigDecimal current, Quote quote, MarketRule rule, int stepsLeft) {
        BigDecimal target = worstOnTick(leg, rule);
        if (quote != null && quote.hasBidAndAsk() && !quote.isCrossed()) {
            BigDecimal natural = BigDecimal.valueOf(leg.side() == OrderSide.BUY ? quote.ask() : quote.bid());
            target = leg.side() == OrderSide.BUY ? target.min(natural) : target.max(natural);
        }
        BigDecimal distance = target.subtract(current).abs();
        if (leg.side() == OrderSide.BUY ? target.compareTo(current) <= 0 : target.compareTo(current) >= 0) {
            return current;
        }
        BigDecimal inc = BigDecimal.valueOf(rule.incrementAt(current.doubleValue()));
        BigDecimal step = distance.divide(BigDecimal.valueOf(Math.max(1, stepsLeft)), 8, RoundingMode.HALF_UP).max(inc);
        BigDecimal raw = leg.side() == OrderSide.BUY ? current.add(step) : current.subtract(step);
        BigDecimal onTick = rule.round(raw.doubleValue(), leg.side() == OrderSide.BUY ? RoundingMode.CEILING
                : RoundingMode.FLOOR);
        BigDecimal bounded = leg.side() == OrderSide.BUY ? onTick.min(target) : onTick.max(target);
        return clamp(leg, bounded, rule);
    }

    /** The worst price rounded inward onto the tick grid. */
    static BigDecimal worstOnTick(ProposalLeg leg, MarketRule rule) {
        return rule.round(leg.worstPrice().doubleValue(), leg.side() == OrderSide.BUY ? RoundingMode.FLOOR
                : RoundingMode.CEILING);
    }

    private static BigDecimal clamp(ProposalLeg leg, BigDecimal price, MarketRule rule) {
        BigDecimal worst = worstOnTick(leg, rule);
        BigDecimal p = leg.side() == OrderSide.BUY ? price.min(worst) : price.max(worst);
        return p.stripTrailingZeros();
    }

    private static BigDecimal positive(BigDecimal price, MarketRule rule) {
        return price.signum() > 0 ? price : BigDecimal.valueOf(rule.incrementAt(0));
    }
}
