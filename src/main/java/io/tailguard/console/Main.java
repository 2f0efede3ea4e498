package io.tailguard.console;


/** Process entry point; the command line is defined in {@link TailguardCommand}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LogSetup.forCommand(args);
        System.exit(TailguardCommand.execute(args));
    }
}
