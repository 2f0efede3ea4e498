package io.tailguard.console;

import java.util.List;
import picocli.CommandLine;

/**
 * The order commands (issue #4): proposals, proposal, propose, approve, reject, halt, resume. The root
 * command lists them in its {@code subcommands}; until then {@link #addTo} registers them.
 */
public final class OrderCommands {
    public static final List<Class<?>> ALL = List.of(ProposalsCommand.class, ProposalCommand.class,
            ProposeCommand.class, ApproveCommand.class, RejectCommand.class, HaltCommand.class, ResumeCommand.class);

    private OrderCommands() {
    }

    public static CommandLine addTo(CommandLine root) {
        for (Class<?> c : ALL) {
            root.addSubcommand(new CommandLine(c));
        }
        return root;
    }
}
