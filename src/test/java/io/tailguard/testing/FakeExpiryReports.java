package io.tailguard.testing;

import io.tailguard.ledger.ExpiryReport;
import io.tailguard.ledger.ExpiryReports;
import io.tailguard.ledger.Instrument;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Expiry reports the test hands out, by instrument key; none until the test says the broker reported. */
public final class FakeExpiryReports implements ExpiryReports {
    private final Map<String, ExpiryReport> reports = new HashMap<>();

    public FakeExpiryReports report(Instrument option, ExpiryReport report) {
        reports.put(option.key(), report);
        return this;
    }

    @Override
    public Optional<ExpiryReport> report(Instrument option) {
        return Optional.ofNullable(reports.get(option.key()));
    }
}
