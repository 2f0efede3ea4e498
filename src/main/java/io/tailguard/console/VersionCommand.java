package io.tailguard.console;

import io.tailguard.broker.ibkr.wire.ServerVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tailguard version}. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version and the TWS API version spoken.")
public final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : new Provider().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
        return TailguardCommand.OK;
    }

    /** Version text from the jar manifest (or "development" when run from classes). */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TailguardCommand.class.getPackage().getImplementationVersion();
            return new String[] {"tailguard " + (version == null ? "development" : version),
                    "TWS API server version " + ServerVersion.REQUIRED + " (TWS / IB Gateway " + ServerVersion.REQUIRED_TWS_RELEASE
                            + " or later)",
                    "Java " + System.getProperty("java.version")};
        }
    }
}
