package io.tailguard.console;

import java.util.Set;

/**
 * Chooses where a process logs, before the first logger exists. The daemon ({@code run}, or no command) and
 * the stand-alone gateway log INFO to stderr and to {@code logs/tailguard.log}; a one-shot command logs only
 * warnings and errors to stderr and everything at INFO to {@code logs/commands.log}, so that its stdout carries
 * its result alone and it never writes into the daemon's log. {@code config/logback.xml} reads the two
 * properties set here.
 */
public final class LogSetup {
    /** Root options that take a value (the next argument is that value, not the command). */
    private static final Set<String> ROOT_OPTIONS_WITH_VALUE = Set.of("-c", "--config");
    private static final Set<String> LONG_RUNNING = Set.of("run", "sim-gateway");

    private LogSetup() {
    }

    public static void forCommand(String[] args) {
        String command = commandName(args);
        boolean longRunning = command == null || LONG_RUNNING.contains(command);
        setIfAbsent("tailguard.log.name", longRunning ? "tailguard" : "commands");
        setIfAbsent("tailguard.log.consoleLevel", longRunning ? "INFO" : "WARN");
    }

    /** The subcommand named on the command line, or null when there is none (the daemon). */
    static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (ROOT_OPTIONS_WITH_VALUE.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
