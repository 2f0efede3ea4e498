package io.tailguard.hedge.roll;

import io.tailguard.broker.Broker;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.ChainRequest;
import io.tailguard.broker.ListedExpiries;
import io.tailguard.domain.AccountSummary;
import io.tailguard.domain.Contract;
import io.tailguard.domain.DailyBar;
import io.tailguard.domain.OptionChain;
import io.tailguard.domain.OptionQuote;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.Position;
import io.tailguard.domain.SecurityType;
import io.tailguard.hedge.ExpirySelector;
import io.tailguard.hedge.HedgeDecision;
import io.tailguard.hedge.HedgeMarket;
import io.tailguard.hedge.HedgeOptimization;
import io.tailguard.hedge.HedgeOptimizer;
import io.tailguard.hedge.IvRegimeConfig;
import io.tailguard.hedge.QuotedStrike;
import io.tailguard.hedge.RollTiming;
import io.tailguard.hedge.RollTolerance;
import io.tailguard.hedge.SearchBounds;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.proposal.Proposal;
import io.tailguard.pricing.montecarlo.JointScenarios;
import io.tailguard.domain.TradingCalendar;
import io.tailguard.signals.HedgeIntensity;
import io.tailguard.signals.HoldState;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The weekly roll: reads positions and cash, pulls the XSP put chain for the target expiry (and the
 * UPRO call chain when the regime allows calls), takes hold/out, the volatility regime, the hedge intensity and
 * the exposure multiplier from the latest signal snapshot as the strategy says ({@link RollSignals}), runs the
 * optimizer on one set of paths, and builds the proposal with the report the trader decides on.
 * {@link #roll} hands the proposal to the {@link ProposalSink}; {@link #preview} does not.
 */
public final class WeeklyHedgeRollService implements ScheduledRoll {
    private final Clock clock;
    private final Broker broker;
    private final SignalsReader signals;
    private final ProposalSink sink;
    private final TradingCalendar calendar;
    private final WeeklyHedgeConfig config;
    private final HedgeOptimizer optimizer = new HedgeOptimizer();

    public WeeklyHedgeRollService(Clock clock, Broker broker, SignalsReader signals, ProposalSink sink,
            TradingCalendar calendar, WeeklyHedgeConfig config) {
        this.clock = clock;
        this.broker = broker;
        this.signals = signals;
        this.sink = sink;
        this.calendar = calendar;
        this.config = config;
    }

    /** What the scheduled fire does: decides with the calendar, then rolls (and stores) or skips. */
    @Override
    public RollOutcome rollOnSchedule() {
        LocalDate today = LocalDate.now(clock.withZone(config.schedule().zone()));
        RollTiming timing = RollTiming.forFire(today, config.schedule().analysisDay(), config.schedule().executionDay(),
                calendar);
        if (timing instanceof RollTiming.Skip skip) {
            return new RollOutcome.Skipped(skip.reason());
        }
        RollTiming.Run run = (RollTiming.Run) timing;
        RollAnalysis analysis = roll(run.analysisDate(), run.executionDate(), true);
        return new RollOutcome.Rolled("roll for " + analysis.executionDate() + (run.note().isEmpty() ? "" : " ("
                + run.note() + ")") + ": " + analysis.proposal().map(p -> "proposal " + p.id() + " with "
                + p.legs().size() + " legs").orElse("nothing to propose"));
    }

    /** Analyses as of today (or the last session) and stores the proposal, if there is one. */
    public RollAnalysis roll(LocalDate analysisDate, LocalDate executionDate, boolean withAnalyses) {
        RollAnalysis analysis = analyze(analysisDate, executionDate, withAnalyses);
        analysis.proposal().ifPresent(sink::submit);
        return analysis;
    }

    /** {@code tailguard hedge preview}: the analysis on the latest close, at any hour; nothing stored. */
    public RollAnalysis preview(boolean withAnalyses) {
        RollTiming.Run now = latestClose();
        return analyze(now.analysisDate(), now.executionDate(), withAnalyses);
    }

    /** {@code tailguard hedge roll}: the analysis on the latest close, at any hour; the proposal is stored. */
    public RollAnalysis rollNow(boolean withAnalyses) {
        RollTiming.Run now = latestClose();
        return roll(now.analysisDate(), now.executionDate(), withAnalyses);
    }

    private RollTiming.Run latestClose() {
        return RollTiming.latestClose(ZonedDateTime.now(clock.withZone(config.schedule().zone())), calendar);
    }

    public RollAnalysis analyze(LocalDate analysisDate, LocalDate executionDate, boolean withAnalyses) {
        List<String> warnings = new ArrayList<>();
        long t0 = System.nanoTime();
        Contract upro = Contract.stock(config.underlying().symbol());
        Contract xsp = Contract.index(config.hedgeInstrument().symbol(), config.hedgeInstrument().indexExchange());
        AccountSummary account = broker.accountSummary();
        List<Position> positions = broker.positions();
        long shares = positions.stream().filter(p -> p.contract().securityType() == SecurityType.STOCK
                && p.contract().symbol().equals(upro.symbol())).mapToLong(p -> p.quantity().longValue()).sum();
        List<Position> shortCalls = positions.stream().filter(p -> p.contract().isOption()
                && p.contract().symbol().equals(upro.symbol()) && p.contract().right() == OptionRight.CALL
                && p.quantity().signum() < 0).toList();
        long t1 = System.nanoTime();

        SortedSet<LocalDate> listed = ListedExpiries.of(broker, xsp, config.hedgeInstrument().tradingClass());
        ExpirySelector expiries = new ExpirySelector(calendar);
        LocalDate expiry = expiries.select(listed, analysisDate, config.tenor().minTradingDays())
                .orElseThrow(() -> new IllegalStateException("the broker lists no " + xsp.symbol() + " expiry "
                        + config.tenor().minTradingDays() + " sessions after " + analysisDate));
        OptionChain putChain = broker.optionChain(new ChainRequest(xsp, config.hedgeInstrument().tradingClass(), expiry,
                config.search().chainWidthFraction(), EnumSet.of(OptionRight.PUT), Duration.ofSeconds(60)));
        warnings.addAll(putChain.warnings());
        if (!putChain.isComplete()) {
            warnings.add(putChain.missing().size() + " XSP puts did not quote and were left out of the search");
        }
        double uproSpot = stockPrice(upro);
        double xspSpot = putChain.underlyingPrice();
        List<DailyBar> dailyIv = dailyIv(xsp, warnings);
        double atmIv = atmIv(putChain, xspSpot, dailyIv, warnings);
        RollSignals read = RollSignals.read(signals, config, calendar, analysisDate, atmIv, dailyIv.stream()
                .filter(b -> b.date().isBefore(analysisDate)).map(DailyBar::close).toList());
        HoldState hold = read.holdOut().value();
        IvRegimeConfig.RegimeAllowance allowance = allowance(read);
        double netLiquidation = account.netLiquidation().doubleValue();
        PositionTarget position = PositionTarget.of(shares, backing(shortCalls), config.commitment(),
                read.exposureMultiplier().value(), netLiquidation, uproSpot);
        boolean calls = hold == HoldState.HOLD && config.search().shortCallsAllowed() && allowance.shortCalls()
                && position.kept() >= 100;
        List<QuotedStrike> callQuotes = List.of();
        Map<Double, Contract> callContracts = Map.of();
        LocalDate callExpiry = null;
        if (calls) {
            SortedSet<LocalDate> uproListed = ListedExpiries.of(broker, upro, upro.symbol());
            callExpiry = uproListed.stream().filter(e -> !e.isAfter(expiry) && !e.isBefore(executionDate)).reduce(
                    (a, b) -> b).orElse(null);
            if (callExpiry == null) {
                warnings.add("no UPRO expiry on or before " + expiry + ": no covered calls this week");
            } else {
                OptionChain callChain = broker.optionChain(new ChainRequest(upro, upro.symbol(), callExpiry,
                        config.search().chainWidthFraction() * 3, EnumSet.of(OptionRight.CALL), Duration.ofSeconds(60)));
                callQuotes = quoted(callChain);
                callContracts = contracts(callChain);
            }
        }
        int days = expiries.tradingDays(analysisDate, expiry);
        HedgeMarket market = new HedgeMarket(uproSpot, xspSpot, atmIv, expiry, days, quoted(putChain), callQuotes);
        long t2 = System.nanoTime();

        long analysedShares = shares > 0 ? position.kept() : position.target();
        if (shares <= 0) {
            warnings.add("no " + upro.symbol() + " held: analysed the target position of " + analysedShares
                    + " shares (" + config.commitment() + " of net liquidation"
                    + (position.multiplier() < 1 ? String.format(java.util.Locale.ROOT, " x exposure multiplier %.2f",
                            position.multiplier()) : "") + ")");
        }
        ProposalBuilder builder = new ProposalBuilder(config, clock, putChain, callContracts, broker);
        if (hold == HoldState.OUT || analysedShares <= 0) {
            String why = hold == HoldState.OUT ? read.holdOut().source()
                    : String.format(java.util.Locale.ROOT, "exposure multiplier %.2f from %s: a target of no share",
                            position.multiplier(), read.exposureMultiplier().source());
            Optional<Proposal> divest = builder.divest(shares, shortCalls, why);
            String report = RollReport.out(config, analysisDate, executionDate, shares, read, position);
            long t3 = System.nanoTime();
            return new RollAnalysis(analysisDate, executionDate, shares, netLiquidation, HoldState.OUT, why, read,
                    position, market, Optional.empty(), Optional.empty(), divest, report,
                    warnings, new RollAnalysis.StageTimes(ms(t0, t1), ms(t1, t2), 0, ms(t2, t3), 0));
        }
        RollTolerance tolerance = new RollTolerance(config.lossTolerance().fractionOfPosition(),
                analysedShares * uproSpot, allowance.toleranceScale());
        double toleranceUsd = tolerance.usd();
        SearchBounds bounds = bounds(analysedShares, position.kept(), market, allowance, calls);
        JointScenarios scenarios = HedgeOptimizer.simulate(market, config.simulation(), config.underlying(), atmIv, days,
                false);
        long t3 = System.nanoTime();
        HedgeOptimization optimization = optimizer.optimize(analysedShares, market, scenarios, toleranceUsd,
                config.lossTolerance().measure(), bounds, config.simulation().commissionPerContractUsd());
        long t4 = System.nanoTime();
        RollReport.Extras extras = withAnalyses
                ? new SensitivityAnalyses(config, broker, optimizer, calendar).run(xsp, listed, analysisDate, expiry,
                        market, optimization, analysedShares, toleranceUsd, bounds, warnings)
                : RollReport.Extras.none();
        long t5 = System.nanoTime();
        Optional<Proposal> proposal = Optional.empty();
        if (shares > 0) {
            proposal = builder.hedge(optimization, tolerance, shortCalls, uproSpot, executionDate, expiry, read,
                    position, atmIv);
        } else {
            warnings.add("no proposal: there are no shares to hedge");
        }
        String report = RollReport.hedge(config, analysisDate, executionDate, read, position, atmIv, market,
                analysedShares, optimization, tolerance, extras, warnings);
        return new RollAnalysis(analysisDate, executionDate, shares, netLiquidation, hold, read.holdOut().source(), read,
                position, market, Optional.of(optimization), Optional.of(tolerance), proposal, report, warnings,
                new RollAnalysis.StageTimes(ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t4, t5)));
    }

    private SearchBounds bounds(long analysedShares, long heldShares, HedgeMarket market,
            IvRegimeConfig.RegimeAllowance allowance, boolean calls) {
        WeeklyHedgeConfig.SearchConfig s = config.search();
        // contracts whose index exposure matches the leveraged position: shares x UPRO x leverage / (XSP x 100)
        double fullHedge = analysedShares * market.uproSpot() * config.underlying().leverage()
                / (market.xspSpot() * config.hedgeInstrument().multiplier());
        int maxPuts = (int) Math.ceil(fullHedge * s.maxHedgeRatio() * allowance.hedgeRatioScale());
        maxPuts = Math.max(1, Math.min(maxPuts, Math.min(s.maxPutCounts(), config.limits().maxPutContracts())));
        // the stricter of the strategy's limit and the regime's: at modestly elevated IV calls cover only part
        double cover = Math.min(config.limits().maxCallCoverFraction(), allowance.maxCallCoverFraction());
        int maxCalls = calls ? (int) Math.floor(heldShares / 100.0 * cover) : 0;
        return new SearchBounds(s.putMoneynessMin(), s.putMoneynessMax(), maxPuts, s.callMoneynessMin(),
                s.callMoneynessMax(), maxCalls, s.callCountSteps(), s.callStagePuts(), config.limits().maxPremiumUsd());
    }

    /**
     * What the regime lets this roll trade. A FULL hedge intensity (a stressed market: VIX above its stress level or
     * the term structure inverted) keeps any regime from hedging less: a spike that is fading is still a spike while
     * VIX is above 30. Calls stay as the regime allows them: taking them away in stress can leave no structure within
     * the tolerance at high IV, and so no hedge at all.
     */
    private IvRegimeConfig.RegimeAllowance allowance(RollSignals read) {
        IvRegimeConfig.RegimeAllowance a = config.regimes().allowance(read.regime().value());
        return read.intensity().value() == HedgeIntensity.FULL ? a.atFullHedge() : a;
    }

    /** Shares that back the short calls held (100 per contract unless the contract says otherwise). */
    private static long backing(List<Position> shortCalls) {
        return shortCalls.stream().mapToLong(p -> p.quantity().abs().longValue()
                * (p.contract().multiplier() > 0 ? p.contract().multiplier() : 100)).sum();
    }

    private double stockPrice(Contract stock) {
        var q = broker.snapshot(stock);
        if (q.hasBidAndAsk()) {
            return q.mid();
        }
        if (q.last() > 0) {
            return q.last();
        }
        throw new BrokerException(io.tailguard.broker.BrokerErrorKind.NOT_FOUND, 0, "no price for " + stock.symbol());
    }

    private double atmIv(OptionChain chain, double spot, List<DailyBar> dailyIv, List<String> warnings) {
        OptionQuote atm = null;
        for (OptionQuote q : chain.options()) {
            double iv = q.quote().greeks().impliedVol();
            if (iv > 0 && Double.isFinite(iv) && (atm == null || Math.abs(q.contract().strike().doubleValue() - spot)
                    < Math.abs(atm.contract().strike().doubleValue() - spot))) {
                atm = q;
            }
        }
        if (atm != null) {
            return atm.quote().greeks().impliedVol();
        }
        if (!dailyIv.isEmpty()) {
            warnings.add("no implied vol on the chain: used the broker's daily IV");
            return dailyIv.get(dailyIv.size() - 1).close();
        }
        throw new IllegalStateException("no XSP implied volatility on the chain nor from the broker");
    }

    /** The broker's daily XSP IVs, oldest first: enough sessions for the regime rule's fall from a peak. */
    private List<DailyBar> dailyIv(Contract xsp, List<String> warnings) {
        try {
            return broker.dailyImpliedVolatility(xsp, signals.regimeRule().fallingLookbackDays() + 1).stream()
                    .filter(b -> b.close() > 0).toList();
        } catch (BrokerException e) {
            warnings.add("no IV history (" + e.getMessage() + "): the falling-from-high regime was not checked");
            return List.of();
        }
    }

    static List<QuotedStrike> quoted(OptionChain chain) {
        List<QuotedStrike> out = new ArrayList<>();
        for (OptionQuote q : chain.options()) {
            if (q.quote().hasBidAndAsk() && !q.quote().isCrossed()) {
                out.add(new QuotedStrike(q.contract().strike().doubleValue(), q.quote().bid(), q.quote().ask()));
            }
        }
        return out;
    }

    static Map<Double, Contract> contracts(OptionChain chain) {
        Map<Double, Contract> out = new java.util.HashMap<>();
        chain.options().forEach(q -> out.put(q.contract().strike().doubleValue(), q.contract()));
        return out;
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
