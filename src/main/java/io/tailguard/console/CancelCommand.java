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

/**
 * {@code tailguard cancel ID --reason ...}: withdraws an approved or working proposal. The request is stored
 * with the OS user, host, time and reason; an approved proposal that was not sent yet is CANCELLED at once
 * and never sent, a working one's orders are cancelled by the daemon's order loop (what filled stays filled).
 */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Withdraw an APPROVED or SUBMITTED proposal, with a reason; the OS user, host and time are "
                + "recorded. Nothing more of it is sent; the daemon cancels its working orders and the proposal ends "
                + "CANCELLED (`tailguard proposal ID` shows each order's end). A PROPOSED proposal is rejected "
                + "instead (`tailguard reject`). Exit 1 when there is nothing to cancel.",
        footerHeading = "%nExamples:%n", footer = {
            "  tailguard cancel P-20261204-101530-3fa --reason \"FOMC in 10 minutes\""})
public final class CancelCommand implements Callable<Integer> {
    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (stored with the request).")
    String reason;

    @Override
    public Integer call() {
        if (reason.isBlank()) {
            spec.commandLine().getErr().println("tailguard: cancel: --reason must say why");
            return TailguardCommand.USAGE_ERROR;
        }
        try (OrdersConsole console = OrdersConsole.open(root.configFile())) {
            ApprovalService.Outcome outcome = console.approvals().cancel(id, Actor.currentUser(), reason);
            if (outcome instanceof ApprovalService.Refused refused) {
                spec.commandLine().getErr().println("tailguard: " + refused.reason());
                return TailguardCommand.RUNTIME_FAILURE;
            }
            console.audit.record("PROPOSAL_CANCELLED", id, reason);
            spec.commandLine().getOut().println(outcome.describe());
            return TailguardCommand.OK;
        }
    }
}
