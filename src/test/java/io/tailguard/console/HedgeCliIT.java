package io.tailguard.console;

import static java.time.format.DateTimeFormatter.BASIC_ISO_DATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.CliProcess;
import io.tailguard.testing.CliProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tailguard hedge preview|roll} as a trader runs them: the built jar on a fresh installation's embedded
 * default (the simulated market follows the wall clock, so nothing here depends on the hour: the roll
 * analyses on the latest close whenever it runs).
 */
class HedgeCliIT {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Pattern CHART = Pattern.compile("(?m)^payout chart: (data/reports/hedge-payout-\\d{4}-\\d{2}-\\d{2}\\.png)$");

    @TempDir
    Path dir;

    CliProcess tailguard;

    @BeforeEach
    void freshInstallation() {
        tailguard = CliProcess.freshInstallation(dir);
    }

    @Test
    void previewOnTheEmbeddedDefaultProposesAHedge() {
        Result r = tailguard.run("hedge", "preview", "--no-analyses");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as(r.describe()).doesNotContain("NO FEASIBLE HEDGE").contains("chosen: buy ")
                .containsPattern("(?m)^proposal H\\S+ \\(weekly-xsp-hedge\\)$")
                .containsPattern("(?m)^  \\S+-L\\d+ +BUY_PROTECTION +BUY \\d+ XSP ")
                .contains("(preview: nothing stored");
        assertThat(r.logLinesOnStdout()).as(r.describe()).isEmpty();
        assertThat(chart(r)).as(r.describe()).isRegularFile();
    }

    @Test
    void rollOnTheEmbeddedDefaultStoresTheProposalForApproval() {
        LocalDate before = LocalDate.now(NEW_YORK);
        Result r = tailguard.run("hedge", "roll", "--no-analyses");
        LocalDate after = LocalDate.now(NEW_YORK);

        assertThat(r.exitCode()).as(r.describe()).isZero();
        Matcher stored = Pattern.compile("(?m)^stored; approve with: tailguard approve (H\\S+)$").matcher(r.stdout());
        assertThat(stored.find()).as(r.describe()).isTrue();
        // the New York date, like a trader's proposal (in the evening UTC's date is already the next day's)
        assertThat(stored.group(1)).matches("H-(" + BASIC_ISO_DATE.format(before) + "|" + BASIC_ISO_DATE.format(after)
                + ")-\\d{6}-[0-9a-f]{3}");
        assertThat(r.logLinesOnStdout()).as(r.describe()).isEmpty();

        Result listed = tailguard.run("proposals");
        assertThat(listed.exitCode()).as(listed.describe()).isZero();
        assertThat(listed.stdout()).as(listed.describe()).contains(stored.group(1));
        // the shipped trading limits let the shipped strategy's week through (a 5,000 USD weekly premium did not)
        Result shown = tailguard.run("proposal", stored.group(1));
        assertThat(shown.exitCode()).as(shown.describe()).isZero();
        assertThat(shown.stdout()).as(shown.describe()).contains(stored.group(1)).doesNotContain("DENIED");
    }

    @Test
    void anInfeasibleRollSaysWhichToleranceWouldHavePassedAndWhereItsChartIs() throws Exception {
        String shipped = Files.readString(dir.resolve("strategies/weekly-xsp-hedge.yaml"));
        assertThat(shipped).contains("fractionOfPosition: 0.027");
        tailguard.write("strategies/tight.yaml", shipped.replace("fractionOfPosition: 0.027", "fractionOfPosition: 0.002"));

        Result r = tailguard.run("hedge", "preview", "--strategy", "strategies/tight.yaml", "--no-analyses");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as(r.describe()).contains("NO FEASIBLE HEDGE", "closest (not proposed): ",
                "proposal: none (no structure within the loss tolerance)");
        Matcher figure = Pattern.compile("(?m)^feasible tolerance: the smallest at which a structure passes on these "
                + "paths is a P5 loss of (\\d+) USD; in the strategy file lossTolerance\\.fractionOfPosition: "
                + "(0\\.\\d{1,4}) \\(").matcher(r.stdout());
        assertThat(figure.find()).as(r.describe()).isTrue();
        assertThat(Double.parseDouble(figure.group(2))).isGreaterThan(0.002).isLessThan(1);
        assertThat(r.logLinesOnStdout()).as(r.describe()).isEmpty();
        assertThat(chart(r)).as(r.describe()).isRegularFile();
    }

    @Test
    void theRollActsOnTheRegimeTheSignalLayersDecidedAndSaysWhereEachSignalCameFrom() {
        Result before = tailguard.run("hedge", "preview", "--no-analyses");
        assertThat(before.exitCode()).as(before.describe()).isZero();
        assertThat(before.stdout()).as(before.describe()).contains(
                "signals: none used: no stored signal snapshot",
                "risk assessment: HOLD (riskAssessment.fallback, no fresh signal snapshot)",
                "hedge intensity: STANDARD (no fresh signal snapshot): the ",
                "exposure: multiplier 1.00 (no fresh signal snapshot): target ")
                .containsPattern("(?m)^IV regime: [A-Z_]+ \\(live chain XSP ATM IV \\d+\\.\\d%; no fresh signal snapshot\\)$");

        Result signals = tailguard.run("signals");
        assertThat(signals.exitCode()).as(signals.describe()).isZero();
        String asOf = field(signals, "Signal snapshot as of (\\d{4}-\\d{2}-\\d{2}) ");
        String holdOut = field(signals, "  hold/out +(HOLD|OUT) ");
        String regime = field(signals, "  volatility regime +(CHEAP|MODEST|RICH|FALLING_FROM_HIGH)$");
        String intensity = field(signals, "  hedge intensity +(NONE|FULL|REDUCED|STANDARD)$");
        String multiplier = field(signals, "  exposure multiplier +(\\d\\.\\d\\d)$");

        Result after = tailguard.run("hedge", "preview", "--no-analyses");
        assertThat(after.exitCode()).as(after.describe()).isZero();
        String snapshot = "signal snapshot of " + asOf;
        assertThat(after.stdout()).as(after.describe())
                .contains("signals: snapshot of " + asOf + " (0 sessions before the analysis close",
                        "risk assessment: " + holdOut + " (" + snapshot + ")",
                        "IV regime: " + regime + " (" + snapshot,
                        "hedge intensity: " + intensity + " (" + snapshot + ")",
                        "exposure: multiplier " + multiplier + " (" + snapshot + ")")
                .containsPattern("(?m)^proposal H\\S+ \\(weekly-xsp-hedge\\)$|^proposal: none");
        assertThat(after.logLinesOnStdout()).as(after.describe()).isEmpty();
    }

    /** The first group of a line of {@code r}'s stdout matching {@code linePattern} (anchored at the line start). */
    private static String field(Result r, String linePattern) {
        Matcher m = Pattern.compile("(?m)^" + linePattern).matcher(r.stdout());
        assertThat(m.find()).as(linePattern + " in " + r.describe()).isTrue();
        return m.group(1);
    }

    @Test
    void aStrategyFileThatStillSetsTheRegimeThresholdsIsToldWhereTheyAreDefined() throws Exception {
        String shipped = Files.readString(dir.resolve("strategies/weekly-xsp-hedge.yaml"));
        tailguard.write("strategies/older.yaml", shipped.replace("regimes:\n", "regimes:\n  modestAbove: 0.135\n"));

        Result r = tailguard.run("hedge", "preview", "--strategy", "strategies/older.yaml", "--no-analyses");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
        assertThat(r.stdout()).as(r.describe()).isEmpty();
        assertThat(r.stderr().strip()).as(r.describe()).isEqualTo("tailguard: configuration error: strategies/older.yaml: "
                + "regimes.modestAbove: the regime thresholds are defined once, in strategies/signal-layers.yaml "
                + "(volatility.regime.modestFrom); remove this key here");
    }

    private Path chart(Result r) {
        Matcher m = CHART.matcher(r.stdout());
        assertThat(m.find()).as(r.describe()).isTrue();
        return dir.resolve(m.group(1));
    }
}
