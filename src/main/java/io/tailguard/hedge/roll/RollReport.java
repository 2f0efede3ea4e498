package io.tailguard.hedge.roll;

import io.tailguard.hedge.HedgeDecision;
import io.tailguard.hedge.HedgeMarket;
import io.tailguard.hedge.HedgeOptimization;
import io.tailguard.hedge.IvSensitivity;
import io.tailguard.hedge.RollTolerance;
import io.tailguard.hedge.StrikeComparison;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.pricing.montecarlo.PnlStatistics;
import io.tailguard.pricing.montecarlo.StructureStatistics;
import io.tailguard.signals.VolatilityRegime;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The text a trader reads before approving a roll: the pick, hedged vs unhedged, and the tables behind it. */
public final class RollReport {
    private RollReport() {
    }

    /** One tenor's best puts-only structure under the same tolerance. */
    public record TenorRow(LocalDate expiry, int tradingDays, StructureStatistics stats) {
    }

    /** The extra analyses: tenor comparison and IV sensitivity. */
    public record Extras(List<TenorRow> tenors, List<IvSensitivity.Row> iv) {
        public static Extras none() {
            return new Extras(List.of(), List.of());
        }
    }

    /** The report of a roll that goes out: OUT from the risk assessment, or a target of no share at all. */
    static String out(WeeklyHedgeConfig config, LocalDate analysis, LocalDate execution, long shares,
            RollSignals signals, PositionTarget position) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "weekly XSP hedge — analysis %s, execution %s%n", analysis, execution));
        signalLines(b, config, signals, position);
        b.append(String.format(Locale.ROOT, "structure: no %s (sell %d shares), no hedge%n",
                config.underlying().symbol(), shares));
        return b.toString();
    }

    /**
     * What the roll took from the signal layers, one line each with where it came from: the snapshot (and whether it
     * was fresh), hold/out, the volatility regime, the hedge intensity and the exposure (target position).
     */
    static void signalLines(StringBuilder b, WeeklyHedgeConfig config, RollSignals s, PositionTarget position) {
        b.append("signals: ").append(s.freshness().describe()).append('\n');
        b.append(String.format(Locale.ROOT, "risk assessment: %s (%s)%n", s.holdOut().value(), s.holdOut().source()));
        b.append(String.format(Locale.ROOT, "IV regime: %s (%s)%n", s.regime().value(), s.regime().source()));
        b.append(String.format(Locale.ROOT, "hedge intensity: %s (%s)%s%n", s.intensity().value(),
                s.intensity().source(), intensityEffect(config, s)));
        b.append("exposure: ").append(position.describe(config.underlying().symbol(), s.exposureMultiplier().source()))
                .append('\n');
    }

    private static String intensityEffect(WeeklyHedgeConfig config, RollSignals s) {
        return switch (s.intensity().value()) {
            case FULL -> config.regimes().allowance(s.regime().value()).lighterThanFull()
                    ? ": the full hedge, not the " + s.regime().value() + " regime's lighter one" : ": the full hedge";
            case NONE -> ": nothing to protect";
            case REDUCED, STANDARD -> ": the " + s.regime().value() + " regime's hedge";
        };
    }

    static String hedge(WeeklyHedgeConfig config, LocalDate analysis, LocalDate execution, RollSignals signals,
            PositionTarget position, double iv, HedgeMarket market, long shares, HedgeOptimization o,
            RollTolerance tolerance, Extras extras, List<String> warnings) {
        VolatilityRegime regime = signals.regime().value();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "weekly XSP hedge — analysis %s, execution %s, expiry %s (%d sessions)%n",
                analysis, execution, market.expiry(), market.tradingDays()));
        b.append(String.format(Locale.ROOT, "position: %d %s @ %.2f = %.0f USD; XSP %.2f (ATM IV %.1f%%)%n", shares,
                config.underlying().symbol(), market.uproSpot(), shares * market.uproSpot(), market.xspSpot(),
                iv * 100));
        signalLines(b, config, signals, position);
        b.append(String.format(Locale.ROOT, "loss tolerance: %s loss within %.0f USD (%s); %d candidates on %d paths "
                + "(seed %d)%n", o.measure(), o.toleranceUsd(), fraction(tolerance, regime), o.candidateCount(),
                o.scenarios().pathCount(), o.scenarios().spec().seed()));
        StructureStatistics s;
        if (o.decision() instanceof HedgeDecision.Chosen chosen) {
            s = chosen.best();
            b.append("chosen: ").append(ProposalBuilder.describe(s)).append('\n');
        } else {
            HedgeDecision.NoFeasibleHedge none = (HedgeDecision.NoFeasibleHedge) o.decision();
            s = none.closest();
            RollTolerance feasible = tolerance.covering(none.feasibleToleranceUsd());
            b.append("NO FEASIBLE HEDGE: ").append(none.reason()).append('\n');
            b.append(String.format(Locale.ROOT, "feasible tolerance: the smallest at which a structure passes on these "
                    + "paths is a %s loss of %.0f USD; in the strategy file lossTolerance.fractionOfPosition: %s (%s = "
                    + "%.0f USD)%n", o.measure(), none.feasibleToleranceUsd(), basisPoints(feasible.fractionOfPosition()),
                    fraction(feasible, regime), feasible.usd()));
            b.append("closest (not proposed): ").append(ProposalBuilder.describe(s)).append('\n');
        }
        b.append(String.format(Locale.ROOT, "%-10s %10s %10s %10s %10s %8s%n", "", "expected", "p5", "cvar5", "worst",
                "win"));
        b.append(statsLine("hedged", s.hedged()));
        b.append(statsLine("unhedged", s.unhedged()));
        b.append("\nstrike comparison (puts only; best count within the tolerance, else the least lossy):\n");
        b.append(String.format(Locale.ROOT, "%8s %7s %7s %5s %10s %10s %10s %8s %s%n", "strike", "money", "ask", "n",
                "expected", "p5", "cvar5", "win", "ok"));
        for (StrikeComparison.Row r : StrikeComparison.of(o, market.xspSpot())) {
            b.append(String.format(Locale.ROOT, "%8s %6.1f%% %7.2f %5d %10.0f %10.0f %10.0f %8.3f %s%n",
                    ProposalBuilder.fmtStrike(r.strike()), r.moneyness() * 100, r.ask(), r.contracts(),
                    r.stats().hedged().expected(), r.stats().hedged().percentile5(), r.stats().hedged().cvar5(),
                    r.stats().hedged().winRatio(), r.feasible() ? "yes" : "no"));
        }
        if (!extras.tenors().isEmpty()) {
            b.append("\ntenor comparison (puts only, same tolerance):\n");
            for (TenorRow t : extras.tenors()) {
                double weeks = t.tradingDays() / 5.0;
                b.append(String.format(Locale.ROOT, "  %s (%2d sessions): %-40s expected %8.0f (%7.0f/week) p5 %8.0f "
                        + "cost vs unhedged %7.0f/week%n", t.expiry(), t.tradingDays(),
                        ProposalBuilder.describe(t.stats()), t.stats().hedged().expected(),
                        t.stats().hedged().expected() / weeks, t.stats().hedged().percentile5(),
                        t.stats().expectedCostOfHedge() / weeks));
            }
        }
        if (!extras.iv().isEmpty()) {
            b.append("\nIV sensitivity of the chosen structure (premiums as traded):\n");
            for (IvSensitivity.Row r : extras.iv()) {
                b.append(String.format(Locale.ROOT, "  vol %5.1f%%: hedged expected %8.0f p5 %8.0f cvar5 %8.0f | "
                        + "unhedged expected %8.0f p5 %8.0f%n", r.volatility() * 100, r.stats().hedged().expected(),
                        r.stats().hedged().percentile5(), r.stats().hedged().cvar5(), r.stats().unhedged().expected(),
                        r.stats().unhedged().percentile5()));
            }
        }
        for (String w : warnings) {
            b.append("warning: ").append(w).append('\n');
        }
        return b.toString();
    }

    /** "2.70% of the position", and the regime's scale when it widens the tolerance. */
    static String fraction(RollTolerance t, VolatilityRegime regime) {
        String f = String.format(Locale.ROOT, "%.2f%% of the position", t.fractionOfPosition() * 100);
        return t.regimeScale() == 1.0 ? f
                : f + String.format(Locale.ROOT, " x %s toleranceScale %s", regime, t.regimeScale());
    }

    /** A fraction in whole basis points as the strategy file writes it: 0.0312. */
    static String basisPoints(double fraction) {
        return java.math.BigDecimal.valueOf(Math.round(fraction * 10_000), 4).stripTrailingZeros().toPlainString();
    }

    private static String statsLine(String label, PnlStatistics p) {
        return String.format(Locale.ROOT, "%-10s %10.0f %10.0f %10.0f %10.0f %8.3f%n", label, p.expected(),
                p.percentile5(), p.cvar5(), p.worst(), p.winRatio());
    }
}
