package io.tailguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole weekly roll end to end on the simulated gateway over loopback: analysis, proposal,
 * auto-approval, gates, transmission by our client, the gateway's order matching, fills with
 * commissions, the week and its settlement.
 */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void theReferenceBadWeekIsHedgedWithRealFillsAndCutsTheLoss() {
        StringWriter out = new StringWriter();
        CommandLine cli = TailguardCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));

        int exit = cli.execute("demo", "--paths", "20000", "--out", dir.toString());

        String text = out.toString();
        assertThat(exit).as(text).isZero();
        assertThat(text).contains("auto-approved: 1");
        Matcher done = Pattern.compile("proposal (H\\S+) is DONE").matcher(text);
        assertThat(done.find()).as("the hedge proposal completed:\n" + text).isTrue();
        assertThat(text).contains("execution ").doesNotContain("commission unknown");
        Matcher leg = Pattern.compile("XSP \\S+ \\d+ P\\s+filled (\\d+) at").matcher(text);
        assertThat(leg.find()).as("the settled leg used actual fills").isTrue();

        double unhedged = percentOfPosition(text, "unhedged:");
        double hedged = percentOfPosition(text, "hedged:");
        assertThat(unhedged).isCloseTo(-8.43, org.assertj.core.data.Offset.offset(0.01));
        assertThat(hedged).as("the hedge cuts the week's loss").isGreaterThan(unhedged / 2);
        assertThat(dir.resolve("demo-payout-2026-12-04.png")).exists();

        // the week booked in the hedge ledger from the stored fills and the settlement reconciles with
        // the demo's own figure and with cash + value held
        Matcher net = Pattern.compile("net hedged\\s+([-\\d,.]+)").matcher(text);
        assertThat(net.find()).as("the ledger's cycle in:\n" + text).isTrue();
        Matcher sum = Pattern.compile("net = cash \\+ value held\\s+([-\\d,.]+)").matcher(text);
        assertThat(sum.find()).isTrue();
        assertThat(sum.group(1)).isEqualTo(net.group(1));
        double ledgerNet = Double.parseDouble(net.group(1).replace(",", ""));
        double position = 4000 * 79.79;
        assertThat(ledgerNet / position * 100).isCloseTo(hedged, org.assertj.core.data.Offset.offset(0.01));
        assertThat(dir.resolve("demo-cycle-2026-12-04.png")).exists();
    }

    private static double percentOfPosition(String text, String label) {
        Matcher m = Pattern.compile("(?m)^\\s+" + Pattern.quote(label) + "\\s+[-+][\\d,]+ USD = ([-+][\\d.]+)% of the position")
                .matcher(text);
        assertThat(m.find()).as(label + " line in:\n" + text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
