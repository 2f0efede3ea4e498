package io.tailguard.console;

import io.tailguard.app.JobCatalog;
import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tailguard config check [FILE]}. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Work with the configuration.",
        subcommands = {ConfigCommand.Check.class})
public final class ConfigCommand implements Runnable {
    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a configuration file without starting anything. Exit 0 when valid, 2 when not.",
            footerHeading = "%nExamples:%n",
            footer = {"  tailguard config check", "  tailguard config check config/tailguard-tws-paper.yaml"})
    static final class Check implements Callable<Integer> {
        @ParentCommand
        ConfigCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "File to check (default: the --config file).")
        Path file;

        @Override
        public Integer call() {
            Path target = file != null ? file : parent.root.configFile();
            TailguardConfig config = ConfigLoader.fromSystemEnvironment().load(target);
            JobCatalog.requireKnown(target, config);
            spec.commandLine().getOut().println(target + ": ok (broker " + config.broker().mode().name().toLowerCase()
                    + " " + config.broker().host() + ":" + config.broker().port() + ", trading "
                    + config.trading().mode().name().toLowerCase() + (config.trading().dryRun() ? " dry-run" : "")
                    + ", approval " + config.approval().policy().name().toLowerCase().replace('_', '-') + ", "
                    + config.schedule().jobs().size() + " job(s))");
            return TailguardCommand.OK;
        }
    }
}
