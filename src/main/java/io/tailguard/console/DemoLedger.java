package io.tailguard.console;

import io.tailguard.app.LedgerApp;
import io.tailguard.broker.sim.market.ModelMarket;
import io.tailguard.broker.sim.market.Settlement;
import io.tailguard.hedge.roll.RollAnalysis;
import io.tailguard.ledger.HedgeCycleLedger;
import io.tailguard.ledger.Instrument;
import io.tailguard.ledger.LedgerConfig;
import io.tailguard.ledger.tax.LotMethod;
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
 * result is printed as {@code tailguard pnl --cycle} prints it.
 */
final class DemoLedger {
    private DemoLedger() {
    }

    static void bookWeek(PrintWriter out, Database db, ModelMarket market, Proposal proposal, RollAnalysis analysis,
            double uproFriday, double uproClose, double commitment, Instant executedAt, double xspAtExecution,
            Path reportsDir) {
        LocalDate expiry = analysis.market().expiry();
        HedgeCycleLedger ledger = LedgerApp.ledger(db.dataSource(),
                new LedgerConfig(BigDecimal.valueOf(commitment), LotMethod.FIFO), market.clock());
        String cycleId = "demo-" + expiry;
        ledger.openCycle(cycleId, proposal.id(), "UPRO", expiry, BigDecimal.valueOf(analysis.shares()),
                BigDecimal.valueOf(uproFriday),
                BigDecimal.valueOf(xspAtExecution).setScale(2, RoundingMode.HALF_UP), executedAt);
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
        out.printf("cycle chart: %s%n", PnlCharts.cyclePayoff(view.cycle(), report.entries(cycleId), view.pnl().orElseThrow(),
                reportsDir.resolve("demo-cycle-" + expiry + ".png")));
    }
}
