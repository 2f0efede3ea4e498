package io.tailguard.broker.sim.market;

import io.tailguard.calendar.ExchangeCalendar;
import io.tailguard.calendar.Session;
import io.tailguard.calendar.Venue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The seeded SPX / variance / UPRO / yield path, one {@link PathDay} per session, generated lazily
 * as far as the clock asks. SPX follows a Heston-style variance (full truncation Euler) with Poisson
 * jumps that also lift the variance; UPRO resets its 3x exposure every close, so its daily return is
 * exactly {@code 3 × SPX return − drag} and volatility decay follows. Each session draws from its own
 * random stream (seed mixed with the date), so a day's noise does not depend on how far the path
 * was generated. Scripted days replace the return by a target UPRO close: the SPX close is then
 * {@code (UPRO return + drag) / 3} and the intraday path a bridge onto it. Thread-safe (synchronized).
 */
final class MarketPath {

    private static final double YEAR_DAYS = 252.0;
    /** The share of a day's variance that arrives overnight, as a gap at the open. */
    private static final double GAP_SHARE = 0.15;
    private static final double DRIFT_PER_YEAR = 0.06;
    private static final double VARIANCE_FLOOR = 0.07 * 0.07;
    private static final double VARIANCE_CAP = 2.0 * 2.0;
    /** A jump lifts the variance by this much (0.16 vol becomes about 0.21). */
    private static final double JUMP_VARIANCE_KICK = 0.02;
    private static final double YIELD_VOL_PCT_PER_YEAR = 0.9;
    private static final double YIELD_REVERSION_PER_YEAR = 0.5;
    /** Sessions at the end of the history over which the variance is pulled onto the start vol. */
    private static final int START_VOL_PIN_SESSIONS = 20;

    private final MarketModelConfig config;
    private final ExchangeCalendar calendar;
    private final LocalDate anchorDate;
    private final LocalDate historyStart;
    private final int normalSteps;
    private final List<PathDay> days = new ArrayList<>();
    private final Map<LocalDate, Integer> indexByDate = new HashMap<>();
    private final TreeMap<LocalDate, Double> scriptedUproCloses = new TreeMap<>();
    private long version;
    /** While the history is generated: steps over which the variance is pulled onto config.startVol(). */
    private int pinStepsTotal;
    private int pinStepsDone;

    MarketPath(MarketModelConfig config, ExchangeCalendar calendar) {
        this.config = config;
        this.calendar = calendar;
        LocalDate startDate = config.start().atZone(ExchangeCalendar.NEW_YORK).toLocalDate();
        this.anchorDate = calendar.previousTradingDay(startDate);
        LocalDate first = anchorDate;
        for (int i = 1; i < config.historyTradingDays(); i++) {
            first = calendar.previousTradingDay(first);
        }
        this.historyStart = first;
        this.normalSteps = (int) Math.ceil(390.0 * 60_000 / config.step().toMillis());
        generateHistory();
    }

    /** The session whose close fixes the configured start levels. */
    LocalDate anchorDate() {
        return anchorDate;
    }

    LocalDate historyStart() {
        return historyStart;
    }

    /** Bumped whenever scripting rewrites the path (caches key on it). */
    synchronized long version() {
        return version;
    }

    /** The session on {@code tradingDate}, generating the path up to it. */
    synchronized PathDay day(LocalDate tradingDate) {
        if (!calendar.isTradingDay(tradingDate)) {
            throw new IllegalArgumentException(tradingDate + " is not a trading day");
        }
        if (tradingDate.isBefore(historyStart)) {
            throw new IllegalArgumentException(tradingDate + " is before the path's history start " + historyStart);
        }
        extendTo(tradingDate);
        return days.get(indexByDate.get(tradingDate));
    }

    /** The market state in force at {@code t}: a session and a point of it (the last close when closed). */
    synchronized MarketPoint pointAt(Instant t) {
        LocalDate date = calendar.tradingDayOnOrBefore(t.atZone(ExchangeCalendar.NEW_YORK).toLocalDate());
        if (date.isBefore(historyStart)) {
            return new MarketPoint(days.get(0), 0, version);
        }
        PathDay day = day(date);
        int k = day.pointAt(t);
        if (k >= 0) {
            return new MarketPoint(day, k, version);
        }
        int i = indexByDate.get(date);
        if (i == 0) {
            return new MarketPoint(day, 0, version);
        }
        PathDay prev = days.get(i - 1);
        return new MarketPoint(prev, prev.lastPoint(), version);
    }

    /** The opening (first) or closing (last) point of the session on {@code tradingDate}. */
    synchronized MarketPoint sessionPoint(LocalDate tradingDate, boolean close) {
        PathDay day = day(tradingDate);
        return new MarketPoint(day, close ? day.lastPoint() : 0, version);
    }

    /** Sessions from {@code from} to {@code to} inclusive that the path covers (generating up to {@code to}). */
    synchronized List<PathDay> days(LocalDate from, LocalDate to) {
        LocalDate last = calendar.tradingDayOnOrBefore(to);
        if (last.isBefore(historyStart)) {
            return List.of();
        }
        extendTo(last);
        List<PathDay> out = new ArrayList<>();
        int i = from.isAfter(historyStart) ? indexOfOnOrAfter(from) : 0;
        for (; i < days.size() && !days.get(i).date().isAfter(last); i++) {
            out.add(days.get(i));
        }
        return out;
    }

    /**
     * Forces UPRO's closes on consecutive sessions from {@code firstDay} (absolute prices); the path is
     * regenerated from there. Scripted days must lie after the anchor session.
     */
    synchronized void scriptUproCloses(LocalDate firstDay, List<Double> closes) {
        if (!calendar.isTradingDay(firstDay)) {
            throw new IllegalArgumentException("firstDay " + firstDay + " is not a trading day");
        }
        if (!firstDay.isAfter(anchorDate)) {
            throw new IllegalArgumentException(
                    "firstDay " + firstDay + " must be after the anchor session " + anchorDate);
        }
        LocalDate d = firstDay;
        for (double close : closes) {
            if (!(close > 0)) {
                throw new IllegalArgumentException("scripted UPRO close must be positive, was " + close);
            }
            scriptedUproCloses.put(d, close);
            d = calendar.nextTradingDay(d);
        }
        truncateFrom(firstDay);
    }

    synchronized void clearScript() {
        if (!scriptedUproCloses.isEmpty()) {
            LocalDate first = scriptedUproCloses.firstKey();
            scriptedUproCloses.clear();
            truncateFrom(first);
        }
    }

    private void truncateFrom(LocalDate first) {
        while (days.size() > 1 && !days.get(days.size() - 1).date().isBefore(first)) {
            indexByDate.remove(days.remove(days.size() - 1).date());
        }
        version++;
    }

    private int indexOfOnOrAfter(LocalDate from) {
        LocalDate d = calendar.isTradingDay(from) ? from : calendar.nextTradingDay(from);
        Integer i = indexByDate.get(d);
        return i == null ? days.size() : i;
    }

    private void generateHistory() {
        LocalDate pinFrom = anchorDate;
        for (int i = 1; i < START_VOL_PIN_SESSIONS && pinFrom.isAfter(historyStart); i++) {
            pinFrom = calendar.previousTradingDay(pinFrom);
        }
        int pinSteps = 0;
        for (LocalDate d = pinFrom; !d.isAfter(anchorDate); d = calendar.nextTradingDay(d)) {
            pinSteps += pointsOf(d);
        }
        PathDay prev = null;
        for (LocalDate d = historyStart; !d.isAfter(anchorDate); d = calendar.nextTradingDay(d)) {
            if (d.equals(pinFrom) && config.startVol() > 0) {
                pinStepsTotal = pinSteps;
            }
            prev = prev == null
                    ? generate(d, 1.0, config.baseVol() * config.baseVol(), 1.0, config.tenYearYieldPct())
                    : generate(d, prev.spxClose(), prev.varianceClose(), prev.uproClose(), prev.yieldClosePct());
            append(prev);
        }
        // Anchor the relative path at the configured levels: returns are unchanged by a constant factor.
        double spxFactor = config.spxStartLevel() / prev.spxClose();
        double uproFactor = config.uproStartPrice() / prev.uproClose();
        days.forEach(day -> day.rescale(spxFactor, uproFactor));
        pinStepsTotal = 0;
    }

    private int pointsOf(LocalDate date) {
        Session session = calendar.session(date, Venue.EQUITIES).orElseThrow();
        long millis = session.close().toInstant().toEpochMilli() - session.open().toInstant().toEpochMilli();
        return (int) Math.ceil((double) millis / config.step().toMillis()) + 1;
    }

    private void extendTo(LocalDate date) {
        while (days.get(days.size() - 1).date().isBefore(date)) {
            PathDay prev = days.get(days.size() - 1);
            LocalDate next = calendar.nextTradingDay(prev.date());
            append(generate(next, prev.spxClose(), prev.varianceClose(), prev.uproClose(), prev.yieldClosePct()));
        }
    }

    private void append(PathDay day) {
        indexByDate.put(day.date(), days.size());
        days.add(day);
    }

    private PathDay generate(LocalDate date, double prevSpx, double prevVariance, double prevUpro, double prevYield) {
        Session session = calendar.session(date, Venue.EQUITIES).orElseThrow();
        long stepMillis = config.step().toMillis();
        long sessionMillis = session.close().toInstant().toEpochMilli() - session.open().toInstant().toEpochMilli();
        int n = (int) Math.ceil((double) sessionMillis / stepMillis);
        // Hash the date into the seed: SplittableRandom seeds that differ by multiples of its golden
        // gamma give shifted copies of one stream, which would repeat the same shocks day after day.
        SplittableRandom rng = new SplittableRandom(
                OptionQuoter.mix(config.seed() ^ OptionQuoter.mix(date.toEpochDay() + 0x632BE59BD9B4E019L)));
        Double scriptedUpro = scriptedUproCloses.get(date);
        boolean scripted = scriptedUpro != null;

        double theta = config.baseVol() * config.baseVol();
        double kappa = config.varianceMeanReversionPerYear();
        double xi = config.volOfVol();
        double rho = config.spotVolCorrelation();
        double rhoBar = Math.sqrt(1 - rho * rho);
        double[] lnS = new double[n + 1];
        double[] variance = new double[n + 1];
        double x = Math.log(prevSpx);
        double v = prevVariance;
        for (int k = 0; k <= n; k++) {
            double dt = k == 0 ? GAP_SHARE / YEAR_DAYS : (1 - GAP_SHARE) / YEAR_DAYS / normalSteps;
            double z1 = rng.nextGaussian();
            double z2 = rho * z1 + rhoBar * rng.nextGaussian();
            double sv = Math.sqrt(v);
            x += (DRIFT_PER_YEAR - 0.5 * v) * dt + sv * Math.sqrt(dt) * z1;
            double nextV = v + kappa * (theta - v) * dt + xi * sv * Math.sqrt(dt) * z2;
            if (rng.nextDouble() < config.jumpsPerYear() * dt && !scripted) {
                x += config.jumpMeanLogReturn() + config.jumpStdLogReturn() * rng.nextGaussian();
                nextV += JUMP_VARIANCE_KICK;
            }
            v = Math.min(VARIANCE_CAP, Math.max(VARIANCE_FLOOR, nextV));
            if (pinStepsTotal > 0) {
                // A pull that grows to 1 at the anchor close: the start is in the configured regime.
                double pull = (double) ++pinStepsDone / pinStepsTotal;
                double target = config.startVol() * config.startVol();
                v += (target - v) * pull;
            }
            lnS[k] = x;
            variance[k] = v;
        }
        double drag = config.uproDragPerDay();
        double[] spx = new double[n + 1];
        if (scripted) {
            // UPRO return r_u = 3 r_s - drag, so the SPX close that yields the scripted UPRO close is:
            double spxReturn = (scriptedUpro / prevUpro - 1 + drag) / 3;
            double targetClose = prevSpx * (1 + spxReturn);
            if (!(targetClose > 0)) {
                throw new IllegalArgumentException("scripted UPRO close " + scriptedUpro + " on " + date
                        + " needs an SPX return below -100 %");
            }
            double shift = Math.log(targetClose) - lnS[n];
            for (int k = 0; k <= n; k++) {
                spx[k] = Math.exp(lnS[k] + shift * (k + 1) / (n + 1));
            }
            spx[n] = targetClose;
        } else {
            for (int k = 0; k <= n; k++) {
                spx[k] = Math.exp(lnS[k]);
            }
        }
        double[] upro = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            double elapsed = (double) (k + 1) / (n + 1);
            upro[k] = Math.max(0.01, prevUpro * (1 + 3 * (spx[k] / prevSpx - 1) - drag * elapsed));
        }
        if (scripted) {
            upro[n] = scriptedUpro;
        }
        double yield = prevYield
                + YIELD_REVERSION_PER_YEAR * (config.tenYearYieldPct() - prevYield) / YEAR_DAYS
                + YIELD_VOL_PCT_PER_YEAR * Math.sqrt(1 / YEAR_DAYS) * rng.nextGaussian();
        yield = Math.max(0.1, yield);
        return new PathDay(date, session.open().toInstant(), session.close().toInstant(), stepMillis, spx, variance,
                upro, prevYield, yield, scripted);
    }
}
