package io.tailguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.ledger.LedgerConfig;
import io.tailguard.ledger.LedgerFixture;
import io.tailguard.testing.TestDatabases;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole weekly roll end to end on the simulated gateway over loopback: analysis, proposal,
 * auto-approval, gates, transmission by our client, the gateway's order matching, fills with
 * commissions, the week and its settlement; then the week's cycle in the configured ledger (a temp config,
 * an H2 file) as {@code tailguard pnl} shows it, kept out of the trader's figures.
 */
class DemoCommandTest {
    private static final String CYCLE = "demo-W2026-12-04";
    /** The figures of a cycle as {@code PnlText.current} prints them. */
    private static final String[] FIGURES = {"underlying", "puts", "calls", "commissions", "net hedged", "unhedged",
        "loss mitigation", "portfolio impact"};

    @TempDir
    Path dir;

    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

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
    void theReferenceBadWeekIsHedgedWithRealFillsAndEndsInThePnlOfTheConfiguredLedger() throws IOException {
        config = dir.resolve("t.yaml");
        // the installation's strategies, beside a configuration that is not in a config/ directory
        Files.createDirectories(dir.resolve("strategies"));
        for (String strategy : new String[] {"weekly-xsp-hedge.yaml", "signal-layers.yaml"}) {
            Files.copy(Path.of("strategies", strategy), dir.resolve("strategies").resolve(strategy));
        }
        Files.writeString(dir.resolve("ledger.yaml"), "commitment: 0.25\n");
        Files.writeString(config, "broker:\n  mode: sim\n  port: 0\n  clientId: 1\ndatabase:\n  url: "
                + TestDatabases.fileUrl(dir.resolve("db")) + "\npaths:\n  dataDir: " + dir.resolve("data")
                + "\n  reportsDir: " + dir.resolve("reports") + "\n");
        Path reports = dir.resolve("reports");

        int exit = run("demo", "--paths", "20000");

        String text = out.toString();
        assertThat(exit).as(text + err).isZero();
        assertThat(text).contains("auto-approved: 1");
        Matcher done = Pattern.compile("proposal (H\\S+) is DONE").matcher(text);
        assertThat(done.find()).as("the hedge proposal completed:\n" + text).isTrue();
        assertThat(text).contains("execution ").doesNotContain("commission unknown");
        Matcher leg = Pattern.compile("XSP \\S+ \\d+ P\\s+filled (\\d+) at").matcher(text);
        assertThat(leg.find()).as("the settled leg used actual fills").isTrue();

        double unhedged = percentOfPosition(text, "unhedged:");
        double hedged = percentOfPosition(text, "hedged:");
        assertThat(unhedged).isCloseTo(-8.43, Offset.offset(0.01));
        assertThat(hedged).as("the hedge cuts the week's loss").isGreaterThan(unhedged / 2);
        assertPng(reports.resolve("demo-payout-2026-12-04.png"));

        // the week booked in the demo's ledger from the stored fills and the settlement reconciles with the
        // demo's own figure and with cash + value held
        String booked = text.substring(text.indexOf("-- 7."));
        String demoNet = money(booked, "net hedged");
        assertThat(money(booked, "net = cash \\+ value held")).isEqualTo(demoNet);
        double position = 4000 * 79.79;
        assertThat(parse(demoNet) / position * 100).isCloseTo(hedged, Offset.offset(0.01));
        assertThat(text).contains("cycle " + CYCLE + " copied with its");
        assertPng(reports.resolve("cycle-" + CYCLE + ".png"));
        Files.delete(reports.resolve("cycle-" + CYCLE + ".png"));

        // tailguard pnl on the same configuration: the demo week, labelled, with the demo's figures
        assertThat(run("pnl")).as(err.toString()).isZero();
        String pnl = out.toString();
        assertThat(pnl).contains("Hedge cycle " + CYCLE).contains("DEMO").contains("(commitment 25.00%)");
        for (String figure : FIGURES) {
            assertThat(money(pnl, figure)).as(figure).isEqualTo(money(booked, figure));
        }
        assertPng(reports.resolve("cycle-" + CYCLE + ".png"));

        assertThat(run("pnl", "--cycle", CYCLE)).as(err.toString()).isZero();
        assertThat(money(out.toString(), "net = cash \\+ value held")).isEqualTo(demoNet);
        assertThat(out.toString()).contains("settled against");

        assertThat(run("pnl", "--cycles")).as(err.toString()).isZero();
        String cycles = out.toString();
        assertThat(cycles).contains("closed cycles: 0   net 0.00");
        assertThat(cycles.substring(cycles.indexOf("DEMO cycles"))).contains(CYCLE);
        assertPng(reports.resolve("pnl-cumulative.png"));
        assertPng(reports.resolve("pnl-weekly.png"));

        assertThat(run("pnl", "--tax", "2026")).as(err.toString()).isZero();
        assertThat(out.toString()).as("the demo's puts are not in the tax view")
                .contains("Section 1256 (XSP): realized 0.00 + year-end mark 0.00 = 0.00");

        // the trader's first real cycle: it takes over `pnl`, the totals are its own, the demo is listed apart
        try (LedgerFixture f = new LedgerFixture(TestDatabases.file(dir.resolve("db")), LedgerConfig.defaults())) {
            f.referenceWeekClosed();
        }
        assertThat(run("pnl")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Hedge cycle 2026-W48").doesNotContain(CYCLE).doesNotContain("DEMO");
        assertThat(run("pnl", "--cycles")).as(err.toString()).isZero();
        cycles = out.toString();
        assertThat(cycles).contains("closed cycles: 1   net -9,366.40   unhedged -26,920.00");
        assertThat(cycles.substring(0, cycles.indexOf("DEMO cycles"))).doesNotContain(CYCLE);
        assertThat(cycles.substring(cycles.indexOf("DEMO cycles"))).contains(CYCLE);
        assertThat(run("pnl", "--cycle", CYCLE)).isZero();
        assertThat(money(out.toString(), "net hedged")).isEqualTo(demoNet);
    }

    private static void assertPng(Path file) throws IOException {
        assertThat(file).exists();
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as(file.toString()).isNotNull();
        assertThat(image.getWidth()).isPositive();
    }

    /** The first amount (money or percent) printed after {@code label} at the start of a line. */
    private static String money(String text, String label) {
        Matcher m = Pattern.compile("(?m)^\\s*" + label + "\\s+(-?[\\d,]+\\.\\d\\d%?)").matcher(text);
        assertThat(m.find()).as(label + " in:\n" + text).isTrue();
        return m.group(1);
    }

    private static double parse(String money) {
        return Double.parseDouble(money.replace(",", ""));
    }

    private static double percentOfPosition(String text, String label) {
        Matcher m = Pattern.compile("(?m)^\\s+" + Pattern.quote(label) + "\\s+[-+][\\d,]+ USD = ([-+][\\d.]+)% of the position")
                .matcher(text);
        assertThat(m.find()).as(label + " line in:\n" + text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
