package io.tailguard.console;

import io.tailguard.app.Installation;
import io.tailguard.app.LedgerApp;
import io.tailguard.broker.Broker;
import io.tailguard.broker.sim.market.ModelMarket;
import io.tailguard.hedge.roll.RollAnalysis;
import io.tailguard.ledger.BrokerExpiryReports;
import io.tailguard.ledger.ExpiryBooking;
import io.tailguard.ledger.HedgeCycleLedger;
import io.tailguard.ledger.LedgerConfig;
import io.tailguard.ledger.store.LedgerStore;
import io.tailguard.proposal.Proposal;
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

/**
 * The demo week in the hedge ledger, as the daemon books a real one: the cycle opens with the shares
 * held at Friday's close, the hedge's executions and commissions are booked from the order tables, and
 * the daemon's expiry booking reads from the gateway how each option ended (the puts settle in cash at the
 * index's close) and closes the cycle at the underlying's close on the expiry date. The
 * result is printed as {@code tailguard pnl --cycle} prints it, then the closed cycle and its entries (as
 * booked) are copied into the configured ledger, flagged demo, once per demo week.
 */
final class DemoLedger {
    private static final int SETTLEMENT_ATTEMPTS = 100;

    private DemoLedger() {
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the gateway to settle the week", e);
        }
    }

    /** The id of the demo's cycle: the daemon's cycle id of that week ({@code W<expiry>}) after "demo-". */
    static String cycleId(LocalDate expiry) {
        return HedgeCycleLedger.DEMO_PREFIX + "W" + expiry;
    }

    static void bookWeek(PrintWriter out, Database db, ModelMarket market, Broker broker, Proposal proposal,
            RollAnalysis analysis, double uproFriday, Instant executedAt, double uproAtExecution,
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
        // the daemon's expiry-booking step: settlement and close from what the gateway shows, nothing assumed
        ExpiryBooking booking = new ExpiryBooking(ledger, new BrokerExpiryReports(broker, market.clock()),
                market.clock());
        ExpiryBooking.Outcome booked = booking.book();
        // the gateway settles on its next tick after the close: wait for it as the daemon's next run would
        for (int attempt = 0; attempt < SETTLEMENT_ATTEMPTS && booked.problems().isEmpty()
                && !booked.closed().contains(cycleId); attempt++) {
            pause();
            booked = booking.book();
        }
        if (!booked.closed().contains(cycleId)) {
            out.printf("%n-- 7. the hedge ledger: cycle %s is still open (%s) --%n", cycleId, booked.describe());
            return;
        }

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
