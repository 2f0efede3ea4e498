package io.tailguard.signals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The output of one run, complete enough to explain the decision later from what was known then: every input used
 * (source, observed and available dates), every layer's reading, the regime, the hold/out decision with the
 * hysteresis memory, the target exposure multiplier for the leveraged position, a hedge-intensity hint and the
 * candidate trades for the approval queue, and the inputs it could not use ({@code missing}, with why). Each input
 * says where it came from (live, simulated or sample). {@code asOf} is the last completed session date;
 * {@code takenAt} the wall-clock time of the run.
 */
public record SignalSnapshot(
        Instant takenAt,
        LocalDate asOf,
        List<SnapshotInput> inputs,
        List<LayerReading> layers,
        Outcome<MarketRegime> regime,
        Outcome<VolatilityRegime> volatilityRegime,
        Outcome<HoldState> holdOut,
        HysteresisMemory memory,
        Outcome<Double> exposureMultiplier,
        Outcome<HedgeIntensity> hedgeIntensity,
        List<CandidateTrade> candidates,
        List<MissingInput> missing) {

    public SignalSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(asOf, "asOf");
        inputs = List.copyOf(inputs);
        layers = List.copyOf(layers);
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(volatilityRegime, "volatilityRegime");
        Objects.requireNonNull(holdOut, "holdOut");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(exposureMultiplier, "exposureMultiplier");
        Objects.requireNonNull(hedgeIntensity, "hedgeIntensity");
        candidates = List.copyOf(candidates);
        missing = List.copyOf(missing);
        for (SnapshotInput input : inputs) {
            if (input.availableOn().isAfter(asOf)) {
                throw new IllegalArgumentException("input " + input.series() + " available " + input.availableOn()
                        + " is after the snapshot date " + asOf);
            }
        }
        Set<LayerName> seen = EnumSet.noneOf(LayerName.class);
        for (LayerReading reading : layers) {
            if (!seen.add(reading.layer())) {
                throw new IllegalArgumentException("layer " + reading.layer() + " appears twice");
            }
        }
        if (holdOut instanceof Outcome.Known<HoldState> known && known.value() != memory.state()) {
            throw new IllegalArgumentException("hold/out " + known.value() + " disagrees with memory " + memory.state());
        }
    }

    /** True when any input came from the simulated market or from shipped sample data rather than a live source. */
    public boolean usesNonLiveInputs() {
        return inputs.stream().map(i -> i.origin().provenance())
                .anyMatch(p -> p == InputOrigin.Provenance.SIMULATED || p == InputOrigin.Provenance.SAMPLE);
    }

    /** False for a snapshot stored before tailguard recorded where its inputs came from. */
    public boolean originsRecorded() {
        return inputs.stream().noneMatch(i -> i.origin().provenance() == InputOrigin.Provenance.UNRECORDED);
    }

    public LayerReading layer(LayerName name) {
        return layers.stream().filter(l -> l.layer() == name).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer " + name + " in snapshot"));
    }
}
