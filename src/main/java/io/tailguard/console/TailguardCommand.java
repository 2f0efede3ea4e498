package io.tailguard.console;

import io.tailguard.config.ConfigException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root of the command line. With no subcommand it runs the daemon. Exit codes: 0 ok, 1 runtime
 * failure, 2 usage or configuration error.
 */
@Command(name = "tailguard", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Weekly tail hedge of a leveraged S&P 500 position through Interactive Brokers.",
        subcommands = {RunCommand.class, ConfigCommand.class, StatusCommand.class, ChainCommand.class,
            SignalsCommand.class, SimGatewayCommand.class, HedgeCommand.class, DemoCommand.class, BenchCommand.class,
            ProposalsCommand.class, ProposalCommand.class, ProposeCommand.class, ApproveCommand.class,
            RejectCommand.class, CancelCommand.class, HaltCommand.class, ResumeCommand.class, PnlCommand.class,
            VersionCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  tailguard run                       start the daemon (embedded simulated gateway by default)",
                "  tailguard status                    from a second terminal: is the daemon up, next job fires",
                "  tailguard config check              validate config/tailguard.yaml and exit",
                "  tailguard pnl --cycles              hedge P&L of every weekly cycle, hedged vs unhedged",
                "  tailguard --config config/tailguard-tws-paper.yaml run"})
public final class TailguardCommand implements Callable<Integer> {
    public static final int OK = 0;
    public static final int RUNTIME_FAILURE = 1;
    public static final int USAGE_ERROR = 2;

    @Option(names = {"-c", "--config"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Configuration file (default: ${DEFAULT-VALUE}).", defaultValue = "config/tailguard.yaml")
    Path config;

    public Path configFile() {
        return config;
    }

    @Override
    public Integer call() {
        return new RunCommand(this).call();
    }

    /**
     * Runs one command line to its end and returns its exit code. What a command printed is flushed here, in
     * one place, before the process exits: a command writes its result with {@code print} on picocli's writers,
     * and an unflushed writer loses it at {@code System.exit}.
     */
    public static int execute(String... args) {
        CommandLine cli = commandLine();
        try {
            return cli.execute(args);
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    /** A command line with tailguard's error handling: one line on stderr, the documented exit codes. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TailguardCommand());
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof ConfigException) {
                err.println("tailguard: configuration error: " + ex.getMessage());
                return USAGE_ERROR;
            }
            err.println("tailguard: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            org.slf4j.LoggerFactory.getLogger(TailguardCommand.class).debug("command failed", ex);
            return RUNTIME_FAILURE;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            // a usage error: one line naming the option and what it takes, a suggestion for a typo, where help is
            CommandLine at = ex.getCommandLine();
            PrintWriter err = at.getErr();
            err.println("tailguard: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + at.getCommandSpec().qualifiedName() + " --help' for the options and examples.");
            return USAGE_ERROR;
        });
        cli.setExitCodeExceptionMapper(ex -> ex instanceof ConfigException || ex instanceof CommandLine.ParameterException
                ? USAGE_ERROR : RUNTIME_FAILURE);
        return cli;
    }
}
