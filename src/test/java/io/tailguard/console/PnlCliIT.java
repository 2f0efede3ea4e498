package io.tailguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.CliProcess;
import io.tailguard.testing.CliProcess.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tailguard pnl} as a trader runs it: the built jar, its stdout redirected to a file. */
class PnlCliIT {
    @TempDir
    Path dir;

    CliProcess tailguard;

    @BeforeEach
    void freshInstallation() {
        tailguard = CliProcess.freshInstallation(dir);
    }

    @Test
    void cyclesAsCsvReachStdoutWithNoLogLineAmongThem() {
        Result r = tailguard.run("pnl", "--cycles", "--csv");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdoutLines()).as(r.describe()).isNotEmpty();
        assertThat(r.stdoutLines().get(0)).as(r.describe()).startsWith("cycle");
        assertThat(r.stdout()).as(r.describe()).doesNotContain(" INFO ").doesNotContain("database migrated");
    }

    @Test
    void oneShotCommandsLeaveTheDaemonsLogAlone() {
        Result r = tailguard.run("pnl", "--cycles");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(dir.resolve("logs/tailguard.log")).doesNotExist();
        assertThat(dir.resolve("logs/commands.log")).exists();
    }
}
