package io.tailguard.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A strike of a chain request that could not be priced, and why (not listed, no quote in time, no permission). */
public record MissingOption(BigDecimal strike, OptionRight right, String reason) {
    public MissingOption {
        Objects.requireNonNull(strike, "strike");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(reason, "reason");
    }
}
