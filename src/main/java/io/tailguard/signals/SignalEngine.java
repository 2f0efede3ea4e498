package io.tailguard.signals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every layer over one point-in-time view of the inputs and composes the snapshot. Pure: the same inputs,
 * memory and configuration always give the same snapshot.
 */
public final class SignalEngine {
    private final SignalLayersConfig config;

    public SignalEngine(SignalLayersConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    public SignalSnapshot evaluate(PointInTimeData data, HysteresisMemory previous, Instant takenAt) {
        Outcome<RateSensitivityLayer.Result> rates = RateSensitivityLayer.evaluate(data, config.rateSensitivity());
        Outcome<CashFlowDurabilityScreen.Result> durability =
                CashFlowDurabilityScreen.evaluate(data, config.cashFlowDurability());
        Outcome<DelusionRegimeLayer.Result> delusion = DelusionRegimeLayer.evaluate(data, config.delusion());
        Outcome<ContrarianFlagLayer.Result> contrarian = ContrarianFlagLayer.evaluate(data, config.contrarian());
        Outcome<SteepenerSetupLayer.Result> steepener = SteepenerSetupLayer.evaluate(data, config.steepener());
        Outcome<DurationBarbellLayer.Result> barbell =
                DurationBarbellLayer.evaluate(data, config.durationBarbell(), config.rateSensitivity());
        Outcome<PowellPauseLayer.Result> pause = PowellPauseLayer.evaluate(data, config.powellPause());
        Outcome<VolatilityLayer.Result> volatility = VolatilityLayer.evaluate(data, config.volatility());
        Outcome<RiskAssessmentLayer.Result> risk = RiskAssessmentLayer.evaluate(data, volatility, previous, config);

        List<LayerReading> layers = List.of(
                LayerReading.of(LayerName.RATE_SENSITIVITY, rates),
                LayerReading.of(LayerName.CASH_FLOW_DURABILITY, durability),
                LayerReading.of(LayerName.DELUSION_REGIME, delusion),
                LayerReading.of(LayerName.CONTRARIAN_FLAGS, contrarian),
                LayerReading.of(LayerName.STEEPENER_SETUP, steepener),
                LayerReading.of(LayerName.DURATION_BARBELL, barbell),
                LayerReading.of(LayerName.POWELL_PAUSE, pause),
                LayerReading.of(LayerName.VOLATILITY_REGIME, volatility),
                LayerReading.of(LayerName.RISK_ASSESSMENT, risk));

        Outcome<MarketRegime> regime = volatility.map(MarketRegime::of);
        Outcome<HoldState> holdOut = risk.map(RiskAssessmentLayer.Result::state);
        HysteresisMemory memory = risk.isKnown() ? risk.value().memory(data.asOf()) : previous;
        Outcome<Double> exposure = holdOut.flatMap(state -> state == HoldState.OUT
                ? Outcome.known(config.risk().outExposureMultiplier())
                : rates.flatMap(r -> r.exposureMultiplier(config.leveragedSymbol())));
        Outcome<HedgeIntensity> hedge = holdOut.flatMap(state -> regime.map(r -> HedgeIntensity.of(state, r)));

        List<CandidateTrade> candidates = new ArrayList<>();
        if (steepener instanceof Outcome.Known<SteepenerSetupLayer.Result> known) {
            candidates.addAll(SteepenerSetupLayer.candidates(known.value(), config.steepener()));
        }
        if (barbell instanceof Outcome.Known<DurationBarbellLayer.Result> known) {
            candidates.addAll(DurationBarbellLayer.candidates(known.value(), config.durationBarbell()));
        }
        if (contrarian instanceof Outcome.Known<ContrarianFlagLayer.Result> known) {
            for (String ticker : known.value().flagged()) {
                candidates.add(new CandidateTrade(LayerName.CONTRARIAN_FLAGS, List.of(new CandidateTrade.Leg(
                        CandidateTrade.Side.SHORT, CandidateTrade.Instrument.STOCK, ticker)), String.format(
                        "hyped AI name with R&D at %.2f%% of revenue, below %.2f%%",
                        100 * known.value().rndToRevenue().get(ticker), 100 * config.contrarian().rndToRevenueBelow())));
            }
        }
        return new SignalSnapshot(takenAt, data.asOf(), data.inputsUsed(), layers, regime,
                volatility.map(VolatilityLayer.Result::regime), holdOut, memory, exposure, hedge, candidates,
                data.missingInputs());
    }
}
