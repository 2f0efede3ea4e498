package io.tailguard.hedge.roll;

import io.tailguard.broker.Broker;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.ChainRequest;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionChain;
import io.tailguard.domain.OptionRight;
import io.tailguard.hedge.ExpirySelector;
import io.tailguard.hedge.HedgeDecision;
import io.tailguard.hedge.HedgeMarket;
import io.tailguard.hedge.HedgeOptimization;
import io.tailguard.hedge.HedgeOptimizer;
import io.tailguard.hedge.IvSensitivity;
import io.tailguard.hedge.SearchBounds;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.pricing.montecarlo.JointScenarios;
import io.tailguard.pricing.montecarlo.StructureStatistics;
import io.tailguard.domain.TradingCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/** The tenor comparison (1 vs 2 weeks, puts only) and the IV sensitivity of the chosen structure. */
final class SensitivityAnalyses {
    static final double[] IV_SCALES = {0.75, 1.0, 1.25, 1.5};

    private final WeeklyHedgeConfig config;
    private final Broker broker;
    private final HedgeOptimizer optimizer;
    private final TradingCalendar calendar;

    SensitivityAnalyses(WeeklyHedgeConfig config, Broker broker, HedgeOptimizer optimizer, TradingCalendar calendar) {
        this.config = config;
        this.broker = broker;
        this.optimizer = optimizer;
        this.calendar = calendar;
    }

    RollReport.Extras run(Contract xsp, SortedSet<LocalDate> listed, LocalDate analysisDate, LocalDate expiry,
            HedgeMarket market, HedgeOptimization weekly, long shares, double toleranceUsd, SearchBounds bounds,
            List<String> warnings) {
        List<RollReport.TenorRow> tenors = new ArrayList<>();
        tenors.add(tenorRow(expiry, market.tradingDays(), putsOnly(weekly, market, shares, toleranceUsd, bounds)));
        Optional<LocalDate> longer = new ExpirySelector(calendar).select(listed, analysisDate,
                config.tenor().comparisonMinTradingDays());
        if (longer.isPresent()) {
            try {
                OptionChain chain = broker.optionChain(new ChainRequest(xsp, config.hedgeInstrument().tradingClass(),
                        longer.get(), config.search().chainWidthFraction(), EnumSet.of(OptionRight.PUT),
                        Duration.ofSeconds(60)));
                int days = calendar.tradingDaysBetween(analysisDate, longer.get());
                HedgeMarket m2 = new HedgeMarket(market.uproSpot(), market.xspSpot(), market.xspAtmIv(), longer.get(),
                        days, WeeklyHedgeRollService.quoted(chain), List.of());
                JointScenarios sc = HedgeOptimizer.simulate(m2, config.simulation(), config.underlying(),
                        market.xspAtmIv(), days, false);
                HedgeOptimization o = optimizer.optimize(shares, m2, sc, toleranceUsd, config.lossTolerance().measure(),
                        SearchBounds.putsOnly(bounds.putMoneynessMin(), bounds.putMoneynessMax(), bounds.maxPutCount())
                        .withMaxPremiumUsd(bounds.maxPremiumUsd()),
                        config.simulation().commissionPerContractUsd());
                tenors.add(tenorRow(longer.get(), days, pick(o)));
            } catch (BrokerException e) {
                warnings.add("tenor comparison skipped: " + e.getMessage());
            }
        }
        List<IvSensitivity.Row> iv = List.of();
        StructureStatistics chosen = pick(weekly);
        if (chosen != null) {
            iv = IvSensitivity.of(chosen.structure(), market, config, IV_SCALES, toleranceUsd);
        }
        return new RollReport.Extras(tenors, iv);
    }

    private StructureStatistics putsOnly(HedgeOptimization weekly, HedgeMarket market, long shares, double tolerance,
            SearchBounds bounds) {
        if (!bounds.callsAllowed()) {
            return pick(weekly);
        }
        HedgeOptimization o = optimizer.optimize(shares, market, weekly.scenarios(), tolerance, weekly.measure(),
                SearchBounds.putsOnly(bounds.putMoneynessMin(), bounds.putMoneynessMax(), bounds.maxPutCount())
                        .withMaxPremiumUsd(bounds.maxPremiumUsd()),
                config.simulation().commissionPerContractUsd());
        return pick(o);
    }

    private static StructureStatistics pick(HedgeOptimization o) {
        return o.decision() instanceof HedgeDecision.Chosen c ? c.best()
                : ((HedgeDecision.NoFeasibleHedge) o.decision()).closest();
    }

    private static RollReport.TenorRow tenorRow(LocalDate expiry, int days, StructureStatistics s) {
        return new RollReport.TenorRow(expiry, days, s);
    }
}
