package io.tailguard.broker.sim.market;

import io.tailguard.domain.DailyBar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily OHLC bars read off the path: open, high, low and close over the session's steps, up to the
 * simulated now (today's bar is partial while the session runs, as IB's is). Indices have no volume.
 */
final class DailyBars {

    private final MarketPath path;
    private final VolSurface surface;
    private final VolOverride override;
    private final double dividendYield;

    DailyBars(MarketPath path, VolSurface surface, VolOverride override, double dividendYield) {
        this.path = path;
        this.surface = surface;
        this.override = override;
        this.dividendYield = dividendYield;
    }

    List<DailyBar> bars(Underlying u, Instant now, int count) {
        if (count <= 0) {
            return List.of();
        }
        MarketPoint current = path.pointAt(now);
        LocalDate to = current.day().date();
        List<PathDay> days = path.days(path.historyStart(), to);
        int from = Math.max(0, days.size() - count);
        List<DailyBar> out = new ArrayList<>(days.size() - from);
        for (int i = from; i < days.size(); i++) {
            PathDay day = days.get(i);
            int last = day.date().equals(to) ? current.point() : day.lastPoint();
            out.add(bar(u, day, last));
        }
        return out;
    }

    private DailyBar bar(Underlying u, PathDay day, int lastPoint) {
        double open = 0;
        double high = -Double.MAX_VALUE;
        double low = Double.MAX_VALUE;
        double close = 0;
        for (int k = 0; k <= lastPoint; k++) {
            double v = MarketLevels.at(new MarketPoint(day, k, 0), surface, override, dividendYield).level(u);
            if (k == 0) {
                open = v;
            }
            high = Math.max(high, v);
            low = Math.min(low, v);
            close = v;
        }
        double volume = u.securityType() == io.tailguard.domain.SecurityType.STOCK
                ? 1_000_000 + Math.floorMod(OptionQuoter.mix(day.date().toEpochDay() * 17 + u.ordinal()), 4_000_000)
                : Double.NaN;
        return new DailyBar(day.date(), round(open), round(high), round(low), round(close), volume);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

}
