package io.tailguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TailguardCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = TailguardCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void configCheckAcceptsTheShippedConfigurations() {
        assertThat(run("config", "check")).isZero();
        assertThat(out.toString()).startsWith("config/tailguard.yaml: ok (broker sim");
        assertThat(run("config", "check", "config/tailguard-tws-paper.yaml")).isZero();
        assertThat(out.toString()).contains("config/tailguard-tws-paper.yaml: ok (broker tws 127.0.0.1:7497");
    }

    @Test
    void configErrorIsOneLineAndExitCodeTwo() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "broker:\n  mode: sim\n  port: 0\n  clientId: 1\n  colour: blue\ndatabase:\n  url: jdbc:h2:mem:x\n");
        assertThat(run("config", "check", bad.toString())).isEqualTo(TailguardCommand.USAGE_ERROR);
        assertThat(err.toString().trim()).startsWith("tailguard: configuration error: " + bad + ": broker.colour: unknown key")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void theConfigOptionIsInheritedBySubcommands() throws IOException {
        Path missing = dir.resolve("absent.yaml");
        assertThat(run("--config", missing.toString(), "status")).isEqualTo(TailguardCommand.USAGE_ERROR);
        assertThat(err.toString()).contains(missing + ": file not found");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("no-such-command")).isEqualTo(TailguardCommand.USAGE_ERROR);
        assertThat(run("status", "--frobnicate")).isEqualTo(TailguardCommand.USAGE_ERROR);
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String[] command : new String[][] {{"--help"}, {"run", "--help"}, {"status", "--help"},
                {"config", "check", "--help"}}) {
            out.getBuffer().setLength(0);
            assertThat(run(command)).as(String.join(" ", command)).isZero();
            assertThat(out.toString()).as(String.join(" ", command)).contains("Usage:").contains("Examples:");
        }
    }

    @Test
    void versionNamesTheProtocolVersion() {
        assertThat(run("version")).isZero();
        assertThat(out.toString()).contains("TWS API server version 193");
    }

    @Test
    void statusOfAnAbsentDatabaseSaysSoWithoutCreatingIt() throws IOException {
        Path config = dir.resolve("t.yaml");
        Path db = dir.resolve("db");
        Files.writeString(config, "broker:\n  mode: sim\n  port: 0\n  clientId: 1\ndatabase:\n  url: jdbc:h2:file:"
                + db.toAbsolutePath() + "/tailguard;AUTO_SERVER=TRUE\n");
        assertThat(run("--config", config.toString(), "status")).isEqualTo(TailguardCommand.RUNTIME_FAILURE);
        assertThat(out.toString()).contains("none yet at " + db.toAbsolutePath().resolve("tailguard.mv.db"))
                .contains("creates it").doesNotContain("IFEXISTS");
        assertThat(db).doesNotExist();
    }
}
