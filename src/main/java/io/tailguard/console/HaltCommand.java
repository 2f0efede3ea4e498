package io.tailguard.console;

import io.tailguard.orders.Actor;
import io.tailguard.orders.TradingState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tailguard halt --reason ...}: the kill switch. */
@Command(name = "halt", mixinStandardHelpOptions = true,
        description = "Stop transmitting (HALTED): nothing new is sent, working orders are cancelled by the daemon. "
                + "With --reducing, only risk-reducing orders are still sent (REDUCING).",
        footerHeading = "%nExamples:%n", footer = {"  tailguard halt --reason \"FOMC in 10 minutes\"",
                "  tailguard halt --reducing --reason \"hedges only this week\""})
public final class HaltCommand implements Callable<Integer> {
    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--reason", required = true, paramLabel = "TEXT")
    String reason;

    @Option(names = "--reducing", description = "REDUCING instead of HALTED.")
    boolean reducing;

    @Override
    public Integer call() {
        TradingState target = reducing ? TradingState.REDUCING : TradingState.HALTED;
        return ResumeCommand.change(root, spec, target, reason);
    }

    static String who() {
        Actor a = Actor.currentUser();
        return a.name() + "@" + a.host();
    }
}
