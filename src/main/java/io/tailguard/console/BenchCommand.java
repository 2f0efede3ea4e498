package io.tailguard.console;

import io.tailguard.app.BrokerConnection;
import io.tailguard.app.WeeklyHedgeStrategy;
import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.broker.ChainRequest;
import io.tailguard.broker.ListedExpiries;
import io.tailguard.broker.ibkr.chain.ChainPullBenchmark;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.hedge.roll.RollAnalysis;
import io.tailguard.hedge.roll.SignalsReader;
import io.tailguard.hedge.roll.WeeklyHedgeRollService;
import io.tailguard.calendar.ExchangeCalendar;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tailguard bench ...}: measurements that are reported, never asserted in tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks against the configured broker.",
        subcommands = {BenchCommand.Chain.class, BenchCommand.Roll.class})
public final class BenchCommand implements Runnable {
    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "chain", mixinStandardHelpOptions = true,
            description = "Pull the next weekly XSP chain (puts and calls within --width of the index) several times "
                    + "and compare each pull's time with the pacing bound: (messages sent - 1) / messagesPerSecond.",
            footerHeading = "%nExamples:%n", footer = {"  tailguard bench chain", "  tailguard bench chain --width 8%% --runs 5"})
    static final class Chain implements Callable<Integer> {
        @ParentCommand
        BenchCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--width", defaultValue = "10%", paramLabel = "PCT", converter = ArgumentTypes.StrikeWindowConverter.class,
                description = "Strike window (default: 10%%).")
        ArgumentTypes.StrikeWindow width;

        @Option(names = "--runs", defaultValue = "3", description = "Pulls to make; the first is cold (default: ${DEFAULT-VALUE}).")
        int runs;

        @Override
        public Integer call() {
            TailguardConfig config = ConfigLoader.fromSystemEnvironment().load(parent.root.configFile());
            PrintWriter out = spec.commandLine().getOut();
            Clock clock = Clock.systemUTC();
            try (BrokerConnection connection = BrokerConnection.openOwnMarket(config, clock, ChainCommand.CONSOLE_CLIENT_ID_OFFSET)) {
                Contract xsp = Contract.index("XSP", "CBOE");
                LocalDate expiry = ListedExpiries.firstOnOrAfter(connection.broker(), xsp, "XSP",
                        LocalDate.now(clock.withZone(ZoneId.of("America/New_York"))).plusDays(1));
                ChainRequest request = new ChainRequest(xsp, "XSP", expiry, width.fraction(),
                        EnumSet.allOf(OptionRight.class), Duration.ofSeconds(180));
                for (int i = 1; i <= runs; i++) {
                    out.printf("run %d: XSP %s ±%s: %s%n", i, expiry, width, ChainPullBenchmark.run(connection.ibkr(), request));
                    out.flush();
                }
            }
            return TailguardCommand.OK;
        }
    }

    @Command(name = "roll", mixinStandardHelpOptions = true,
            description = "A full weekly roll analysis (chain pull + simulation + optimizer over at least 1,000 "
                    + "candidates), timed by stage, after one warm-up run.",
            footerHeading = "%nExamples:%n", footer = {"  tailguard bench roll", "  tailguard bench roll --runs 5 --paths 100000"})
    static final class Roll implements Callable<Integer> {
        @ParentCommand
        BenchCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--runs", defaultValue = "3", description = "Runs after one warm-up (default ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--paths", defaultValue = "100000", description = "Simulated paths (default ${DEFAULT-VALUE}).")
        int paths;

        @Option(names = "--strategy", paramLabel = "FILE", description = "Strategy file (default: the installation's, "
                + "strategies/weekly-xsp-hedge.yaml beside the configuration's directory).")
        Path strategyFile;

        @Override
        public Integer call() {
            TailguardConfig config = ConfigLoader.fromSystemEnvironment().load(parent.root.configFile());
            WeeklyHedgeConfig base = WeeklyHedgeStrategy.load(strategyFile != null ? strategyFile
                    : WeeklyHedgeStrategy.fileFor(parent.root.configFile()));
            // a wide count range and no premium cap, so the optimizer sees at least 1,000 candidates
            WeeklyHedgeConfig strategy = base.withSimulation(base.simulation().withPaths(paths))
                    .withSearch(base.search().withMaxPutCounts(base.limits().maxPutContracts()))
                    .withLimits(new WeeklyHedgeConfig.Limits(base.limits().maxPutContracts(), 1e9,
                            base.limits().maxCallCoverFraction()));
            Clock clock = Clock.systemUTC();
            PrintWriter out = spec.commandLine().getOut();
            ExchangeCalendar calendar = ExchangeCalendar.nyse();
            LocalDate today = calendar.tradingDayOnOrBefore(LocalDate.now(clock.withZone(ZoneId.of("America/New_York"))));
            try (BrokerConnection connection = BrokerConnection.openOwnMarket(config, clock,
                    ChainCommand.CONSOLE_CLIENT_ID_OFFSET + 3)) {
                WeeklyHedgeRollService service = new WeeklyHedgeRollService(clock, connection.broker(),
                        SignalsReader.none(WeeklyHedgeStrategy.regimeRule(parent.root.configFile())), p -> { }, calendar, strategy);
                out.printf("%-8s %10s %8s %9s %11s %10s %8s%n", "run", "candidates", "paths", "chain ms", "simulate ms",
                        "optimize ms", "total ms");
                for (int i = 0; i <= runs; i++) {
                    RollAnalysis a = service.analyze(today, calendar.nextTradingDay(today), false);
                    RollAnalysis.StageTimes t = a.times();
                    int candidates = a.optimization().map(o -> o.candidateCount()).orElse(0);
                    out.printf("%-8s %10d %8d %9d %11d %10d %8d%n", i == 0 ? "warm-up" : "run " + i, candidates, paths,
                            t.chainMs(), t.simulationMs(), t.optimizerMs(), t.totalMs());
                    out.flush();
                }
            }
            out.println("cores: " + Runtime.getRuntime().availableProcessors());
            return TailguardCommand.OK;
        }
    }
}
