package io.tailguard.hedge;

import io.tailguard.pricing.BlackScholesMertonEuropeanPricer;
import io.tailguard.pricing.OptionMarket;
import io.tailguard.pricing.VanillaOption;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A synthetic market and a strategy config for the hedge tests: quotes from Black-Scholes with a spread. */
final class HedgeFixtures {
    static final double UPRO = 80.0;
    static final double XSP = 590.0;

    private HedgeFixtures() {
    }

    static HedgeMarket market(double iv) {
        double t = 5 / 252.0;
        List<QuotedStrike> puts = new ArrayList<>();
        for (double k = 545; k <= 600; k += 5) {
            double p = BlackScholesMertonEuropeanPricer.DEFAULT.price(VanillaOption.put(k, t),
                    new OptionMarket(XSP, 0.04, 0.0, iv));
            puts.add(new QuotedStrike(k, Math.max(0, p - 0.05), p + 0.05));
        }
        List<QuotedStrike> calls = new ArrayList<>();
        for (double k = 81; k <= 90; k += 1) {
            double c = BlackScholesMertonEuropeanPricer.DEFAULT.price(VanillaOption.call(k, t),
                    new OptionMarket(UPRO, 0.04, 0.0, 3 * iv));
            calls.add(new QuotedStrike(k, Math.max(0, c - 0.03), c + 0.03));
        }
        return new HedgeMarket(UPRO, XSP, iv, LocalDate.of(2026, 12, 3), 5, puts, calls);
    }

    static WeeklyHedgeConfig config(int paths) {
        IvRegimeConfig.RegimeAllowance putsOnly = new IvRegimeConfig.RegimeAllowance(false, 1.0, 1.0);
        return new WeeklyHedgeConfig("weekly-xsp-hedge",
                new WeeklyHedgeConfig.Underlying("UPRO", 3.0, 0.01),
                new WeeklyHedgeConfig.HedgeInstrument("XSP", "XSP", 100, "CBOE"),
                0.30,
                new WeeklyHedgeConfig.LossTolerance(0.027, LossMeasure.P5),
                new IvRegimeConfig(putsOnly, putsOnly,
                        new IvRegimeConfig.RegimeAllowance(true, 1.0, 1.0),
                        new IvRegimeConfig.RegimeAllowance(true, 0.6, 1.5)),
                new WeeklyHedgeConfig.SearchConfig(0.93, 1.0, 1.5, 60, true, 1.01, 1.12, 4, 10, 0.08),
                new WeeklyHedgeConfig.SimulationConfig(paths, 7L, 4.0, 1.0, 0.07, 0.65),
                new WeeklyHedgeConfig.TenorConfig(5, 10),
                new WeeklyHedgeConfig.RollSchedule("0 30 16 ? * WED,THU", "0 45 9 ? * FRI", DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY, ZoneId.of("America/New_York"), true),
                null, null, null,
                new WeeklyHedgeConfig.Limits(60, 5000, 1.0));
    }
}
