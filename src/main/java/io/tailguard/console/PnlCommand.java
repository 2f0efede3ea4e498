package io.tailguard.console;

import io.tailguard.app.Installation;
import io.tailguard.app.LedgerApp;
import io.tailguard.ledger.HedgeCycleLedger;
import io.tailguard.ledger.TaxYearView;
import io.tailguard.ledger.store.LedgerStore;
import io.tailguard.report.PnlCharts;
import io.tailguard.report.PnlReport;
import io.tailguard.report.PnlText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tailguard pnl [--cycles | --cycle ID | --tax YEAR] [--csv] [--no-charts]}: the hedge P&amp;L from the ledger. */
@Command(name = "pnl", mixinStandardHelpOptions = true,
        description = "Show the hedge P&L: the current cycle (hedged next to unhedged), every cycle with the "
                + "cumulative view (--cycles), or every entry that makes up one cycle's number (--cycle ID). "
                + "The week of `tailguard demo` (cycle demo-W<expiry>) is shown as DEMO until your first cycle, "
                + "listed apart by --cycles and never in the totals or the tax view. "
                + "Writes PNG charts to the reports directory. Exit 1 for an unknown cycle.",
        footerHeading = "%nExamples:%n", footer = {"  tailguard pnl", "  tailguard pnl --cycles",
            "  tailguard pnl --cycle 2026-W48", "  tailguard pnl --cycles --csv > cycles.csv", "  tailguard pnl --tax 2026"})
public final class PnlCommand implements Callable<Integer> {
    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--cycles", description = "Table of all cycles and the cumulative view.")
    boolean cycles;

    @Option(names = "--cycle", paramLabel = "ID", description = "Every entry of one cycle.")
    String cycleId;

    @Option(names = "--tax", paramLabel = "YEAR", description = "The tax view of a year: Section 1256 60/40 split, "
            + "UPRO share lots and wash sales.")
    Integer taxYear;

    @Option(names = "--csv", description = "Print CSV instead of the table.")
    boolean csv;

    @Option(names = "--no-charts", description = "Do not write the PNG charts.")
    boolean noCharts;

    @Override
    public Integer call() {
        try (Installation installation = Installation.open(root.configFile(), Clock.systemUTC())) {
            Clock clock = installation.clock();
            HedgeCycleLedger ledger = LedgerApp.ledger(installation.database().dataSource(),
                    LedgerApp.loadConfig(root.configFile()), clock);
            PnlReport report = new PnlReport(ledger, new LedgerStore(installation.database().dataSource(), clock));
            return print(report, installation.config().paths().reportsDir(), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }

    int print(PnlReport report, Path reportsDir, PrintWriter out, PrintWriter err) {
        if (taxYear != null) {
            TaxYearView.Result view = report.taxYear(taxYear);
            out.print(csv ? PnlText.taxYearCsv(view, report.lotMethod()) : PnlText.taxYear(view, report.lotMethod()));
            return TailguardCommand.OK;
        }
        if (cycleId != null) {
            Optional<PnlReport.CycleView> view = report.cycle(cycleId);
            if (view.isEmpty()) {
                err.println("tailguard: no hedge cycle " + cycleId);
                return TailguardCommand.RUNTIME_FAILURE;
            }
            out.print(csv ? PnlText.entriesCsv(report.entries(cycleId))
                    : PnlText.entries(view.get(), report.entries(cycleId)));
            chartCycle(report, view.get(), reportsDir, out);
            return TailguardCommand.OK;
        }
        if (cycles) {
            List<PnlReport.CycleView> all = report.cycles();
            List<PnlReport.CycleView> demos = report.demoCycles();
            out.print(csv ? PnlText.cyclesCsv(Stream.concat(all.stream(), demos.stream()).toList())
                    : PnlText.cycles(all, report.cumulative(), demos));
            if (!noCharts) {
                // the demo's week is charted only while the trader has no cycle of their own, and says so
                boolean demoOnly = all.isEmpty() && !demos.isEmpty();
                List<PnlReport.CycleView> closed = demoOnly ? report.demoClosedCycles() : report.closedCycles();
                String title = demoOnly ? "DEMO " : "";
                note(out, PnlCharts.cumulative(closed, reportsDir.resolve("pnl-cumulative.png"), title));
                note(out, PnlCharts.weeklyBars(closed.stream().map(v -> v.pnl().orElseThrow()).toList(),
                        reportsDir.resolve("pnl-weekly.png"), title));
            }
            return TailguardCommand.OK;
        }
        Optional<PnlReport.CycleView> current = report.current();
        if (current.isEmpty()) {
            out.println("no hedge cycle yet: the weekly roll opens one when its hedge executes");
            return TailguardCommand.OK;
        }
        out.print(csv ? PnlText.currentCsv(current.get()) : PnlText.current(current.get()));
        chartCycle(report, current.get(), reportsDir, out);
        return TailguardCommand.OK;
    }

    private void chartCycle(PnlReport report, PnlReport.CycleView view, Path reportsDir, PrintWriter out) {
        if (!noCharts && view.pnl().isPresent()) {
            note(out, PnlCharts.cyclePayoff(view.cycle(), report.entries(view.cycle().id()), view.pnl().get(),
                    reportsDir.resolve("cycle-" + view.cycle().id() + ".png")));
        }
    }

    private void note(PrintWriter out, Path chart) {
        if (!csv) {
            out.println("chart: " + chart);
        }
    }
}
