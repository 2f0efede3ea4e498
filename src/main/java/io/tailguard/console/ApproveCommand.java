package io.tailguard.console;

import io.tailguard.orders.Actor;
import io.tailguard.orders.ApprovalService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tailguard approve ID}: records the OS user, host and time; the daemon picks it up within seconds. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approve a PROPOSED proposal. The approval expires after approval.expiry or when the market "
                + "leaves the proposal's price bounds. Exit 1 when the proposal cannot be approved.",
        footerHeading = "%nExamples:%n", footer = {"  tailguard approve P20261123-150000-3fa"})
public final class ApproveCommand implements Callable<Integer> {
    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
        try (OrdersConsole console = OrdersConsole.open(root.configFile())) {
            Actor who = Actor.currentUser();
            ApprovalService.Outcome outcome = console.approvals().approve(id, who);
            if (!outcome.done()) {
                spec.commandLine().getErr().println("tailguard: " + outcome.message());
                return TailguardCommand.RUNTIME_FAILURE;
            }
            console.audit.record("PROPOSAL_APPROVED", id, outcome.message());
            spec.commandLine().getOut().println(outcome.message());
            return TailguardCommand.OK;
        }
    }
}
