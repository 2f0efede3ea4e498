package io.tailguard.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After expiry: books what the broker's evidence shows for each option a cycle still holds (cash
 * settlement, expiry, assignment) and closes the cycle at the underlying's official close on the expiry
 * date once nothing but shares is left. An option the broker has not settled yet keeps the cycle open;
 * contradictory evidence is reported and nothing is booked for that option.
 */
public final class ExpiryBooking {
    private static final Logger log = LoggerFactory.getLogger(ExpiryBooking.class);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final HedgeCycleLedger ledger;
    private final ExpiryReports reports;
    private final Clock clock;

    public ExpiryBooking(HedgeCycleLedger ledger, ExpiryReports reports, Clock clock) {
        this.ledger = ledger;
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * What one run did: the cycles it closed, the cycles past expiry still waiting (with why), and the
     * problems that need a person (contradictory evidence, a booking the ledger refused).
     */
    public record Outcome(List<String> closed, Map<String, String> pending, List<String> problems) {
        public Outcome {
            closed = List.copyOf(closed);
            pending = Map.copyOf(pending);
            problems = List.copyOf(problems);
        }

        public String describe() {
            if (closed.isEmpty() && pending.isEmpty() && problems.isEmpty()) {
                return "no hedge cycle past its expiry";
            }
            List<String> parts = new ArrayList<>();
            if (!closed.isEmpty()) {
                parts.add("closed " + closed);
            }
            if (!pending.isEmpty()) {
                parts.add("waiting: " + pending);
            }
            if (!problems.isEmpty()) {
                parts.add("PROBLEMS: " + problems);
            }
            return String.join("; ", parts);
        }
    }

    /** Returns the ids of the cycles it closed. */
    public List<String> run() {
        return book().closed();
    }

    public Outcome book() {
        LocalDate today = LocalDate.now(clock.withZone(NEW_YORK));
        List<String> closed = new ArrayList<>();
        Map<String, String> pending = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (HedgeCycle cycle : ledger.cycles()) {
            if (!cycle.isOpen() || today.isBefore(cycle.expiry())) {
                continue;
            }
            try {
                bookCycle(cycle, today, closed, pending, problems);
            } catch (RuntimeException e) {
                String problem = cycle.id() + ": " + e.getMessage();
                log.warn("expiry booking of cycle {} failed: {}", cycle.id(), e.toString());
                problems.add(problem);
            }
        }
        return new Outcome(closed, pending, problems);
    }

    private void bookCycle(HedgeCycle cycle, LocalDate today, List<String> closed, Map<String, String> pending,
            List<String> problems) {
        ledger.syncFills(cycle.id());
        List<LedgerEntry> entries = ledger.entries(cycle.id());
        Map<String, Instrument> instruments = Positions.instruments(entries);
        Map<Instrument, BigDecimal> expired = new LinkedHashMap<>();
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        List<String> waiting = new ArrayList<>();
        Positions.open(entries).forEach((key, qty) -> {
            Instrument i = instruments.get(key);
            if (!i.isOption()) {
                shares.put(i.symbol(), qty);
            } else if (today.isBefore(i.expiry())) {
                waiting.add(key + " expires " + i.expiry());
            } else {
                expired.put(i, qty);
            }
        });
        if (!expired.isEmpty()) {
            sharesMovedByOtherCycles(cycle).forEach((symbol, qty) -> shares.merge(symbol, qty, BigDecimal::add));
        }
        Map<String, ExpiryFinding> findings = expired.isEmpty() ? Map.of() : reports.findings(expired, shares);
        for (Instrument option : expired.keySet()) {
            ExpiryFinding finding = findings.get(option.key());
            if (finding == null) {
                waiting.add(option.key() + ": no finding");
            } else if (finding instanceof ExpiryFinding.Pending p) {
                waiting.add(option.key() + ": " + p.reason());
            } else if (finding instanceof ExpiryFinding.Inconsistent x) {
                log.warn("cycle {}: {} not booked: {}", cycle.id(), option.key(), x.problem());
                problems.add(cycle.id() + " " + option.key() + ": " + x.problem());
            } else if (finding instanceof ExpiryFinding.Reported r) {
                for (ExpiryReport report : r.reports()) {
                    record(cycle.id(), option, report);
                }
                log.info("cycle {}: booked {} {}", cycle.id(), option.key(), r.reports());
            }
        }
        boolean optionsLeft = Positions.open(ledger.entries(cycle.id())).keySet().stream()
                .anyMatch(k -> instruments.get(k).isOption());
        if (optionsLeft) {
            if (!waiting.isEmpty()) {
                pending.put(cycle.id(), String.join("; ", waiting));
            }
            return;
        }
        Optional<BigDecimal> close = reports.closeOn(cycle.underlying(), cycle.expiry());
        if (close.isEmpty()) {
            pending.put(cycle.id(), "no daily bar of " + cycle.underlying() + " for " + cycle.expiry() + " yet");
            return;
        }
        ledger.closeCycle(cycle.id(), close.get(), clock.instant());
        log.info("cycle {} closed at {} {} (close of {})", cycle.id(), cycle.underlying(), close.get(), cycle.expiry());
        closed.add(cycle.id());
    }

    /**
     * Shares delivered by assignments booked in other cycles after this one opened and before its expiry date.
     * The weekly roll opens the next cycle on the morning of the old one's expiry, with the shares held then;
     * the old cycle's calls assigned that night take shares the new cycle counted. The account is expected to
     * hold this cycle's shares plus those moves, so they are not mistaken for this cycle's assignment.
     */
    private Map<String, BigDecimal> sharesMovedByOtherCycles(HedgeCycle cycle) {
        Map<String, BigDecimal> moved = new LinkedHashMap<>();
        for (HedgeCycle other : ledger.cycles()) {
            if (other.id().equals(cycle.id())) {
                continue;
            }
            for (LedgerEntry e : ledger.entries(other.id())) {
                if (e.type() == EntryType.ASSIGNED_SHARES && e.occurredAt().isAfter(cycle.openedAt())
                        && LocalDate.ofInstant(e.occurredAt(), NEW_YORK).isBefore(cycle.expiry())) {
                    moved.merge(e.instrument().symbol(), e.quantity(), BigDecimal::add);
                }
            }
        }
        return moved;
    }

    private void record(String cycleId, Instrument option, ExpiryReport report) {
        if (report instanceof ExpiryReport.CashSettled s) {
            ledger.recordCashSettlement(cycleId, option, s.settlementPrice(), s.at());
        } else if (report instanceof ExpiryReport.Expired x) {
            ledger.recordExpiry(cycleId, option, x.at());
        } else if (report instanceof ExpiryReport.Assigned a) {
            ledger.recordAssignment(cycleId, option, a.contracts(), a.at(), a.reportRef());
        }
    }
}
