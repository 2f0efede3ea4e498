package io.tailguard.console;

import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.ProposalState;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import io.tailguard.domain.TraderTime;

/** {@code tailguard proposals}: what waits for a decision or is being worked. */
@Command(name = "proposals", mixinStandardHelpOptions = true,
        description = "List pending proposals (PROPOSED, APPROVED, SUBMITTED); --all adds the finished ones. Times "
                + "are New York's.",
        footerHeading = "%nExamples:%n", footer = {"  tailguard proposals", "  tailguard proposals --all"})
public final class ProposalsCommand implements Callable<Integer> {
    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--all", description = "Also list REJECTED, EXPIRED, DONE, CANCELLED and FAILED proposals.")
    boolean all;

    @Override
    public Integer call() {
        try (OrdersConsole console = OrdersConsole.open(root.configFile())) {
            PrintWriter out = spec.commandLine().getOut();
            var list = all ? console.proposals.inStates(ProposalState.values())
                    : console.proposals.inStates(ProposalState.PROPOSED, ProposalState.APPROVED, ProposalState.SUBMITTED);
            if (list.isEmpty()) {
                out.println(all ? "no proposals" : "no pending proposals");
            }
            for (Proposal p : list) {
                out.printf("%-26s %-9s %s  %-14s max premium %s USD  %s%n", p.id(), p.state(),
                        TraderTime.format(p.createdAt()), p.strategy(), p.maxPremiumPaid().toPlainString(),
                        p.legs().stream().map(ProposalLeg::describe).collect(Collectors.joining(" | ")));
            }
            return TailguardCommand.OK;
        }
    }
}
