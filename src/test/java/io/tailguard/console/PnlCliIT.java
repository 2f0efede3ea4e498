package io.tailguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.CliProcess;
import io.tailguard.testing.CliProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tailguard pnl} as a trader runs it: the built jar in a child process, on an installation whose ledger
 * holds the demo week ({@code tailguard demo}), its stdout read as a redirect to a file would read it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PnlCliIT {
    Path dir;

    CliProcess tailguard;
    String demoCycle;

    @BeforeAll
    void anInstallationWithTheDemoWeekInItsLedger(@TempDir Path installation) {
        dir = installation;
        tailguard = CliProcess.freshInstallation(dir);
        Result demo = tailguard.run("demo");
        assertThat(demo.exitCode()).as(demo.describe()).isZero();
        Result cycles = tailguard.run("pnl", "--cycles", "--csv");
        demoCycle = cycles.stdoutLines().stream().filter(l -> l.startsWith("demo-W")).map(l -> l.split(",")[0])
                .findFirst().orElseThrow(() -> new AssertionError("no demo cycle in\n" + cycles.describe()));
    }

    private Result pnl(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "pnl";
        System.arraycopy(args, 0, command, 1, args.length);
        Result r = tailguard.run(command);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.logLinesOnStdout()).as("no log line on stdout: " + r.describe()).isEmpty();
        return r;
    }

    @Test
    void cyclesAsCsvHaveAHeaderAndTheDemoRowFlagged() {
        List<String> lines = pnl("--cycles", "--csv").stdoutLines();
        assertThat(lines.get(0)).startsWith("cycle,expiry,state,");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(demoCycle + ",").endsWith(",true"));
        assertThat(lines).noneMatch(l -> l.startsWith("chart:"));
    }

    @Test
    void theCurrentCycleAsCsvIsTheDemoWeekWhileTheTraderHasNone() {
        List<String> lines = pnl("--csv").stdoutLines();
        assertThat(lines.get(0)).startsWith("cycle,expiry,state,");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(demoCycle + ",");
    }

    @Test
    void oneCyclesEntriesAsCsv() {
        List<String> lines = pnl("--cycle", demoCycle, "--csv").stdoutLines();
        assertThat(lines).hasSizeGreaterThan(2);
        assertThat(lines.get(0)).contains(",");
        assertThat(lines).noneMatch(l -> l.startsWith("chart:"));
    }

    @Test
    void theTaxViewAsTextAndAsCsv() {
        int year = Integer.parseInt(pnl("--cycle", demoCycle, "--csv").stdoutLines().get(1).replaceAll(".*?(20\\d\\d)-.*", "$1"));
        assertThat(pnl("--tax", Integer.toString(year)).stdout()).startsWith("Tax view " + year);
        List<String> csv = pnl("--tax", Integer.toString(year), "--csv").stdoutLines();
        assertThat(csv.get(0)).isEqualTo("year,kind,lot,acquired,sold,shares,proceeds,basis,term,amount,"
                + "wash_sale_disallowed,note");
        assertThat(csv).anySatisfy(l -> assertThat(l).startsWith(year + ",section1256_total,"));
        assertThat(csv.stream().skip(1)).allSatisfy(l -> assertThat(l).startsWith(year + ","));
    }

    @Test
    void chartsAreNamedOnStdoutAndWrittenUnlessNoChartsIsGiven() {
        Result withCharts = pnl("--cycles");
        assertThat(withCharts.stdoutLines()).anySatisfy(l -> assertThat(l).startsWith("chart: ").endsWith("pnl-cumulative.png"));
        Result without = pnl("--cycles", "--no-charts");
        assertThat(without.stdout()).isNotBlank().doesNotContain("chart: ");
        assertThat(without.stdout()).contains(demoCycle);
    }

    @Test
    void oneShotCommandsLeaveTheDaemonsLogAlone() {
        pnl("--cycles");
        assertThat(dir.resolve("logs/tailguard.log")).doesNotExist();
        assertThat(Files.exists(dir.resolve("logs/commands.log"))).isTrue();
    }
}
