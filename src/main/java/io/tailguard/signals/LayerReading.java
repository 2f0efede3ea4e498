package io.tailguard.signals;

import java.util.Objects;

/** One layer's line in a snapshot: known with its detail, or unknown with the reason. */
public record LayerReading(LayerName layer, Outcome<LayerDetail> detail) {

    public LayerReading {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(detail, "detail");
    }

    static LayerReading of(LayerName layer, Outcome<? extends LayerResult> result) {
        return new LayerReading(layer, result.map(LayerResult::detail));
    }
}
