package io.tailguard.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The result of a chain pull: every option that was priced, and every requested strike that was not,
 * with the reason. A pull never waits forever; what did not arrive in time is listed in {@code missing}.
 */
public record OptionChain(
        String underlyingSymbol,
        LocalDate expiry,
        double underlyingPrice,
        List<OptionQuote> options,
        List<MissingOption> missing,
        List<String> warnings,
        Instant pulledAt) {

    public OptionChain {
        Objects.requireNonNull(underlyingSymbol, "underlyingSymbol");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(pulledAt, "pulledAt");
        options = List.copyOf(options);
        missing = List.copyOf(missing);
        warnings = List.copyOf(warnings);
    }

    public boolean isComplete() {
        return missing.isEmpty();
    }
}
