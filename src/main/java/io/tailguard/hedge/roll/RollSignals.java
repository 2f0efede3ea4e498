package io.tailguard.hedge.roll;

import io.tailguard.domain.TradingCalendar;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.signals.HedgeIntensity;
import io.tailguard.signals.HoldState;
import io.tailguard.signals.Outcome;
import io.tailguard.signals.SignalSnapshot;
import io.tailguard.signals.VolatilityRegime;
import io.tailguard.signals.VolatilityRegimeRule;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one roll takes from the signal layers, each value with where it came from (the roll's report prints them).
 * Precedence, for every signal: a fresh snapshot's value when the strategy uses it and the snapshot knows it; else the
 * roll's own: hold/out from {@code riskAssessment.fallback}, the volatility regime classified from the live chain by
 * the layers' own rule, the hedge intensity STANDARD (the regime's hedge), the exposure multiplier 1 (the
 * strategy's commitment).
 *
 * <p>Fresh: the snapshot describes the analysis close or one of the {@code signals.maxAgeSessions} sessions before
 * it. A snapshot dated on a weekend or holiday (taken then) describes the session before. One that describes a
 * session after the analysis close is not used: a roll on a past close must not know what came after it.
 */
public record RollSignals(Freshness freshness, Sourced<HoldState> holdOut, Sourced<VolatilityRegime> regime,
        Sourced<HedgeIntensity> intensity, Sourced<Double> exposureMultiplier) {

    public RollSignals {
        Objects.requireNonNull(freshness, "freshness");
        Objects.requireNonNull(holdOut, "holdOut");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(intensity, "intensity");
        Objects.requireNonNull(exposureMultiplier, "exposureMultiplier");
    }

    /** A value and the words that say where it came from. */
    public record Sourced<T>(T value, String source) {
        public Sourced {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(source, "source");
        }
    }

    /** Whether the latest snapshot may be used for this roll. */
    public sealed interface Freshness {
        /** One line for the report. */
        String describe();

        Optional<SignalSnapshot> usable();

        record Fresh(SignalSnapshot snapshot, int sessionsOld, int maxAgeSessions) implements Freshness {
            @Override
            public String describe() {
                return "snapshot of " + snapshot.asOf() + " (" + RollSignals.sessions(sessionsOld)
                        + " before the analysis close; fresh within signals.maxAgeSessions " + maxAgeSessions + ")";
            }

            @Override
            public Optional<SignalSnapshot> usable() {
                return Optional.of(snapshot);
            }
        }

        record Stale(LocalDate asOf, int sessionsOld, int maxAgeSessions) implements Freshness {
            @Override
            public String describe() {
                return "none used: the latest snapshot, of " + asOf + ", is " + RollSignals.sessions(sessionsOld)
                        + " before the analysis close (signals.maxAgeSessions " + maxAgeSessions + "); run tailguard signals";
            }

            @Override
            public Optional<SignalSnapshot> usable() {
                return Optional.empty();
            }
        }

        record AfterAnalysis(LocalDate asOf, LocalDate analysisDate) implements Freshness {
            @Override
            public String describe() {
                return "none used: the latest snapshot, of " + asOf + ", describes a session after the analysis close "
                        + "of " + analysisDate;
            }

            @Override
            public Optional<SignalSnapshot> usable() {
                return Optional.empty();
            }
        }

        record Absent() implements Freshness {
            @Override
            public String describe() {
                return "none used: no stored signal snapshot (tailguard signals, or the daily-signals job, stores one)";
            }

            @Override
            public Optional<SignalSnapshot> usable() {
                return Optional.empty();
            }
        }
    }

    /**
     * Reads the latest snapshot as the strategy says, for a roll analysing the close of {@code analysisDate}.
     *
     * @param chainIv the live chain's at-the-money XSP IV
     * @param precedingDailyIv the broker's daily XSP IVs of the sessions before the analysis close, oldest first
     */
    public static RollSignals read(SignalsReader reader, WeeklyHedgeConfig config, TradingCalendar calendar,
            LocalDate analysisDate, double chainIv, List<Double> precedingDailyIv) {
        WeeklyHedgeConfig.SignalUse use = config.signals();
        Freshness freshness = freshness(reader.latest(), use.maxAgeSessions(), calendar, analysisDate);
        Optional<SignalSnapshot> fresh = freshness.usable();
        return new RollSignals(freshness, holdOut(config.riskAssessment(), freshness),
                regime(use.regime(), reader.regimeRule(), fresh, chainIv, precedingDailyIv),
                intensity(use.hedgeIntensity(), fresh), exposure(use.exposureMultiplier(), fresh));
    }

    static String sessions(int n) {
        return n + (n == 1 ? " session" : " sessions");
    }

    static Freshness freshness(Optional<SignalSnapshot> latest, int maxAgeSessions, TradingCalendar calendar,
            LocalDate analysisDate) {
        if (latest.isEmpty()) {
            return new Freshness.Absent();
        }
        SignalSnapshot s = latest.get();
        LocalDate session = calendar.tradingDayOnOrBefore(s.asOf());
        if (session.isAfter(analysisDate)) {
            return new Freshness.AfterAnalysis(s.asOf(), analysisDate);
        }
        int age = calendar.tradingDaysBetween(session, analysisDate);
        return age <= maxAgeSessions ? new Freshness.Fresh(s, age, maxAgeSessions)
                : new Freshness.Stale(s.asOf(), age, maxAgeSessions);
    }

    private static Sourced<HoldState> holdOut(WeeklyHedgeConfig.RiskAssessment ra, Freshness freshness) {
        HoldState fallback = ra.fallback() == WeeklyHedgeConfig.HoldFallback.OUT ? HoldState.OUT : HoldState.HOLD;
        if (ra.source() == WeeklyHedgeConfig.RiskSource.CONFIGURED) {
            return new Sourced<>(fallback, "riskAssessment.source: configured");
        }
        if (!(freshness instanceof Freshness.Fresh f)) {
            return new Sourced<>(fallback, "riskAssessment.fallback, no fresh signal snapshot");
        }
        Outcome<HoldState> h = f.snapshot().holdOut();
        if (h instanceof Outcome.Known<HoldState> known) {
            return new Sourced<>(known.value(), "signal snapshot of " + f.snapshot().asOf());
        }
        return new Sourced<>(fallback, "riskAssessment.fallback, the signal snapshot of " + f.snapshot().asOf()
                + " has hold/out unknown: " + h.reasonOrEmpty());
    }

    private static Sourced<HedgeIntensity> intensity(WeeklyHedgeConfig.SignalApplication use,
            Optional<SignalSnapshot> fresh) {
        if (use == WeeklyHedgeConfig.SignalApplication.IGNORE) {
            return new Sourced<>(HedgeIntensity.STANDARD, "signals.hedgeIntensity: ignore");
        }
        if (fresh.isEmpty()) {
            return new Sourced<>(HedgeIntensity.STANDARD, "no fresh signal snapshot");
        }
        Outcome<HedgeIntensity> i = fresh.get().hedgeIntensity();
        if (i instanceof Outcome.Known<HedgeIntensity> known) {
            return new Sourced<>(known.value(), "signal snapshot of " + fresh.get().asOf());
        }
        return new Sourced<>(HedgeIntensity.STANDARD, "the signal snapshot of " + fresh.get().asOf()
                + " has it unknown: " + i.reasonOrEmpty());
    }

    private static Sourced<Double> exposure(WeeklyHedgeConfig.SignalApplication use, Optional<SignalSnapshot> fresh) {
        if (use == WeeklyHedgeConfig.SignalApplication.IGNORE) {
            return new Sourced<>(1.0, "signals.exposureMultiplier: ignore");
        }
        if (fresh.isEmpty()) {
            return new Sourced<>(1.0, "no fresh signal snapshot");
        }
        Outcome<Double> m = fresh.get().exposureMultiplier();
        if (m instanceof Outcome.Known<Double> known) {
            return new Sourced<>(known.value(), "signal snapshot of " + fresh.get().asOf());
        }
        return new Sourced<>(1.0, "the signal snapshot of " + fresh.get().asOf() + " has it unknown: "
                + m.reasonOrEmpty());
    }

    /**
     * The volatility regime of this roll. From the fresh snapshot when the strategy takes it from the signals and the
     * snapshot knows it: the regime the layers recorded on the broker's daily XSP IV at the close. Otherwise the same
     * rule on the live chain's at-the-money IV, with the broker's daily IVs before the analysis close for the fall
     * from a peak. The chain's reading is shown either way: the two IVs are different measures (the broker's daily IV
     * is a 30-day figure, the chain's the one-week option the roll buys).
     */
    private static Sourced<VolatilityRegime> regime(WeeklyHedgeConfig.RegimeSource source, VolatilityRegimeRule rule,
            Optional<SignalSnapshot> fresh, double chainIv, List<Double> precedingDailyIv) {
        VolatilityRegime fromChain = rule.classify(chainIv, precedingDailyIv);
        String chain = String.format(Locale.ROOT, "live chain XSP ATM IV %.1f%%", chainIv * 100);
        if (source == WeeklyHedgeConfig.RegimeSource.CHAIN) {
            return new Sourced<>(fromChain, chain + "; signals.regime: chain");
        }
        if (fresh.isEmpty()) {
            return new Sourced<>(fromChain, chain + "; no fresh signal snapshot");
        }
        Outcome<VolatilityRegime> r = fresh.get().volatilityRegime();
        if (r instanceof Outcome.Known<VolatilityRegime> known) {
            return new Sourced<>(known.value(), "signal snapshot of " + fresh.get().asOf() + snapshotIv(fresh.get())
                    + "; " + chain + (fromChain == known.value() ? ", the same regime" : " is " + fromChain
                            + " by the same rule"));
        }
        return new Sourced<>(fromChain, chain + "; the signal snapshot of " + fresh.get().asOf()
                + " has the regime unknown: " + r.reasonOrEmpty());
    }

    /** ", daily XSP IV 17.2%" from the snapshot's volatility layer, when it recorded it. */
    private static String snapshotIv(SignalSnapshot s) {
        return s.layers().stream().filter(l -> l.layer() == io.tailguard.signals.LayerName.VOLATILITY_REGIME)
                .findFirst().flatMap(l -> l.detail() instanceof Outcome.Known<io.tailguard.signals.LayerDetail> k
                        ? Optional.ofNullable(k.value().values().get("xspIv")) : Optional.empty())
                .map(iv -> String.format(Locale.ROOT, ", daily XSP IV %.1f%%", iv * 100)).orElse("");
    }
}
