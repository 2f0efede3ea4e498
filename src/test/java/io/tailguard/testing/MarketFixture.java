package io.tailguard.testing;

import static io.tailguard.testing.SignalFixtures.daily;
import static io.tailguard.testing.SignalFixtures.flat;
import static io.tailguard.testing.SignalFixtures.ramp;

import io.tailguard.signals.Observation;
import io.tailguard.signals.PointInTimeData;
import io.tailguard.signals.SeriesId;
import io.tailguard.signals.SignalLayersConfig;
import io.tailguard.signals.SignalSeries;
import io.tailguard.signals.SignalSeries.Fundamental;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A complete, calm market as of a date, with knobs for the figures the tests move. Yields oscillate around
 * {@code yieldLevel} and UPRO moves exactly {@code uproSensitivity}% against each 10 bp, so its sensitivity is known.
 */
public final class MarketFixture {
    public LocalDate asOf = LocalDate.of(2026, 11, 20);
    public double yieldLevel = 4.2;
    public double yieldDrift = 0.0;
    public double uproSensitivity = 2.0;
    public double[] vix = flat(6, 15.0);
    public double vix9d = 14.0;
    public double vix3m = 17.0;
    public double[] xspIv = flat(21, 0.12);
    public double[] spx = ramp(200, 5000, 6000);
    public double sofr = 4.30;
    public double effr = 4.33;
    public double reverseRepo = 150.0;
    public double[] gdp = {23000, 23100, 23250, 23300};
    public double delayedCut = 0.40;
    public double nextMeetingCut = 0.30;
    public double techForwardPe = 22.0;
    public final List<Observation> extra = new ArrayList<>();
    public final List<SeriesId> omitted = new ArrayList<>();

    public List<Observation> observations() {
        List<Observation> all = new ArrayList<>();
        int n = 130;
        double[] yields = new double[n];
        for (int i = 0; i < n; i++) {
            yields[i] = yieldLevel + yieldDrift * (i - n + 1) + 0.05 * Math.sin(i * 1.3);
        }
        all.addAll(daily(SignalSeries.TREASURY_10Y, asOf.minusDays(1), 1, yields));
        double[] upro = new double[n];
        upro[0] = 100;
        for (int i = 1; i < n; i++) {
            upro[i] = upro[i - 1] * (1 - uproSensitivity * 10 * (yields[i] - yields[i - 1]) / 100);
        }
        all.addAll(daily(SignalSeries.bar("UPRO"), asOf.minusDays(1), 0, upro));
        all.addAll(daily(SignalSeries.VIX, asOf, 0, vix));
        all.addAll(daily(SignalSeries.VIX9D, asOf, 0, vix9d));
        all.addAll(daily(SignalSeries.VIX3M, asOf, 0, vix3m));
        all.addAll(daily(SignalSeries.XSP_IV, asOf, 0, xspIv));
        all.addAll(daily(SignalSeries.SPX, asOf, 0, spx));
        all.addAll(daily(SignalSeries.SOFR, asOf.minusDays(1), 1, sofr));
        all.addAll(daily(SignalSeries.OIS_PROXY, asOf.minusDays(1), 1, effr));
        all.addAll(daily(SignalSeries.REVERSE_REPO, asOf.minusDays(1), 1, reverseRepo));
        LocalDate quarter = LocalDate.of(2025, 10, 1);
        for (double value : gdp) {
            all.add(new Observation(SignalSeries.REAL_GDP, quarter, quarter.plusDays(120), value));
            quarter = quarter.plusMonths(3);
        }
        all.add(Observation.sameDay(SignalSeries.DELAYED_CUT_PROBABILITY, asOf.minusDays(2), delayedCut));
        all.add(Observation.sameDay(SignalSeries.NEXT_MEETING_CUT_PROBABILITY, asOf.minusDays(2), nextMeetingCut));
        all.add(Observation.sameDay(SignalSeries.TECH_FORWARD_PE, asOf.minusDays(2), techForwardPe));
        all.addAll(fundamentals("MSFT", 200e9, 90e9, 30e9, 25e9, 50e9, 90e9, 15e9));
        all.addAll(fundamentals("XOM", 340e9, 55e9, 25e9, 1e9, 40e9, 45e9, 20e9));
        all.addAll(fundamentals("HYPE", 10e9, 1e9, 0.5e9, 0.1e9, 2e9, 1e9, 0.2e9));
        all.removeIf(o -> omitted.contains(o.series()));
        all.addAll(extra);
        return all;
    }

    public PointInTimeData data(SignalLayersConfig config) {
        return data(config, Map.of());
    }

    public PointInTimeData data(SignalLayersConfig config, Map<SeriesId, String> fetchProblems) {
        return new PointInTimeData(asOf, observations(), new HashMap<>(fetchProblems), config.staleness());
    }

    /** Annual figures for the fiscal year ending 2026-06-30, filed 2026-07-30. */
    public static List<Observation> fundamentals(String ticker, double revenue, double ocf, double capex, double rnd,
            double debt, double operatingIncome, double depreciation) {
        return fundamentals(ticker, LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 30), revenue, ocf, capex, rnd,
                debt, operatingIncome, depreciation);
    }

    public static List<Observation> fundamentals(String ticker, LocalDate yearEnd, LocalDate filed, double revenue,
            double ocf, double capex, double rnd, double debt, double operatingIncome, double depreciation) {
        List<Observation> out = new ArrayList<>();
        double[] values = {revenue, ocf, capex, rnd, debt, operatingIncome, depreciation};
        Fundamental[] metrics = {Fundamental.REVENUE, Fundamental.OPERATING_CASH_FLOW, Fundamental.CAPITAL_EXPENDITURE,
            Fundamental.RESEARCH_AND_DEVELOPMENT, Fundamental.DEBT, Fundamental.OPERATING_INCOME,
            Fundamental.DEPRECIATION_AND_AMORTIZATION};
        for (int i = 0; i < values.length; i++) {
            out.add(new Observation(SignalSeries.fundamental(ticker, metrics[i]), yearEnd, filed, values[i]));
        }
        return out;
    }
}
