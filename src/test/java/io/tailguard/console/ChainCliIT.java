package io.tailguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.CliProcess;
import io.tailguard.testing.CliProcess.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tailguard chain} redirected to a file: the chain and nothing else on stdout, times in New York. */
class ChainCliIT {
    @TempDir
    Path dir;

    @Test
    void stdoutCarriesTheChainOnlyWithNewYorkTimesToTheSecond() {
        Result r = CliProcess.freshInstallation(dir).run("chain", "XSP", "--expiry", "next", "--width", "2%");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        List<String> lines = r.stdoutLines();
        assertThat(lines.get(0)).as(r.describe()).startsWith("broker: a simulated gateway of its own at 127.0.0.1:")
                .containsPattern("market time \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d E[SD]T");
        assertThat(lines.get(1)).as(r.describe()).startsWith("XSP ")
                .containsPattern("\\(pulled \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d E[SD]T\\)");
        assertThat(lines.get(2).trim()).startsWith("strike right");
        assertThat(lines.subList(3, lines.size())).as(r.describe()).isNotEmpty()
                .allSatisfy(l -> assertThat(l).matches("\\s+\\d+(\\.\\d+)?\\s+[PC]\\s+.*"));
        assertThat(r.logLinesOnStdout()).as(r.describe()).isEmpty();
        assertThat(r.stdout()).as("no UTC instant: " + r.describe()).doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
        assertThat(r.stderr()).as("no warning on a healthy pull").isEmpty();
    }
}
