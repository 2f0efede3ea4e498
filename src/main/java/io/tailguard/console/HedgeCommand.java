package io.tailguard.console;

import io.tailguard.app.BrokerConnection;
import io.tailguard.app.MarketClock;
import io.tailguard.app.Installation;
import io.tailguard.app.WeeklyHedgeStrategy;
import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.hedge.roll.RollAnalysis;
import io.tailguard.hedge.roll.WeeklyHedgeRollService;
import io.tailguard.orders.Actor;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.report.PayoutChart;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tailguard hedge preview|roll}: the weekly XSP hedge analysis, now. */
@Command(name = "hedge", mixinStandardHelpOptions = true,
        description = "The weekly XSP put / UPRO short-call hedge (strategies/weekly-xsp-hedge.yaml).",
        subcommands = {HedgeCommand.Preview.class, HedgeCommand.Roll.class},
        footerHeading = "%nExamples:%n",
        footer = {"  tailguard hedge preview            analyse now, print the proposal, write the payout PNG",
                "  tailguard hedge roll               analyse now and store the proposal for approval"})
public final class HedgeCommand implements Callable<Integer> {
    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return TailguardCommand.OK;
    }

    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        HedgeCommand hedge;

        @Spec
        CommandSpec spec;

        @Option(names = "--strategy", paramLabel = "FILE", description = "Strategy file (default: "
                + "strategies/weekly-xsp-hedge.yaml beside the configuration's directory, the daemon's).")
        Path strategyFile;

        /** The strategy the trader named, else the installation's: the file the daemon reads. */
        Path strategyFile() {
            return strategyFile != null ? strategyFile : WeeklyHedgeStrategy.fileFor(hedge.root.configFile());
        }

        @Option(names = "--no-analyses", description = "Skip the tenor comparison and the IV sensitivity.")
        boolean noAnalyses;
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = "Run the analysis now against the configured broker and print the proposal without storing "
                    + "it; writes the payout chart to the reports directory.")
    static final class Preview extends Base {
        @Override
        public Integer call() {
            TailguardConfig config = ConfigLoader.fromSystemEnvironment().load(hedge.root.configFile());
            WeeklyHedgeConfig strategy = WeeklyHedgeStrategy.load(strategyFile());
            Clock wall = Clock.systemUTC();
            Clock clock = MarketClock.forConsole(config, wall); // the daemon's market time while it runs (sim mode)
            PrintWriter out = spec.commandLine().getOut();
            try (BrokerConnection connection = BrokerConnection.open(config, clock,
                    ChainCommand.CONSOLE_CLIENT_ID_OFFSET + 2);
                    Installation installation = Installation.open(hedge.root.configFile(), wall)) {
                WeeklyHedgeRollService service = WeeklyHedgeStrategy.service(clock, connection.broker(),
                        installation.database().dataSource(), strategy, p -> {
                            throw new IllegalStateException("preview stores nothing");
                        }, hedge.root.configFile());
                RollAnalysis analysis = service.preview(!noAnalyses);
                print(analysis, out);
                chart(analysis, strategy, config.paths().reportsDir()).ifPresent(f -> out.println("payout chart: " + f));
                out.println("(preview: nothing stored; `tailguard hedge roll` stores the proposal)");
            }
            return TailguardCommand.OK;
        }
    }

    @Command(name = "roll", mixinStandardHelpOptions = true,
            description = "Run the analysis now and store the proposal (PROPOSED) for approval.")
    static final class Roll extends Base {
        @Override
        public Integer call() {
            TailguardConfig config = ConfigLoader.fromSystemEnvironment().load(hedge.root.configFile());
            WeeklyHedgeConfig strategy = WeeklyHedgeStrategy.load(strategyFile());
            Clock wall = Clock.systemUTC();
            Clock clock = MarketClock.forConsole(config, wall); // the daemon's market time while it runs (sim mode)
            PrintWriter out = spec.commandLine().getOut();
            try (BrokerConnection connection = BrokerConnection.open(config, clock,
                    ChainCommand.CONSOLE_CLIENT_ID_OFFSET + 2);
                    Installation installation = Installation.open(hedge.root.configFile(), wall)) {
                var ds = installation.database().dataSource();
                WeeklyHedgeRollService service = WeeklyHedgeStrategy.service(clock, connection.broker(), ds, strategy,
                        WeeklyHedgeStrategy.proposalStore(ds, clock, Actor.currentUser()), hedge.root.configFile());
                RollAnalysis analysis = service.rollNow(!noAnalyses);
                print(analysis, out);
                chart(analysis, strategy, config.paths().reportsDir()).ifPresent(f -> out.println("payout chart: " + f));
                analysis.proposal().ifPresent(p -> out.println("stored; approve with: tailguard approve " + p.id()));
            }
            return TailguardCommand.OK;
        }
    }

    static void print(RollAnalysis analysis, PrintWriter out) {
        out.print(analysis.report());
        out.println();
        if (analysis.proposal().isEmpty()) {
            out.println("proposal: none (" + (analysis.feasibleTolerance().isPresent()
                    ? "no structure within the loss tolerance" : "nothing to trade") + ")");
        } else {
            Proposal p = analysis.proposal().get();
            out.println("proposal " + p.id() + " (" + p.strategy() + ")");
            for (ProposalLeg l : p.legs()) {
                out.printf("  %-26s %-15s %s%n", l.legId(), l.intent(), l.describe());
            }
            p.metrics().forEach((k, v) -> out.printf("  %-22s %s%n", k, v));
        }
        RollAnalysis.StageTimes t = analysis.times();
        out.printf("timing: account %d ms, chains %d ms, simulation %d ms, optimizer %d ms, analyses %d ms%n",
                t.accountMs(), t.chainMs(), t.simulationMs(), t.optimizerMs(), t.analysesMs());
    }

    /** The payout chart of the proposed structure, or of the closest one marked as not proposed. */
    static Optional<Path> chart(RollAnalysis analysis, WeeklyHedgeConfig strategy, Path reportsDir) {
        if (analysis.optimization().isEmpty() || analysis.tolerance().isEmpty()) {
            return Optional.empty();
        }
        Path file = reportsDir.resolve("hedge-payout-" + analysis.analysisDate() + ".png");
        return Optional.of(PayoutChart.write(file, PayoutChart.ofRoll(analysis.optimization().get(),
                analysis.tolerance().get(), analysis.market().expiry(),
                analysis.feasible() && analysis.proposal().isPresent(), strategy.underlying().leverage())));
    }
}
