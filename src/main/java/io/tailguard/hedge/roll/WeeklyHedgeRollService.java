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
import io.tailguard.hedge.IvRegime;
import io.tailguard.hedge.IvRegimeConfig;
import io.tailguard.hedge.IvRegimeRules;
import io.tailguard.hedge.QuotedStrike;
import io.tailguard.hedge.RollTiming;
import io.tailguard.hedge.RollTolerance;
import io.tailguard.hedge.SearchBounds;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.orders.Proposal;
import io.tailguard.pricing.montecarlo.JointScenarios;
import io.tailguard.domain.TradingCalendar;
import io.tailguard.signals.HoldState;
import io.tailguard.signals.Outcome;
import io.tailguard.signals.SignalSnapshot;
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
 * UPRO call chain when the regime allows calls), reads the IV regime and the hold/out signal, runs the
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
        HoldRead hold = holdOut();
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
        double atmIv = atmIv(putChain, xspSpot, xsp, warnings);
        IvRegimeRules rules = new IvRegimeRules(config.regimes());
        IvRegime regime = rules.classify(atmIv, recentIv(xsp, warnings));
        IvRegimeConfig.RegimeAllowance allowance = rules.allowance(regime);
        boolean calls = hold.state == HoldState.HOLD && config.search().shortCallsAllowed() && allowance.shortCalls()
                && shares >= 100;
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

        long analysedShares = shares > 0 ? shares
                : (long) Math.floor(config.commitment() * account.netLiquidation().doubleValue() / uproSpot);
        if (shares <= 0) {
            warnings.add("no " + upro.symbol() + " held: analysed the target position of " + analysedShares
                    + " shares (" + config.commitment() + " of net liquidation)");
        }
        ProposalBuilder builder = new ProposalBuilder(config, clock, putChain, callContracts, broker);
        if (hold.state == HoldState.OUT) {
            Optional<Proposal> divest = builder.divest(shares, shortCalls, hold.source);
            String report = RollReport.out(config, analysisDate, executionDate, hold.source, shares, regime, atmIv);
            long t3 = System.nanoTime();
            return new RollAnalysis(analysisDate, executionDate, shares, account.netLiquidation().doubleValue(),
                    hold.state, hold.source, regime, market, Optional.empty(), Optional.empty(), divest, report,
                    warnings, new RollAnalysis.StageTimes(ms(t0, t1), ms(t1, t2), 0, ms(t2, t3), 0));
        }
        RollTolerance tolerance = new RollTolerance(config.lossTolerance().fractionOfPosition(),
                analysedShares * uproSpot, allowance.toleranceScale());
        double toleranceUsd = tolerance.usd();
        SearchBounds bounds = bounds(analysedShares, shares, market, allowance, calls);
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
            proposal = builder.hedge(optimization, tolerance, shortCalls, uproSpot, executionDate, expiry, hold.source,
                    regime, atmIv);
        } else {
            warnings.add("no proposal: there are no shares to hedge");
        }
        String report = RollReport.hedge(config, analysisDate, executionDate, hold.source, regime, atmIv, market,
                analysedShares, optimization, tolerance, extras, warnings);
        return new RollAnalysis(analysisDate, executionDate, shares, account.netLiquidation().doubleValue(), hold.state,
                hold.source, regime, market, Optional.of(optimization), Optional.of(tolerance), proposal, report,
                warnings, new RollAnalysis.StageTimes(ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t4, t5)));
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

    private record HoldRead(HoldState state, String source) {
    }

    private HoldRead holdOut() {
        WeeklyHedgeConfig.RiskAssessment ra = config.riskAssessment();
        HoldState fallback = ra.fallback() == WeeklyHedgeConfig.HoldFallback.OUT ? HoldState.OUT : HoldState.HOLD;
        if (ra.source() == WeeklyHedgeConfig.RiskSource.CONFIGURED) {
            return new HoldRead(fallback, "configured " + fallback + " (riskAssessment.source: configured)");
        }
        Optional<SignalSnapshot> latest = signals.latest();
        if (latest.isEmpty()) {
            return new HoldRead(fallback, "configured fallback " + fallback + " (no stored signal snapshot)");
        }
        Outcome<HoldState> h = latest.get().holdOut();
        if (h instanceof Outcome.Known<HoldState> known) {
            return new HoldRead(known.value(), "signal snapshot of " + latest.get().asOf());
        }
        return new HoldRead(fallback, "configured fallback " + fallback + " (signal snapshot of "
                + latest.get().asOf() + " has hold/out unknown: " + h.reasonOrEmpty() + ")");
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

    private double atmIv(OptionChain chain, double spot, Contract xsp, List<String> warnings) {
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
        List<Double> history = recentIv(xsp, warnings);
        if (!history.isEmpty()) {
            warnings.add("no implied vol on the chain: used the broker's daily IV");
            return history.get(history.size() - 1);
        }
        throw new IllegalStateException("no XSP implied volatility on the chain nor from the broker");
    }

    private List<Double> recentIv(Contract xsp, List<String> warnings) {
        try {
            return broker.dailyImpliedVolatility(xsp, config.regimes().fallingLookbackDays() + 1).stream()
                    .map(DailyBar::close).filter(v -> v > 0).toList();
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
