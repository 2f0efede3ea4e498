package io.tailguard.console;

import io.tailguard.app.Installation;
import io.tailguard.app.SignalsApp;
import io.tailguard.sources.SignalSnapshotText;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import io.tailguard.domain.TraderTime;

/** {@code tailguard signals [--history]}. */
@Command(name = "signals", mixinStandardHelpOptions = true,
        description = "Run every signal layer now, print the snapshot and store it; with --history, show how the "
                + "regime and the hold/out decision changed over the stored snapshots. On the embedded default "
                + "(broker.mode: sim) the inputs are the simulated market and sample data shipped with tailguard, "
                + "labelled NOT LIVE.",
        footerHeading = "%nExamples:%n", footer = {"  tailguard signals", "  tailguard signals --history"})
public final class SignalsCommand implements Callable<Integer> {
    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--history", description = "Show the stored snapshots instead of running the layers.")
    boolean history;

    @Override
    public Integer call() {
        try (Installation installation = Installation.open(root.configFile(), Clock.systemUTC());
                SignalsApp signals = SignalsApp.open(installation)) {
            spec.commandLine().getOut().print(history
                    ? SignalSnapshotText.renderHistory(signals.service().history(), TraderTime::format)
                    : SignalSnapshotText.render(signals.service().runNow(), TraderTime::format));
        }
        return TailguardCommand.OK;
    }
}
