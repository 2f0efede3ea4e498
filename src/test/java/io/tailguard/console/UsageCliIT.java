package io.tailguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.CliProcess;
import io.tailguard.testing.CliProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Usage and configuration errors as a trader meets them: the built jar, its exit code and its stderr. */
class UsageCliIT {
    @TempDir
    Path dir;

    CliProcess tailguard;

    @BeforeEach
    void freshInstallation() {
        tailguard = CliProcess.freshInstallation(dir);
    }

    private Result usageError(String... args) {
        Result r = tailguard.run(args);
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(TailguardCommand.USAGE_ERROR);
        assertThat(r.stdout()).as(r.describe()).isEmpty();
        assertThat(r.stderr()).as(r.describe()).startsWith("tailguard: ")
                .doesNotContain("Exception").doesNotContain("For input string").doesNotContain("\tat ");
        return r;
    }

    @Test
    void aBadPercentageNamesTheOptionAndWhatItTakes() {
        assertThat(usageError("chain", "XSP", "--width", "abc").stderr())
                .contains("--width").contains("'abc' is not a percentage such as 10%");
        assertThat(usageError("chain", "XSP", "--width", "150%").stderr()).contains("--width").contains("at most 100%");
        assertThat(usageError("bench", "chain", "--width", "x").stderr()).contains("--width");
    }

    @Test
    void aBadExpiryNamesTheOptionAndWhatItTakes() {
        assertThat(usageError("chain", "XSP", "--expiry", "tomorrow").stderr())
                .contains("--expiry").contains("'tomorrow' is not 'next' or a date YYYY-MM-DD");
        assertThat(usageError("chain", "XSP", "--rights", "X").stderr()).contains("--rights").contains("P (put) or C (call)");
    }

    @Test
    void aTypoOfACommandIsAUsageErrorWithASuggestion() {
        assertThat(usageError("stauts").stderr()).contains("stauts").contains("status");
    }

    @Test
    void everyCommandsHelpIsCleanAndShowsItsExamples() {
        List<List<String>> commands = new ArrayList<>();
        collect(TailguardCommand.commandLine(), new ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThan(15);
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Result r = tailguard.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.describe()).isZero();
            assertThat(r.stderr()).as(r.describe()).isEmpty();
            assertThat(r.stdout()).as(r.describe()).startsWith("Usage: tailguard").doesNotContain("%%");
        }
        Result chain = tailguard.run("chain", "--help");
        assertThat(chain.stdout()).contains("(default: 10%)").contains("--width 10%");
    }

    private static void collect(CommandLine cli, List<String> prefix, List<List<String>> into) {
        for (var sub : cli.getSubcommands().entrySet()) {
            if (sub.getValue().getCommandSpec().name().equals(sub.getKey())) {
                List<String> path = new ArrayList<>(prefix);
                path.add(sub.getKey());
                into.add(path);
                collect(sub.getValue(), path, into);
            }
        }
    }

    @Test
    void aMisspeltTopLevelSectionIsNamedAsWritten() throws Exception {
        Path config = dir.resolve("config/tailguard.yaml");
        Files.writeString(config, Files.readString(config).replaceFirst("(?m)^broker:", "brokr:"));
        Result r = usageError("config", "check");
        assertThat(r.stderr()).startsWith("tailguard: configuration error: config/tailguard.yaml: brokr: unknown key");
        assertThat(r.stderr().lines()).hasSize(1);
    }

    @Test
    void aBadEnvironmentOverrideIsBlamedOnTheVariable() {
        tailguard.env("TAILGUARD_BROKER_PORT", "abc");
        Result r = usageError("config", "check");
        assertThat(r.stderr()).startsWith("tailguard: configuration error: environment variable TAILGUARD_BROKER_PORT='abc': ")
                .contains("broker.port of config/tailguard.yaml");
    }
}
