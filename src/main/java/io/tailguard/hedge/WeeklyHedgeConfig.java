package io.tailguard.hedge;

import io.tailguard.config.Require;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The weekly XSP put / UPRO short-call hedge, as configured in {@code strategies/weekly-xsp-hedge.yaml}.
 * Bound by the app layer; every record validates itself and names the bad field.
 *
 * @param commitment fraction of the portfolio (net liquidation) held in the underlying, e.g. 0.30
 */
public record WeeklyHedgeConfig(
        String strategy,
        Underlying underlying,
        HedgeInstrument hedgeInstrument,
        double commitment,
        LossTolerance lossTolerance,
        IvRegimeConfig regimes,
        SearchConfig search,
        SimulationConfig simulation,
        TenorConfig tenor,
        RollSchedule schedule,
        RiskAssessment riskAssessment,
        SignalUse signals,
        ApprovalPolicyConfig approval,
        Limits limits) {

    public WeeklyHedgeConfig {
        strategy = strategy == null ? "weekly-xsp-hedge" : strategy;
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(hedgeInstrument, "hedgeInstrument");
        if (!(commitment > 0 && commitment <= 1)) {
            throw new IllegalArgumentException("commitment: must be in (0, 1], was " + commitment);
        }
        Objects.requireNonNull(lossTolerance, "lossTolerance");
        Objects.requireNonNull(regimes, "regimes");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(simulation, "simulation");
        Objects.requireNonNull(tenor, "tenor");
        Objects.requireNonNull(schedule, "schedule");
        riskAssessment = riskAssessment == null ? new RiskAssessment(RiskSource.SIGNALS, HoldFallback.HOLD) : riskAssessment;
        signals = signals == null ? SignalUse.DEFAULT : signals;
        approval = approval == null ? new ApprovalPolicyConfig(false) : approval;
        Objects.requireNonNull(limits, "limits");
    }

    public WeeklyHedgeConfig withSearch(SearchConfig s) {
        return new WeeklyHedgeConfig(strategy, underlying, hedgeInstrument, commitment, lossTolerance, regimes, s,
                simulation, tenor, schedule, riskAssessment, signals, approval, limits);
    }

    public WeeklyHedgeConfig withSimulation(SimulationConfig s) {
        return new WeeklyHedgeConfig(strategy, underlying, hedgeInstrument, commitment, lossTolerance, regimes, search,
                s, tenor, schedule, riskAssessment, signals, approval, limits);
    }

    public WeeklyHedgeConfig withLimits(Limits l) {
        return new WeeklyHedgeConfig(strategy, underlying, hedgeInstrument, commitment, lossTolerance, regimes, search,
                simulation, tenor, schedule, riskAssessment, signals, approval, l);
    }

    public WeeklyHedgeConfig withLossTolerance(LossTolerance t) {
        return new WeeklyHedgeConfig(strategy, underlying, hedgeInstrument, commitment, t, regimes, search,
                simulation, tenor, schedule, riskAssessment, signals, approval, limits);
    }

    public WeeklyHedgeConfig withSignals(SignalUse u) {
        return new WeeklyHedgeConfig(strategy, underlying, hedgeInstrument, commitment, lossTolerance, regimes, search,
                simulation, tenor, schedule, riskAssessment, u, approval, limits);
    }

    public WeeklyHedgeConfig withRiskAssessment(RiskAssessment r) {
        return new WeeklyHedgeConfig(strategy, underlying, hedgeInstrument, commitment, lossTolerance, regimes, search,
                simulation, tenor, schedule, r, signals, approval, limits);
    }

    /** The leveraged ETF that is held and hedged. */
    public record Underlying(String symbol, double leverage, double annualDrag) {
        public Underlying {
            Require.text(symbol, "underlying.symbol");
            if (!(leverage >= 1 && leverage <= 5)) {
                throw new IllegalArgumentException("underlying.leverage: must be in [1, 5], was " + leverage);
            }
            if (!(annualDrag >= 0 && annualDrag < 0.2)) {
                throw new IllegalArgumentException("underlying.annualDrag: must be in [0, 0.2), was " + annualDrag);
            }
        }
    }

    /** The index option used for the puts: XSP, trading class XSP, multiplier 100, on the CBOE index. */
    public record HedgeInstrument(String symbol, String tradingClass, int multiplier, String indexExchange) {
        public HedgeInstrument {
            Require.text(symbol, "hedgeInstrument.symbol");
            Require.text(tradingClass, "hedgeInstrument.tradingClass");
            if (multiplier != 100) {
                throw new IllegalArgumentException("hedgeInstrument.multiplier: the Monte Carlo engine assumes 100, was "
                        + multiplier);
            }
            indexExchange = indexExchange == null ? "CBOE" : indexExchange;
        }
    }

    /** How large a weekly loss is tolerated, and how the loss is measured on the simulated distribution. */
    public record LossTolerance(double fractionOfPosition, LossMeasure measure) {
        public LossTolerance {
            if (!(fractionOfPosition > 0 && fractionOfPosition < 1)) {
                throw new IllegalArgumentException("lossTolerance.fractionOfPosition: must be in (0, 1), was "
                        + fractionOfPosition);
            }
            Objects.requireNonNull(measure, "lossTolerance.measure");
        }
    }

    /** Where the put and call strikes and counts are searched. */
    public record SearchConfig(
            double putMoneynessMin, double putMoneynessMax, double maxHedgeRatio, int maxPutCounts,
            boolean shortCallsAllowed, double callMoneynessMin, double callMoneynessMax, int callCountSteps,
            int callStagePuts, double chainWidthFraction) {
        public SearchConfig {
            if (!(putMoneynessMin > 0.5 && putMoneynessMin < putMoneynessMax && putMoneynessMax <= 1.2)) {
                throw new IllegalArgumentException("search.putMoneynessMin/Max: need 0.5 < min < max <= 1.2, were "
                        + putMoneynessMin + ", " + putMoneynessMax);
            }
            if (!(maxHedgeRatio > 0 && maxHedgeRatio <= 5)) {
                throw new IllegalArgumentException("search.maxHedgeRatio: must be in (0, 5], was " + maxHedgeRatio);
            }
            if (maxPutCounts < 1) {
                throw new IllegalArgumentException("search.maxPutCounts: must be >= 1, was " + maxPutCounts);
            }
            if (shortCallsAllowed && !(callMoneynessMin >= 1.0 && callMoneynessMin < callMoneynessMax)) {
                throw new IllegalArgumentException("search.callMoneynessMin/Max: need 1 <= min < max, were "
                        + callMoneynessMin + ", " + callMoneynessMax);
            }
            if (callCountSteps < 1 || callStagePuts < 1) {
                throw new IllegalArgumentException("search.callCountSteps and search.callStagePuts: must be >= 1");
            }
            if (!(chainWidthFraction > 0 && chainWidthFraction <= 0.5)) {
                throw new IllegalArgumentException("search.chainWidthFraction: must be in (0, 0.5], was "
                        + chainWidthFraction);
            }
        }

        public SearchConfig withMaxPutCounts(int n) {
            return new SearchConfig(putMoneynessMin, putMoneynessMax, maxHedgeRatio, n, shortCallsAllowed,
                    callMoneynessMin, callMoneynessMax, callCountSteps, callStagePuts, chainWidthFraction);
        }

        public SearchConfig withShortCallsAllowed(boolean allowed) {
            return new SearchConfig(putMoneynessMin, putMoneynessMax, maxHedgeRatio, maxPutCounts, allowed,
                    callMoneynessMin, callMoneynessMax, callCountSteps, callStagePuts, chainWidthFraction);
        }
    }

    /**
     * The weekly return model: Student-t daily index returns with the XSP at-the-money implied volatility
     * times {@code volatilityMultiplier}, and a real-world drift (expected gain needs one).
     */
    public record SimulationConfig(int paths, long seed, double degreesOfFreedom, double volatilityMultiplier,
            double annualDrift, double commissionPerContractUsd) {
        public SimulationConfig {
            if (paths < 1000) {
                throw new IllegalArgumentException("simulation.paths: must be >= 1000, was " + paths);
            }
            if (!(degreesOfFreedom > 2)) {
                throw new IllegalArgumentException("simulation.degreesOfFreedom: must exceed 2, was " + degreesOfFreedom);
            }
            if (!(volatilityMultiplier > 0 && volatilityMultiplier <= 5)) {
                throw new IllegalArgumentException("simulation.volatilityMultiplier: must be in (0, 5], was "
                        + volatilityMultiplier);
            }
            if (!(Math.abs(annualDrift) < 1)) {
                throw new IllegalArgumentException("simulation.annualDrift: must be in (-1, 1), was " + annualDrift);
            }
            if (!(commissionPerContractUsd >= 0)) {
                throw new IllegalArgumentException("simulation.commissionPerContractUsd: must be >= 0");
            }
        }

        public SimulationConfig withPaths(int n) {
            return new SimulationConfig(n, seed, degreesOfFreedom, volatilityMultiplier, annualDrift,
                    commissionPerContractUsd);
        }
    }

    /**
     * The tenor rule: the first listed expiry at least {@code minTradingDays} sessions after the analysis
     * date (sessions in (analysis, expiry]); {@code comparisonMinTradingDays} is the longer tenor shown beside it.
     */
    public record TenorConfig(int minTradingDays, int comparisonMinTradingDays) {
        public TenorConfig {
            if (minTradingDays < 1 || minTradingDays > 30) {
                throw new IllegalArgumentException("tenor.minTradingDays: must be in [1, 30], was " + minTradingDays);
            }
            if (comparisonMinTradingDays <= minTradingDays) {
                throw new IllegalArgumentException("tenor.comparisonMinTradingDays: must exceed minTradingDays");
            }
        }
    }

    /**
     * When the roll runs, as Quartz cron expressions in {@code zone}: the analysis after Thursday's close
     * and the execution on Friday morning. {@code buyBackInTheMoneyCalls}: before expiry, propose to buy back
     * short UPRO calls that are in the money (false = let them be assigned).
     */
    public record RollSchedule(String analysisCron, String executionCron, DayOfWeek analysisDay,
            DayOfWeek executionDay, ZoneId zone, boolean buyBackInTheMoneyCalls) {
        public RollSchedule {
            Require.text(analysisCron, "schedule.analysisCron");
            Require.text(executionCron, "schedule.executionCron");
            analysisDay = analysisDay == null ? DayOfWeek.THURSDAY : analysisDay;
            executionDay = executionDay == null ? DayOfWeek.FRIDAY : executionDay;
            zone = zone == null ? ZoneId.of("America/New_York") : zone;
        }
    }

    /**
     * Where the hold/out decision comes from: a fresh stored signal snapshot ({@code signals.maxAgeSessions}), else
     * the fallback (also when the snapshot's hold/out is unknown).
     */
    public record RiskAssessment(RiskSource source, HoldFallback fallback) {
        public RiskAssessment {
            Objects.requireNonNull(source, "riskAssessment.source");
            Objects.requireNonNull(fallback, "riskAssessment.fallback");
        }
    }

    public enum RiskSource { SIGNALS, CONFIGURED }

    /**
     * What the roll takes from the latest stored signal snapshot besides hold/out ({@code signals:}). A snapshot is
     * fresh when it describes the analysis close or one of the {@code maxAgeSessions} sessions before it (1 by
     * default: the daily signal run and the Thursday roll both fire after the close, in either order); a snapshot of
     * a later session than the analysis is never used (it knew what the analysis could not). A stale or absent
     * snapshot is not used for anything, hold/out included.
     *
     * @param regime where the volatility regime comes from: the snapshot (the live chain when it has none) or always
     *     the live chain
     * @param hedgeIntensity apply: a FULL intensity (stressed market) keeps any regime from hedging less
     * @param exposureMultiplier apply: the target position is commitment x multiplier of net liquidation, and the
     *     roll proposes selling the shares above it
     */
    public record SignalUse(Integer maxAgeSessions, RegimeSource regime, SignalApplication hedgeIntensity,
            SignalApplication exposureMultiplier) {
        public static final SignalUse DEFAULT = new SignalUse(1, RegimeSource.SIGNALS, SignalApplication.APPLY,
                SignalApplication.APPLY);

        public SignalUse {
            maxAgeSessions = maxAgeSessions == null ? 1 : maxAgeSessions;
            if (maxAgeSessions < 0 || maxAgeSessions > 20) {
                throw new IllegalArgumentException("signals.maxAgeSessions: must be in [0, 20], was " + maxAgeSessions);
            }
            regime = regime == null ? RegimeSource.SIGNALS : regime;
            hedgeIntensity = hedgeIntensity == null ? SignalApplication.APPLY : hedgeIntensity;
            exposureMultiplier = exposureMultiplier == null ? SignalApplication.APPLY : exposureMultiplier;
        }
    }

    /** Where the roll's volatility regime comes from. */
    public enum RegimeSource {
        /** The fresh snapshot's regime; classified from the live chain when there is none or it is unknown. */
        SIGNALS,
        /** Always classified from the live chain's at-the-money IV (by the same rule). */
        CHAIN
    }

    public enum SignalApplication { APPLY, IGNORE }

    public enum HoldFallback { HOLD, OUT }

    /** {@code autoApproveWithinLimits}: the orders service may auto-approve risk-reducing legs (puts). */
    public record ApprovalPolicyConfig(boolean autoApproveWithinLimits) {
    }

    /** Hard limits on a single roll. */
    public record Limits(int maxPutContracts, double maxPremiumUsd, double maxCallCoverFraction) {
        public Limits {
            if (maxPutContracts < 1) {
                throw new IllegalArgumentException("limits.maxPutContracts: must be >= 1, was " + maxPutContracts);
            }
            if (!(maxPremiumUsd > 0)) {
                throw new IllegalArgumentException("limits.maxPremiumUsd: must be > 0, was " + maxPremiumUsd);
            }
            if (!(maxCallCoverFraction >= 0 && maxCallCoverFraction <= 1)) {
                throw new IllegalArgumentException("limits.maxCallCoverFraction: must be in [0, 1], was "
                        + maxCallCoverFraction);
            }
        }
    }

}
