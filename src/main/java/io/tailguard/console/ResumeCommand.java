package io.tailguard.console;

import io.tailguard.domain.TraderTime;
import io.tailguard.orders.TradingState;
import io.tailguard.orders.store.TradingStateStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tailguard resume}: back to ACTIVE. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Resume trading (ACTIVE) after `tailguard halt`.",
        footerHeading = "%nExamples:%n", footer = {"  tailguard resume", "  tailguard resume --reason \"data checked\""})
public final class ResumeCommand implements Callable<Integer> {
    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "resumed from the console")
    String reason;

    @Override
    public Integer call() {
        return change(root, spec, TradingState.ACTIVE, reason);
    }

    static int change(TailguardCommand root, CommandSpec spec, TradingState target, String reason) {
        try (OrdersConsole console = OrdersConsole.open(root.configFile())) {
            TradingStateStore.Current before = console.tradingState.current();
            if (before.state() == target) {
                spec.commandLine().getOut().printf("trading is already %s (since %s by %s)%n", target, TraderTime.format(before.changedAt()),
                        before.changedBy());
                return TailguardCommand.OK;
            }
            if (!console.tradingState.change(target, HaltCommand.who(), reason, console.audit)) {
                spec.commandLine().getErr().println("tailguard: cannot move trading from " + before.state() + " to "
                        + target);
                return TailguardCommand.RUNTIME_FAILURE;
            }
            spec.commandLine().getOut().printf("trading %s -> %s: %s%n", before.state(), target, reason);
            return TailguardCommand.OK;
        }
    }
}
