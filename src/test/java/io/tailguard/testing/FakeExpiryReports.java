package io.tailguard.testing;

import io.tailguard.ledger.ExpiryFinding;
import io.tailguard.ledger.ExpiryReport;
import io.tailguard.ledger.ExpiryReports;
import io.tailguard.ledger.Instrument;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Findings the test hands out, by instrument key (pending until the test says the broker reported), and
 * the closes of the underlyings by symbol and date.
 */
public final class FakeExpiryReports implements ExpiryReports {
    private final Map<String, ExpiryFinding> findings = new HashMap<>();
    private final Map<String, BigDecimal> closes = new HashMap<>();

    public FakeExpiryReports report(Instrument option, ExpiryReport... reports) {
        findings.put(option.key(), new ExpiryFinding.Reported(List.of(reports)));
        return this;
    }

    public FakeExpiryReports finding(Instrument option, ExpiryFinding finding) {
        findings.put(option.key(), finding);
        return this;
    }

    public FakeExpiryReports close(String symbol, LocalDate date, String price) {
        closes.put(symbol + " " + date, new BigDecimal(price));
        return this;
    }

    @Override
    public Map<String, ExpiryFinding> findings(Map<Instrument, BigDecimal> options, Map<String, BigDecimal> sharesHeld) {
        Map<String, ExpiryFinding> out = new LinkedHashMap<>();
        options.keySet().forEach(o -> out.put(o.key(),
                findings.getOrDefault(o.key(), new ExpiryFinding.Pending("not reported yet"))));
        return out;
    }

    @Override
    public Optional<BigDecimal> closeOn(String symbol, LocalDate date) {
        return Optional.ofNullable(closes.get(symbol + " " + date));
    }
}
