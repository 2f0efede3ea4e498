package io.tailguard.hedge.roll;

import io.tailguard.broker.Broker;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionChain;
import io.tailguard.domain.OptionQuote;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import io.tailguard.hedge.HedgeDecision;
import io.tailguard.hedge.HedgeOptimization;
import io.tailguard.hedge.RollTolerance;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.PriceBounds;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalIds;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.ProposalState;
import io.tailguard.pricing.PutCall;
import io.tailguard.pricing.montecarlo.HedgeUnderlying;
import io.tailguard.pricing.montecarlo.OptionLeg;
import io.tailguard.pricing.montecarlo.PnlStatistics;
import io.tailguard.pricing.montecarlo.StructureStatistics;
import io.tailguard.signals.VolatilityRegime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the optimizer's pick into an orders {@link Proposal}: buy XSP puts (risk-reducing), sell covered
 * UPRO calls, buy back in-the-money short calls before they expire, or, when the signal says OUT, sell the
 * UPRO (closing its short calls first) and no hedge. Limits start at the mid; the worst price is the
 * conservative end of the spread the evaluation used (ask for a buy, bid for a sell).
 */
public final class ProposalBuilder {
    /** The strategy name on every proposal this builder makes; the ledger opens a cycle for each that executes. */
    public static final String STRATEGY = "weekly-xsp-hedge";
    /**
     * The prefix of the roll's proposal ids: {@code H-20261203-201300-3fa}, New York date and time like a
     * trader's {@code P-...}. Ids of earlier releases ({@code H20261204-011300}, UTC) stay as stored.
     */
    static final String ID_PREFIX = "H";

    private final WeeklyHedgeConfig config;
    private final Clock clock;
    private final OptionChain putChain;
    private final Map<Double, Contract> callContracts;
    private final Broker broker;

    ProposalBuilder(WeeklyHedgeConfig config, Clock clock, OptionChain putChain, Map<Double, Contract> callContracts,
            Broker broker) {
        this.config = config;
        this.clock = clock;
        this.putChain = putChain;
        this.callContracts = callContracts;
        this.broker = broker;
    }

    Optional<Proposal> hedge(HedgeOptimization optimization, RollTolerance tolerance, List<Position> shortCalls,
            double uproSpot, LocalDate executionDate, LocalDate newExpiry, RollSignals signals, PositionTarget position,
            double atmIv) {
        Instant now = clock.instant();
        String id = ProposalIds.next(ID_PREFIX, now);
        List<ProposalLeg> legs = new ArrayList<>(buyBacks(id, shortCalls, uproSpot, newExpiry));
        String holdSource = signals.holdOut().source();
        VolatilityRegime regime = signals.regime().value();
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("signals", brief(signals.freshness().describe()));
        metrics.put("hold_out_source", brief(holdSource));
        metrics.put("regime", regime.name());
        metrics.put("regime_source", brief(signals.regime().source()));
        metrics.put("hedge_intensity", brief(signals.intensity().value() + " (" + signals.intensity().source() + ")"));
        metrics.put("exposure", brief(position.describe(config.underlying().symbol(),
                signals.exposureMultiplier().source())));
        metrics.put("expiry", newExpiry.toString());
        metrics.put("execution_date", executionDate.toString());
        metrics.put("tolerance_usd", fmt(optimization.toleranceUsd()) + " " + optimization.measure() + " ("
                + RollReport.fraction(tolerance, regime) + ")");
        metrics.put("candidates", Integer.toString(optimization.candidateCount()));
        metrics.put("paths", Integer.toString(optimization.scenarios().pathCount()));
        metrics.put("seed", Long.toString(optimization.scenarios().spec().seed()));
        String rationale;
        if (optimization.decision() instanceof HedgeDecision.Chosen chosen) {
            StructureStatistics s = chosen.best();
            int n = legs.size();
            for (OptionLeg leg : s.structure().legs()) {
                legs.add(leg.underlying() == HedgeUnderlying.XSP ? putLeg(id + "-L" + (++n), leg)
                        : callLeg(id + "-L" + (++n), leg, callExpiryOf(leg)));
            }
            putStats(metrics, "hedged", s.hedged());
            putStats(metrics, "unhedged", s.unhedged());
            rationale = "Weekly XSP hedge to " + newExpiry + ": " + describe(s) + ". Expected "
                    + fmt(s.hedged().expected()) + " USD vs " + fmt(s.unhedged().expected()) + " unhedged; "
                    + optimization.measure() + " loss " + fmt(-optimization.measure().of(s.hedged())) + " vs "
                    + fmt(-optimization.measure().of(s.unhedged())) + " unhedged (tolerance "
                    + fmt(optimization.toleranceUsd()) + "). Regime " + regime + "; hold/out from " + holdSource
                    + "." + sale(position) + " Legs priced at the conservative end of the spread.";
        } else {
            HedgeDecision.NoFeasibleHedge none = (HedgeDecision.NoFeasibleHedge) optimization.decision();
            RollTolerance feasible = tolerance.covering(none.feasibleToleranceUsd());
            metrics.put("no_feasible_hedge", none.reason());
            metrics.put("feasible_tolerance", RollReport.basisPoints(feasible.fractionOfPosition()) + " of the position ("
                    + fmt(feasible.usd()) + " USD " + optimization.measure() + ")");
            rationale = "No feasible hedge: " + none.reason() + "; feasible from a loss tolerance of "
                    + RollReport.fraction(feasible, regime) + ". Only the buy-backs are proposed." + sale(position);
        }
        if (position.sell() > 0) {
            legs.add(0, sellShares(id + "-T1", position.sell()));
        }
        if (legs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Proposal(id, ProposalState.PROPOSED, STRATEGY, cap(rationale), metrics, legs, now,
                Proposal.BY_DAEMON, null));
    }

    Optional<Proposal> divest(long shares, List<Position> shortCalls, String holdSource) {
        Instant now = clock.instant();
        String id = ProposalIds.next(ID_PREFIX, now);
        List<ProposalLeg> legs = new ArrayList<>();
        int n = 0;
        for (Position call : shortCalls) {
            Quote q = broker.snapshot(call.contract());
            legs.add(buy(id + "-L" + (++n), call.contract(), call.quantity().abs().intValue(), q,
                    LegIntent.CLOSE_POSITION));
        }
        if (shares > 0) {
            legs.add(sellShares(id + "-L" + (++n), shares));
        }
        if (legs.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("hold_out", "OUT");
        metrics.put("hold_out_source", holdSource);
        return Optional.of(new Proposal(id, ProposalState.PROPOSED, STRATEGY,
                "Risk assessment says OUT (" + holdSource + "): sell the " + config.underlying().symbol()
                        + ", close its short calls, no hedge this week.", metrics, legs, now, Proposal.BY_DAEMON, null));
    }

    /** Selling shares of the underlying at the mid, no worse than 2% under the bid. */
    private ProposalLeg sellShares(String legId, long shares) {
        Contract upro = Contract.stock(config.underlying().symbol());
        Quote q = broker.snapshot(upro);
        BigDecimal limit = price(q.mid());
        BigDecimal worst = price(q.bid() * 0.98);
        return new ProposalLeg(legId, upro, OrderSide.SELL, Math.toIntExact(shares), limit, worst,
                new PriceBounds(price(q.bid() * 0.9), price(q.ask() * 2)), LegIntent.SELL_UNDERLYING);
    }

    /** " Sell 1100 UPRO towards the target of 2880 (exposure multiplier 0.75 from ...)." or nothing. */
    private String sale(PositionTarget position) {
        return position.sell() == 0 ? "" : String.format(Locale.ROOT, " Sell %d %s towards the target of %d (exposure "
                + "multiplier %.2f); the hedge covers the %d kept.", position.sell(), config.underlying().symbol(),
                position.target(), position.multiplier(), position.kept());
    }

    /** Short UPRO calls in the money that expire before the new week ends, unless assignment is wanted. */
    private List<ProposalLeg> buyBacks(String id, List<Position> shortCalls, double uproSpot, LocalDate newExpiry) {
        List<ProposalLeg> legs = new ArrayList<>();
        if (!config.schedule().buyBackInTheMoneyCalls()) {
            return legs;
        }
        int n = 0;
        for (Position p : shortCalls) {
            Contract c = p.contract();
            if (c.expiry() != null && !c.expiry().isAfter(newExpiry) && c.strike().doubleValue() < uproSpot) {
                Quote q = broker.snapshot(c);
                legs.add(buy(id + "-B" + (++n), c, p.quantity().abs().intValue(), q, LegIntent.CLOSE_POSITION));
            }
        }
        return legs;
    }

    private ProposalLeg buy(String legId, Contract c, int qty, Quote q, LegIntent intent) {
        double ask = q.hasBidAndAsk() ? q.ask() : q.last();
        BigDecimal limit = price(q.hasBidAndAsk() ? q.mid() : ask);
        BigDecimal worst = price(ask * 1.05).max(limit);
        return new ProposalLeg(legId, c, OrderSide.BUY, qty, limit, worst, new PriceBounds(BigDecimal.ZERO,
                worst.multiply(BigDecimal.valueOf(2))), intent);
    }

    private ProposalLeg putLeg(String legId, OptionLeg leg) {
        OptionQuote q = putChain.options().stream()
                .filter(o -> o.contract().strike().doubleValue() == leg.strike()).findFirst().orElseThrow();
        BigDecimal limit = price(q.quote().mid());
        BigDecimal worst = price(q.quote().ask()).max(limit);
        return new ProposalLeg(legId, q.contract(), OrderSide.BUY, leg.contracts(), limit, worst,
                new PriceBounds(BigDecimal.ZERO, worst), LegIntent.BUY_PROTECTION);
    }

    private ProposalLeg callLeg(String legId, OptionLeg leg, Contract contract) {
        BigDecimal worst = price(leg.premiumPerShare());
        Quote q = broker.snapshot(contract);
        BigDecimal limit = price(q.hasBidAndAsk() ? q.mid() : leg.premiumPerShare()).max(worst);
        return new ProposalLeg(legId, contract, OrderSide.SELL, -leg.contracts(), limit, worst,
                new PriceBounds(price(leg.premiumPerShare() * 0.8), limit.multiply(BigDecimal.TEN)),
                LegIntent.OPEN_SHORT_CALL);
    }

    private Contract callExpiryOf(OptionLeg leg) {
        Contract c = callContracts.get(leg.strike());
        if (c == null) {
            throw new IllegalStateException("no UPRO call contract at " + leg.strike());
        }
        return c;
    }

    static void putStats(Map<String, String> metrics, String prefix, PnlStatistics s) {
        metrics.put(prefix + "_expected_usd", fmt(s.expected()));
        metrics.put(prefix + "_p5_usd", fmt(s.percentile5()));
        metrics.put(prefix + "_cvar5_usd", fmt(s.cvar5()));
        metrics.put(prefix + "_worst_usd", fmt(s.worst()));
        metrics.put(prefix + "_win_ratio", String.format(Locale.ROOT, "%.3f", s.winRatio()));
    }

    /** "buy 16 XSP 585P @ 5.30 + sell 10 UPRO 79C @ 1.75", or "no options (4000 shares unhedged)". */
    public static String describe(StructureStatistics s) {
        if (s.structure().legs().isEmpty()) {
            return "no options (" + s.structure().uproShares() + " shares unhedged)";
        }
        List<String> parts = new ArrayList<>();
        for (OptionLeg l : s.structure().legs()) {
            parts.add((l.isShort() ? "sell " : "buy ") + Math.abs(l.contracts()) + " " + l.underlying() + " "
                    + fmtStrike(l.strike()) + (l.right() == PutCall.PUT ? "P" : "C") + " @ "
                    + String.format(Locale.ROOT, "%.2f", l.premiumPerShare()));
        }
        return String.join(" + ", parts);
    }

    static String fmtStrike(double k) {
        return k == Math.rint(k) ? Long.toString((long) k) : String.format(Locale.ROOT, "%.1f", k);
    }

    static String fmt(double usd) {
        return String.format(Locale.ROOT, "%.0f", usd);
    }

    private static BigDecimal price(double p) {
        return BigDecimal.valueOf(Math.max(p, 0.01)).setScale(2, RoundingMode.HALF_UP);
    }

    /** The metrics are stored together in 4,000 characters: a snapshot's reason for an unknown value may be long. */
    private static String brief(String s) {
        return s.length() <= 300 ? s : s.substring(0, 297) + "...";
    }

    private static String cap(String s) {
        return s.length() <= 3900 ? s : s.substring(0, 3900);
    }
}
