package io.tailguard.pricing.montecarlo;

/**
 * Simulated joint paths of the S&amp;P 500 index and the leveraged ETF for one roll, generated once and
 * shared by every candidate structure (common random numbers). Terminal levels sit in two primitive
 * arrays indexed by path, so evaluating a structure is one tight loop.
 */
public final class JointScenarios {

    private final ScenarioSpec spec;
    private final double spxSpot;
    private final double uproSpot;
    private final double[] spxTerminal;
    private final double[] uproTerminal;
    private final double[] spxDaily;
    private final double[] uproDaily;

    JointScenarios(ScenarioSpec spec, double spxSpot, double uproSpot, double[] spxTerminal, double[] uproTerminal,
            double[] spxDaily, double[] uproDaily) {
        this.spec = spec;
        this.spxSpot = spxSpot;
        this.uproSpot = uproSpot;
        this.spxTerminal = spxTerminal;
        this.uproTerminal = uproTerminal;
        this.spxDaily = spxDaily;
        this.uproDaily = uproDaily;
    }

    public ScenarioSpec spec() {
        return spec;
    }

    public int pathCount() {
        return spxTerminal.length;
    }

    public int tradingDays() {
        return spec.tradingDays();
    }

    public double spxSpot() {
        return spxSpot;
    }

    public double uproSpot() {
        return uproSpot;
    }

    /** The index level at expiry on one path. */
    public double spxTerminal(int path) {
        return spxTerminal[path];
    }

    /** The ETF price at expiry on one path. */
    public double uproTerminal(int path) {
        return uproTerminal[path];
    }

    /** A copy of all terminal index levels. */
    public double[] spxTerminals() {
        return spxTerminal.clone();
    }

    /** A copy of all terminal ETF prices. */
    public double[] uproTerminals() {
        return uproTerminal.clone();
    }

    /** Whether every day's levels were kept ({@link ScenarioSpec#recordDailyPaths()}). */
    public boolean hasDailyPaths() {
        return spxDaily != null;
    }

    /** The index level at the close of {@code day} (1..tradingDays; 0 is the spot). */
    public double spxAt(int path, int day) {
        return day == 0 ? spxSpot : daily(spxDaily, path, day);
    }

    /** The ETF price at the close of {@code day} (1..tradingDays; 0 is the spot). */
    public double uproAt(int path, int day) {
        return day == 0 ? uproSpot : daily(uproDaily, path, day);
    }

    private double daily(double[] levels, int path, int day) {
        if (levels == null) {
            throw new IllegalStateException("daily levels were not recorded; set ScenarioSpec.recordDailyPaths");
        }
        if (day < 0 || day > spec.tradingDays()) {
            throw new IndexOutOfBoundsException("day " + day + " outside 0.." + spec.tradingDays());
        }
        return levels[path * spec.tradingDays() + day - 1];
    }

    // direct access for the evaluator in this package: no copies in the hot loop
    double[] spxTerminalArray() {
        return spxTerminal;
    }

    double[] uproTerminalArray() {
        return uproTerminal;
    }
}
