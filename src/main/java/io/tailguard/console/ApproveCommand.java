package io.tailguard.console;

import io.tailguard.orders.Actor;
import io.tailguard.orders.ApprovalService;
import io.tailguard.orders.GateCheck;
import io.tailguard.orders.MarketStatus;
import io.tailguard.orders.ProposalChecks;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import io.tailguard.domain.TraderTime;

/**
 * {@code tailguard approve ID}: runs the approval checks (trading state, risk limits, price bounds) and shows
 * them; refuses what they deny (change the proposal, or the limits in the configuration: the console does
 * not overrule them); records the OS user, host and time. The daemon picks the approval up within seconds,
 * or at the next open when the market is closed.
 */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approve a PROPOSED proposal. The approval checks (trading state, risk limits, price bounds) "
                + "are shown; a denied check refuses the approval. Outside the market's hours the approval is valid "
                + "from the next open, when the daemon works it. It expires after approval.expiry or when the market "
                + "leaves the proposal's price bounds. Exit 1 when the proposal cannot be approved.",
        footerHeading = "%nExamples:%n", footer = {"  tailguard approve P-20261204-101530-3fa"})
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
            PrintWriter out = spec.commandLine().getOut();
            Actor who = Actor.currentUser();
            ApprovalService.ApprovalOutcome outcome = console.approvals().approve(id, who);
            if (outcome instanceof ApprovalService.Refused refused) {
                refused.checks().ifPresent(checks -> printChecksAndMarket(out, checks, console.clock.instant()));
                spec.commandLine().getErr().println("tailguard: " + refused.reason());
                return TailguardCommand.RUNTIME_FAILURE;
            }
            ApprovalService.Approved approved = (ApprovalService.Approved) outcome;
            printChecksAndMarket(out, approved.checks(), console.clock.instant());
            console.audit.record("PROPOSAL_APPROVED", id, approved.describe());
            out.printf("approved %s by %s@%s, valid until %s%n", id, who.name(), who.host(),
                    TraderTime.format(approved.validUntil()));
            return TailguardCommand.OK;
        }
    }

    private void printChecksAndMarket(PrintWriter out, ProposalChecks.Report checks, Instant now) {
        printChecks(out, id, checks);
        out.printf("market     %s%n", marketLine(checks.market(), now));
    }

    /** One line per check: the leg (its suffix), the check's name, ok or DENIED with the reason. */
    static void printChecks(PrintWriter out, String proposalId, ProposalChecks.Report report) {
        for (GateCheck c : report.checks()) {
            out.printf("check      %-10s %-15s %s%n", shortLeg(proposalId, c.legId()), c.gate().label(), c.result());
        }
    }

    /** {@code L1} for {@code P-20261204-101530-3fa-L1}: the leg within its proposal. */
    static String shortLeg(String proposalId, String legId) {
        return legId.startsWith(proposalId + "-") ? legId.substring(proposalId.length() + 1) : legId;
    }

    /** Whether the legs' market is open, in the trader's time; when closed, when an approved order is worked. */
    static String marketLine(MarketStatus market, Instant now) {
        if (market instanceof MarketStatus.Open open) {
            return "open until " + TraderTime.format(open.closesAt()) + " (" + open.venues() + ")";
        }
        if (market instanceof MarketStatus.Closed closed) {
            return "closed now; opens " + TraderTime.format(closed.workFrom(now)) + " (" + closed.venues() + "); an "
                    + "approved order is held until then";
        }
        return "hours not checked (orders.marketHours: always)";
    }
}
