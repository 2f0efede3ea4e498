package io.tailguard.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * After expiry: books what the broker reported for each option a cycle still holds (settlement, expiry,
 * assignment) and closes the cycle at the underlying's price once nothing but shares is left. An option
 * the broker has not reported on yet keeps the cycle open.
 */
public final class ExpiryBooking {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final HedgeCycleLedger ledger;
    private final ExpiryReports reports;
    private final MarketPrices prices;
    private final Clock clock;

    public ExpiryBooking(HedgeCycleLedger ledger, ExpiryReports reports, MarketPrices prices, Clock clock) {
        this.ledger = ledger;
        this.reports = reports;
        this.prices = prices;
        this.clock = clock;
    }

    /** Returns the ids of the cycles it closed. */
    public List<String> run() {
        LocalDate today = LocalDate.now(clock.withZone(NEW_YORK));
        List<String> closed = new ArrayList<>();
        for (HedgeCycle cycle : ledger.cycles()) {
            if (!cycle.isOpen() || today.isBefore(cycle.expiry())) {
                continue;
            }
            ledger.syncFills(cycle.id());
            List<LedgerEntry> entries = ledger.entries(cycle.id());
            Map<String, Instrument> instruments = Positions.instruments(entries);
            boolean pending = false;
            for (String key : Positions.open(entries).keySet()) {
                Instrument i = instruments.get(key);
                if (!i.isOption()) {
                    continue;
                }
                Optional<ExpiryReport> report = reports.report(i);
                if (report.isEmpty()) {
                    pending = true;
                    continue;
                }
                ExpiryReport r = report.get();
                if (r instanceof ExpiryReport.CashSettled s) {
                    ledger.recordCashSettlement(cycle.id(), i, s.settlementPrice(), s.at());
                } else if (r instanceof ExpiryReport.Expired x) {
                    ledger.recordExpiry(cycle.id(), i, x.at());
                } else if (r instanceof ExpiryReport.Assigned a) {
                    ledger.recordAssignment(cycle.id(), i, a.contracts(), a.at(), a.reportRef());
                }
            }
            boolean optionsLeft = Positions.open(ledger.entries(cycle.id())).keySet().stream()
                    .anyMatch(k -> instruments.get(k).isOption());
            Optional<BigDecimal> close = prices.price(Instrument.shares(cycle.underlying()));
            if (!pending && !optionsLeft && close.isPresent()) {
                ledger.closeCycle(cycle.id(), close.get(), clock.instant());
                closed.add(cycle.id());
            }
        }
        return closed;
    }
}
