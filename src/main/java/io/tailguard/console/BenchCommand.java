package io.tailguard.console;

import io.tailguard.app.BrokerConnection;
import io.tailguard.app.WeeklyHedgeStrategy;
import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.hedge.roll.RollAnalysis;
import io.tailguard.hedge.roll.SignalsReader;
import io.tailguard.hedge.roll.WeeklyHedgeRollService;
import io.tailguard.schedule.ExchangeCalendar;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tailguard bench roll}: one full roll analysis against the configured broker, timed by stage. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks (not tests). 'roll': chain pull + simulation + optimizer, timed by stage.")
public final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "roll", description = "What to benchmark: roll.")
    String what;

    @Option(names = "--runs", defaultValue = "3", description = "Runs after one warm-up (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--paths", defaultValue = "100000", description = "Simulated paths (default ${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--strategy", defaultValue = "strategies/weekly-xsp-hedge.yaml")
    Path strategyFile;

    @Override
    public Integer call() {
        if (!"roll".equals(what)) {
            spec.commandLine().getErr().println("tailguard: bench: only 'roll' is known");
            return TailguardCommand.USAGE_ERROR;
        }
        TailguardConfig config = ConfigLoader.fromSystemEnvironment().load(root.configFile());
        WeeklyHedgeConfig base = WeeklyHedgeStrategy.load(strategyFile);
        // a wide count range and no premium cap, so the optimizer sees at least 1,000 candidates
        WeeklyHedgeConfig strategy = base.withSimulation(base.simulation().withPaths(paths))
                .withSearch(base.search().withMaxPutCounts(base.limits().maxPutContracts()))
                .withLimits(new WeeklyHedgeConfig.Limits(base.limits().maxPutContracts(), 1e9,
                        base.limits().maxCallCoverFraction()));
        Clock clock = Clock.systemUTC();
        PrintWriter out = spec.commandLine().getOut();
        ExchangeCalendar calendar = ExchangeCalendar.nyse();
        LocalDate today = calendar.tradingDayOnOrBefore(LocalDate.now(clock.withZone(ZoneId.of("America/New_York"))));
        try (BrokerConnection connection = BrokerConnection.open(config, clock, ChainCommand.CONSOLE_CLIENT_ID_OFFSET + 3)) {
            WeeklyHedgeRollService service = new WeeklyHedgeRollService(clock, connection.broker(), SignalsReader.none(),
                    p -> { }, calendar, strategy);
            out.printf("%-8s %10s %8s %9s %11s %10s %8s %10s%n", "run", "candidates", "paths", "chain ms", "simulate ms",
                    "optimize ms", "total ms", "analyses ms");
            for (int i = 0; i <= runs; i++) {
                RollAnalysis a = service.analyze(today, calendar.nextTradingDay(today), false);
                RollAnalysis.StageTimes t = a.times();
                int candidates = a.optimization().map(o -> o.candidateCount()).orElse(0);
                out.printf("%-8s %10d %8d %9d %11d %10d %8d %10s%n", i == 0 ? "warm-up" : "run " + i, candidates, paths,
                        t.chainMs(), t.simulationMs(), t.optimizerMs(), t.totalMs(), "-");
            }
        }
        out.println("cores: " + Runtime.getRuntime().availableProcessors());
        return TailguardCommand.OK;
    }
}
