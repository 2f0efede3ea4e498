package io.tailguard.console;

import io.tailguard.orders.Actor;
import io.tailguard.orders.ApprovalService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tailguard reject ID --reason ...}. */
@Command(name = "reject", mixinStandardHelpOptions = true,
        description = "Reject a PROPOSED proposal, with a reason; the OS user, host and time are recorded. An approved "
                + "or working proposal is withdrawn with `tailguard cancel ID --reason ...` instead.",
        footerHeading = "%nExamples:%n", footer = {"  tailguard reject P-20261204-101530-3fa --reason \"strike too close\""})
public final class RejectCommand implements Callable<Integer> {
    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (stored with the decision).")
    String reason;

    @Override
    public Integer call() {
        try (OrdersConsole console = OrdersConsole.open(root.configFile())) {
            ApprovalService.Outcome outcome = console.approvals().reject(id, Actor.currentUser(), reason);
            if (outcome instanceof ApprovalService.Refused refused) {
                spec.commandLine().getErr().println("tailguard: " + refused.reason());
                return TailguardCommand.RUNTIME_FAILURE;
            }
            console.audit.record("PROPOSAL_REJECTED", id, reason);
            spec.commandLine().getOut().println(outcome.describe() + ": " + reason);
            return TailguardCommand.OK;
        }
    }
}
