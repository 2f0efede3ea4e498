package io.tailguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.ledger.LedgerConfig;
import io.tailguard.ledger.LedgerFixture;
import io.tailguard.testing.TestDatabases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tailguard pnl} from a second terminal: a temp config, a temp H2 file holding two closed weeks. */
class PnlCommandTest {
    @TempDir
    Path dir;

    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void twoClosedWeeks() throws IOException {
        config = dir.resolve("t.yaml");
        Files.writeString(config, "broker:\n  mode: sim\n  port: 0\n  clientId: 1\ndatabase:\n  url: "
                + TestDatabases.fileUrl(dir.resolve("db")) + "\npaths:\n  dataDir: " + dir.resolve("data")
                + "\n  reportsDir: " + dir.resolve("reports") + "\n");
        Files.writeString(dir.resolve("ledger.yaml"), "commitment: 0.25\nlotMethod: FIFO\n");
        try (LedgerFixture f = new LedgerFixture(TestDatabases.file(dir.resolve("db")), LedgerConfig.defaults())) {
            f.referenceWeekClosed();
            f.secondWeekClosed();
        }
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = TailguardCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.execute(all);
    }

    @Test
    void showsTheLatestCycleWithTheCommitmentFromLedgerYamlAndDrawsItsChart() {
        assertThat(run("pnl")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Hedge cycle 2026-W49").containsPattern("net hedged\\s+7,749.60")
                .contains("(commitment 25.00%)");
        assertThat(dir.resolve("reports/cycle-2026-W49.png")).exists();
    }

    @Test
    void listsAllCyclesAndDrawsTheCumulativeAndWeeklyCharts() {
        assertThat(run("pnl", "--cycles")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("2026-W48", "2026-W49", "closed cycles: 2   net -1,616.80");
        assertThat(dir.resolve("reports/pnl-cumulative.png")).exists();
        assertThat(dir.resolve("reports/pnl-weekly.png")).exists();
    }

    @Test
    void showsEveryEntryOfOneCycleAndExportsItAsCsv() {
        assertThat(run("pnl", "--cycle", "2026-W48")).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("net = cash \\+ value held\\s+-9,366.40");
        assertThat(run("pnl", "--cycle", "2026-W48", "--csv", "--no-charts")).isZero();
        assertThat(out.toString()).startsWith("id,cycle,occurred_at,type").doesNotContain("chart:");
        assertThat(run("pnl", "--cycles", "--csv")).isZero();
        assertThat(out.toString().lines().count()).isEqualTo(3);
    }

    @Test
    void showsTheTaxViewOfAYear() {
        assertThat(run("pnl", "--tax", "2026")).as(err.toString()).isZero();
        // XSP puts: 14,190.00 - 10.40 (W48, commissions 6.50 + 3.90) - 4,000.00 - 10.40 (W49) = 10,169.20
        // 60% = 6,101.52, 40% = 4,067.68
        assertThat(out.toString()).contains("Section 1256 (XSP): realized 10,169.20 + year-end mark 0.00 = 10,169.20")
                .contains("60% long-term 6,101.52, 40% short-term 4,067.68")
                .contains("UPRO options (not 1256, by holding period): cash in the year 3,374.00");
    }

    @Test
    void anUnknownCycleIsExitOne() {
        assertThat(run("pnl", "--cycle", "nope")).isEqualTo(TailguardCommand.RUNTIME_FAILURE);
        assertThat(err.toString()).contains("no hedge cycle nope");
    }
}
