package io.tailguard.console;

import io.tailguard.app.Installation;
import io.tailguard.app.LedgerApp;
import io.tailguard.broker.sim.market.ModelMarket;
import io.tailguard.broker.sim.market.Settlement;
import io.tailguard.hedge.roll.RollAnalysis;
import io.tailguard.ledger.HedgeCycleLedger;
import io.tailguard.ledger.Instrument;
import io.tailguard.ledger.LedgerConfig;
import io.tailguard.ledger.store.LedgerStore;
import io.tailguard.orders.Proposal;
import io.tailguard.orders.ProposalLeg;
import io.tailguard.report.PnlCharts;
import io.tailguard.report.PnlReport;
import io.tailguard.report.PnlText;
import io.tailguard.store.Database;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The demo week in the hedge ledger, as the daemon books a real one: the cycle opens with the shares
 * held at Friday's close, the hedge's executions and commissions are booked from the order tables, the
 * puts settle in cash against the index at expiry, and the cycle closes at the underlying's close. The
 * result is printed as {@code tailguard pnl --cycle} prints it, then the closed cycle and its entries (as
 * booked) are copied into the configured ledger, flagged demo, once per demo week.
 */
final class DemoLedger {
    private DemoLedger() {
    }

    /** The id of the demo's cycle: the daemon's cycle id of that week ({@code W<expiry>}) after "demo-". */
    static String cycleId(LocalDate expiry) {
        return HedgeCycleLedger.DEMO_PREFIX + "W" + expiry;
    }

    static void bookWeek(PrintWriter out, Database db, ModelMarket market, Proposal proposal, RollAnalysis analysis,
            double uproFriday, double uproClose, Instant executedAt, double uproAtExecution,
            double xspAtExecution, Path reportsDir, Installation installation) {
        LocalDate expiry = analysis.market().expiry();
        // the configured ledger's settings (ledger.yaml: commitment), so that this is what `tailguard pnl` prints
        LedgerConfig config = LedgerApp.loadConfig(installation.configFile());
        HedgeCycleLedger ledger = LedgerApp.ledger(db.dataSource(), config, market.clock());
        String cycleId = cycleId(expiry);
        ledger.openCycle(cycleId, proposal.id(), "UPRO", expiry, BigDecimal.valueOf(analysis.shares()),
                BigDecimal.valueOf(uproFriday),
                BigDecimal.valueOf(xspAtExecution).setScale(2, RoundingMode.HALF_UP),
                BigDecimal.valueOf(uproAtExecution).setScale(2, RoundingMode.HALF_UP), executedAt);
        ledger.syncFills(cycleId);
        for (ProposalLeg leg : proposal.legs()) {
            Optional<Settlement> settlement = market.settlement(leg.contract().conId());
            if (settlement.isPresent()) {
                // the exchange publishes the settlement value in cents
                BigDecimal settlementPrice = BigDecimal.valueOf(settlement.get().underlyingPrice())
                        .setScale(2, RoundingMode.HALF_UP);
                ledger.recordCashSettlement(cycleId, Instrument.of(leg.contract()), settlementPrice,
                        settlement.get().settledAt());
            }
        }
        ledger.closeCycle(cycleId, BigDecimal.valueOf(uproClose), market.now());

        PnlReport report = new PnlReport(ledger, new LedgerStore(db.dataSource(), market.clock()));
        out.printf("%n-- 7. the hedge ledger (what `tailguard pnl --cycle %s` shows) --%n", cycleId);
        PnlReport.CycleView view = report.cycle(cycleId).orElseThrow();
        out.print(PnlText.entries(view, report.entries(cycleId)));

        out.printf("%n-- 8. into the configured ledger (%s) --%n", installation.config().database().url());
        HedgeCycleLedger target = LedgerApp.ledger(installation.database().dataSource(), config,
                installation.clock());
        if (target.importDemoCycle(ledger.cycle(cycleId), ledger.entries(cycleId))) {
            out.printf("  cycle %s copied with its %d entries, flagged DEMO: it is not in your totals or tax view%n",
                    cycleId, ledger.entries(cycleId).size());
        } else {
            out.printf("  cycle %s is already there from an earlier demo run: kept as it was, nothing copied "
                    + "(`tailguard pnl --cycle %s` shows the stored one)%n", cycleId, cycleId);
        }
        out.printf("  see it: tailguard pnl   |   tailguard pnl --cycles   |   tailguard pnl --cycle %s%n", cycleId);
        out.printf("cycle chart: %s%n", PnlCharts.cyclePayoff(view.cycle(), report.entries(cycleId),
                view.pnl().orElseThrow(), reportsDir.resolve("cycle-" + cycleId + ".png")));
    }
}
