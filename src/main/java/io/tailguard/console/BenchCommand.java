package io.tailguard.console;

import io.tailguard.app.BrokerConnection;
import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.broker.ChainRequest;
import io.tailguard.broker.ListedExpiries;
import io.tailguard.broker.ibkr.chain.ChainPullBenchmark;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import java.io.PrintWriter;
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
        subcommands = {BenchCommand.Chain.class})
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
            footerHeading = "%nExamples:%n", footer = {"  tailguard bench chain", "  tailguard bench chain --width 8% --runs 5"})
    static final class Chain implements Callable<Integer> {
        @ParentCommand
        BenchCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--width", defaultValue = "10%", description = "Strike window (default: ${DEFAULT-VALUE}).")
        String width;

        @Option(names = "--runs", defaultValue = "3", description = "Pulls to make; the first is cold (default: ${DEFAULT-VALUE}).")
        int runs;

        @Override
        public Integer call() {
            TailguardConfig config = ConfigLoader.fromSystemEnvironment().load(parent.root.configFile());
            PrintWriter out = spec.commandLine().getOut();
            Clock clock = Clock.systemUTC();
            try (BrokerConnection connection = BrokerConnection.open(config, clock, ChainCommand.CONSOLE_CLIENT_ID_OFFSET)) {
                Contract xsp = Contract.index("XSP", "CBOE");
                LocalDate expiry = ListedExpiries.firstOnOrAfter(connection.broker(), xsp, "XSP",
                        LocalDate.now(clock.withZone(ZoneId.of("America/New_York"))).plusDays(1));
                ChainRequest request = new ChainRequest(xsp, "XSP", expiry, ChainCommand.parseWidth(width),
                        EnumSet.allOf(OptionRight.class), Duration.ofSeconds(180));
                for (int i = 1; i <= runs; i++) {
                    out.printf("run %d: XSP %s ±%s: %s%n", i, expiry, width, ChainPullBenchmark.run(connection.ibkr(), request));
                    out.flush();
                }
            }
            return TailguardCommand.OK;
        }
    }
}
