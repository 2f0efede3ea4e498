package io.tailguard.hedge.roll;

import static io.tailguard.testing.SignalFixtures.decided;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.app.WeeklyHedgeStrategy;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.hedge.WeeklyHedgeConfig.RegimeSource;
import io.tailguard.hedge.WeeklyHedgeConfig.SignalApplication;
import io.tailguard.hedge.WeeklyHedgeConfig.SignalUse;
import io.tailguard.calendar.ExchangeCalendar;
import io.tailguard.signals.HedgeIntensity;
import io.tailguard.signals.HoldState;
import io.tailguard.signals.MarketRegime;
import io.tailguard.signals.Outcome;
import io.tailguard.signals.SignalSnapshot;
import io.tailguard.signals.VolatilityRegime;
import io.tailguard.testing.SignalFixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the roll takes from the latest snapshot, and the precedence and staleness rules, on a fake reader. */
class RollSignalsTest {
    private static final WeeklyHedgeConfig SHIPPED = WeeklyHedgeStrategy.load(WeeklyHedgeStrategy.DEFAULT_FILE);
    /** A Thursday roll on the close of 2026-12-03; the live chain's one-week ATM IV 16% (MODEST by the rule). */
    private static final LocalDate THURSDAY = LocalDate.of(2026, 12, 3);
    private static final double CHAIN_IV = 0.16;
    private final ExchangeCalendar calendar = ExchangeCalendar.nyse();

    private RollSignals read(WeeklyHedgeConfig config, Optional<SignalSnapshot> latest, LocalDate analysis,
            List<Double> precedingDailyIv) {
        return RollSignals.read(SignalsReader.of(SignalFixtures.REGIME_RULE, () -> latest), config, calendar, analysis,
                CHAIN_IV, precedingDailyIv);
    }

    private RollSignals read(Optional<SignalSnapshot> latest) {
        return read(SHIPPED, latest, THURSDAY, List.of());
    }

    private static SignalSnapshot richOn(LocalDate asOf) {
        return decided(asOf, VolatilityRegime.RICH, HoldState.HOLD, HedgeIntensity.FULL, 0.75);
    }

    @ParameterizedTest(name = "snapshot of {0}, analysis close {1}: {2}")
    @CsvSource({
            "2026-12-03, 2026-12-03, fresh 0",    // the same close
            "2026-12-02, 2026-12-03, fresh 1",    // the daily signals had not run yet when the Thursday roll fired
            "2026-12-01, 2026-12-03, stale 2",
            "2026-11-25, 2026-11-27, fresh 1",    // Wednesday before Thanksgiving, for the Friday after it
            "2026-12-05, 2026-12-04, fresh 0",    // taken on Saturday: it describes Friday's close
            "2026-12-07, 2026-12-04, after 0",    // Monday's snapshot for a roll on Friday's close
            "2026-11-13, 2026-12-03, stale 13"})
    void aSnapshotIsFreshForTheAnalysisCloseAndTheSessionsAllowedBeforeIt(LocalDate asOf, LocalDate analysis,
            String expected) {
        RollSignals.Freshness f = RollSignals.freshness(Optional.of(richOn(asOf)), 1, calendar, analysis);

        String[] want = expected.split(" ");
        switch (want[0]) {
            case "fresh" -> assertThat(f).isInstanceOfSatisfying(RollSignals.Freshness.Fresh.class,
                    fresh -> assertThat(fresh.sessionsOld()).isEqualTo(Integer.parseInt(want[1])));
            case "stale" -> assertThat(f).isInstanceOfSatisfying(RollSignals.Freshness.Stale.class,
                    stale -> assertThat(stale.sessionsOld()).isEqualTo(Integer.parseInt(want[1])));
            default -> assertThat(f).isInstanceOf(RollSignals.Freshness.AfterAnalysis.class);
        }
    }

    @Test
    void maxAgeSessionsZeroTakesOnlyTheAnalysisClose() {
        assertThat(RollSignals.freshness(Optional.of(richOn(LocalDate.of(2026, 12, 2))), 0, calendar, THURSDAY))
                .isInstanceOf(RollSignals.Freshness.Stale.class);
        assertThat(RollSignals.freshness(Optional.of(richOn(THURSDAY)), 0, calendar, THURSDAY))
                .isInstanceOf(RollSignals.Freshness.Fresh.class);
    }

    @Test
    void aFreshSnapshotDecidesEverySignal() {
        RollSignals s = read(Optional.of(decided(THURSDAY, VolatilityRegime.RICH, HoldState.HOLD, HedgeIntensity.FULL,
                0.75)));

        assertThat(s.holdOut().value()).isEqualTo(HoldState.HOLD);
        assertThat(s.regime().value()).isEqualTo(VolatilityRegime.RICH);
        assertThat(s.regime().source()).contains("signal snapshot of 2026-12-03", "live chain XSP ATM IV 16.0% is MODEST");
        assertThat(s.intensity().value()).isEqualTo(HedgeIntensity.FULL);
        assertThat(s.exposureMultiplier().value()).isEqualTo(0.75);
        assertThat(s.freshness().describe()).startsWith("snapshot of 2026-12-03 (0 sessions");
    }

    @Test
    void aSnapshotThatSaysOutTakesTheRollOut() {
        RollSignals s = read(Optional.of(decided(THURSDAY.minusDays(1), VolatilityRegime.RICH, HoldState.OUT,
                HedgeIntensity.NONE, 0.0)));

        assertThat(s.holdOut().value()).isEqualTo(HoldState.OUT);
        assertThat(s.holdOut().source()).isEqualTo("signal snapshot of 2026-12-02");
    }

    @Test
    void aStaleSnapshotIsUsedForNothing() {
        RollSignals s = read(Optional.of(decided(LocalDate.of(2026, 11, 30), VolatilityRegime.FALLING_FROM_HIGH,
                HoldState.OUT, HedgeIntensity.FULL, 0.0)));

        assertThat(s.freshness().describe()).contains("none used", "of 2026-11-30", "3 sessions before",
                "signals.maxAgeSessions 1");
        assertThat(s.holdOut().value()).isEqualTo(HoldState.HOLD);
        assertThat(s.holdOut().source()).isEqualTo("riskAssessment.fallback, no fresh signal snapshot");
        assertThat(s.regime().value()).isEqualTo(VolatilityRegime.MODEST);
        assertThat(s.regime().source()).contains("live chain XSP ATM IV 16.0%", "no fresh signal snapshot");
        assertThat(s.intensity().value()).isEqualTo(HedgeIntensity.STANDARD);
        assertThat(s.exposureMultiplier().value()).isEqualTo(1.0);
    }

    @Test
    void withoutAnySnapshotTheChainDecidesTheRegimeByTheLayersRuleIncludingTheFallFromAPeak() {
        RollSignals s = read(SHIPPED, Optional.empty(), THURSDAY, List.of(0.22, 0.31, 0.27, 0.21));

        assertThat(s.freshness()).isInstanceOf(RollSignals.Freshness.Absent.class);
        assertThat(s.regime().value()).isEqualTo(VolatilityRegime.FALLING_FROM_HIGH);
        assertThat(s.holdOut().value()).isEqualTo(HoldState.HOLD);
    }

    @Test
    void theStrategyCanTakeTheRegimeFromTheChainAndIgnoreIntensityAndExposure() {
        WeeklyHedgeConfig own = SHIPPED.withSignals(new SignalUse(1, RegimeSource.CHAIN, SignalApplication.IGNORE,
                SignalApplication.IGNORE));

        RollSignals s = read(own, Optional.of(richOn(THURSDAY)), THURSDAY, List.of());

        assertThat(s.regime().value()).isEqualTo(VolatilityRegime.MODEST);
        assertThat(s.regime().source()).contains("signals.regime: chain");
        assertThat(s.intensity().value()).isEqualTo(HedgeIntensity.STANDARD);
        assertThat(s.intensity().source()).contains("signals.hedgeIntensity: ignore");
        assertThat(s.exposureMultiplier().value()).isEqualTo(1.0);
        assertThat(s.exposureMultiplier().source()).contains("signals.exposureMultiplier: ignore");
        assertThat(s.holdOut().source()).isEqualTo("signal snapshot of 2026-12-03");
    }

    @Test
    void aConfiguredHoldOutOverridesTheSnapshotsButTheOtherSignalsStillCome() {
        WeeklyHedgeConfig configured = SHIPPED.withRiskAssessment(new WeeklyHedgeConfig.RiskAssessment(
                WeeklyHedgeConfig.RiskSource.CONFIGURED, WeeklyHedgeConfig.HoldFallback.HOLD));

        RollSignals s = read(configured, Optional.of(decided(THURSDAY, VolatilityRegime.RICH, HoldState.OUT,
                HedgeIntensity.NONE, 0.0)), THURSDAY, List.of());

        assertThat(s.holdOut().value()).isEqualTo(HoldState.HOLD);
        assertThat(s.holdOut().source()).contains("riskAssessment.source: configured");
        assertThat(s.regime().value()).isEqualTo(VolatilityRegime.RICH);
    }

    @Test
    void whatTheSnapshotDoesNotKnowFallsBackOneByOneWithTheReason() {
        SignalSnapshot known = richOn(THURSDAY);
        SignalSnapshot partly = new SignalSnapshot(known.takenAt(), known.asOf(), List.of(), List.of(),
                Outcome.<MarketRegime>unknown("ibkr:VIX3M: no observation"),
                Outcome.<VolatilityRegime>unknown("ibkr:XSP_IV: stale"),
                Outcome.<HoldState>unknown("ibkr:SPX: stale"), known.memory(),
                Outcome.<Double>unknown("rate sensitivity of UPRO unknown"),
                Outcome.<HedgeIntensity>unknown("ibkr:VIX3M: no observation"), List.of(), List.of());

        RollSignals s = read(Optional.of(partly));

        assertThat(s.freshness()).isInstanceOf(RollSignals.Freshness.Fresh.class);
        assertThat(s.holdOut().value()).isEqualTo(HoldState.HOLD);
        assertThat(s.holdOut().source()).contains("hold/out unknown: ibkr:SPX: stale");
        assertThat(s.regime().value()).isEqualTo(VolatilityRegime.MODEST);
        assertThat(s.regime().source()).contains("has the regime unknown: ibkr:XSP_IV: stale");
        assertThat(s.intensity().value()).isEqualTo(HedgeIntensity.STANDARD);
        assertThat(s.intensity().source()).contains("unknown: ibkr:VIX3M");
        assertThat(s.exposureMultiplier().value()).isEqualTo(1.0);
        assertThat(s.exposureMultiplier().source()).contains("rate sensitivity of UPRO unknown");
    }
}
