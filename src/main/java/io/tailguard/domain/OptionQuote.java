package io.tailguard.domain;

import java.util.Objects;

/** One option of a chain with its quote. */
public record OptionQuote(Contract contract, Quote quote) {
    public OptionQuote {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(quote, "quote");
        if (!contract.isOption()) {
            throw new IllegalArgumentException("not an option: " + contract.describe());
        }
    }
}
